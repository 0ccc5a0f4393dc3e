import { initials, type RepatriationLeg } from '@sinergi/core';
import type { AppDeps } from '../../platform/context.js';

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'reference'>;

/** "Kabupaten Manggarai" as "Kab. Manggarai": the chain is read on a phone. */
function shortRegency(name: string): string {
  return name.replace(/^Kabupaten /, 'Kab. ');
}

/**
 * A leg's end by name: a country, a province, a regency, or a kecamatan or village with the place
 * above it ("Kec. Ruteng, Kab. Manggarai", "Desa Rado, Kec. Cibal"), so two places of one name differ.
 */
export function placeName(deps: Pick<Deps, 'reference'>, code: string): string {
  if (/^[A-Z]{2}$/.test(code)) return deps.reference.country(code)?.nameId ?? code;
  const region = deps.reference.region(code);
  if (!region) return code;
  const parent = region.parentCode ? deps.reference.region(region.parentCode) : undefined;
  switch (region.level) {
    case 'province':
      return region.name;
    case 'regency':
      return shortRegency(region.name);
    case 'district':
      return parent ? `Kec. ${region.name}, ${shortRegency(parent.name)}` : `Kec. ${region.name}`;
    case 'village': {
      // Kemendagri numbers kelurahan 1xxx and desa 2xxx.
      const kind = code.split('.')[3]?.startsWith('1') ? 'Kel.' : 'Desa';
      return parent ? `${kind} ${region.name}, Kec. ${parent.name}` : `${kind} ${region.name}`;
    }
  }
}

/** The legs of a case, oldest planned first; only those of `personIds` when given. */
export async function legsOfCase(
  deps: Deps,
  caseId: string,
  options: { full: boolean; personIds?: ReadonlySet<string> },
): Promise<RepatriationLeg[]> {
  let q = deps.db
    .selectFrom('repatriation_legs')
    .innerJoin('agencies', 'agencies.id', 'repatriation_legs.agency_id')
    .innerJoin('persons', 'persons.id', 'repatriation_legs.person_id')
    .selectAll('repatriation_legs')
    .select(['agencies.short_name', 'persons.full_name_enc'])
    .where('repatriation_legs.case_id', '=', caseId);
  if (options.personIds) q = q.where('repatriation_legs.person_id', 'in', [...options.personIds]);
  const legs = await q.orderBy('repatriation_legs.planned_date').execute();
  return legs.map((l) => ({
    id: l.id,
    personId: l.person_id,
    personInitials: initials(deps.cipher.decrypt(l.full_name_enc)),
    from: l.from_place,
    fromName: placeName(deps, l.from_place),
    to: l.to_place,
    toName: placeName(deps, l.to_place),
    agencyId: l.agency_id,
    agency: l.short_name,
    plannedDate: l.planned_date,
    actualDate: l.actual_date,
    escortRequired: l.escort_required === 1,
    escort: options.full ? deps.cipher.decryptNullable(l.escort_enc) : null,
    transport: l.transport,
    cost: l.cost === null ? null : Number(l.cost),
    paidBy: l.paid_by,
    handoverDocumentId: l.handover_document_id,
    escortMissing: l.escort_required === 1 && !l.escort_enc,
    version: l.version,
  }));
}
