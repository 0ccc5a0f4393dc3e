/**
 * SIMFONI PPA categories (domain §6) derived from a case's non-personal fields. SIMFONI has no
 * public export format; these are the categories of its public statistics, so the tables can be
 * typed into the national system.
 */
export const SIMFONI_VIOLENCE_TYPES = [
  'physical',
  'psychological',
  'sexual',
  'exploitation',
  'trafficking',
  'neglect',
  'other',
] as const;
export const SIMFONI_AGE_ROWS = [
  '0-5',
  '6-12',
  '13-17',
  '18-24',
  '25-44',
  '45-59',
  '60+',
  'unknown',
] as const;
export const SIMFONI_EDUCATION = [
  'none',
  'early_childhood',
  'primary',
  'junior_secondary',
  'senior_secondary',
  'higher',
  'unknown',
] as const;
export const SIMFONI_PLACES = ['household', 'public_facility', 'school', 'workplace', 'other'] as const;
export const SIMFONI_RELATIONS = ['IntimatePartner', 'Friend', 'Family', 'Other', 'Unknown'] as const;

/** The violence types a victim of a case counts under (a victim may count under several). */
export function simfoniViolenceTypes(c: {
  caseType: string;
  exploitationTypes: readonly string[];
  methodsOfControl: readonly string[];
}): string[] {
  const out = new Set<string>();
  const m = new Set(c.methodsOfControl);
  if (c.caseType === 'tppo' || c.caseType === 'potential_tppo') out.add('trafficking');
  if (m.has('PhysicalAbuse')) out.add('physical');
  if (m.has('PsychologicalAbuse') || m.has('Threats')) out.add('psychological');
  if (m.has('SexualAbuse') || c.exploitationTypes.includes('sexual_exploitation')) out.add('sexual');
  if (c.exploitationTypes.length > 0 || c.caseType === 'pmi_other') out.add('exploitation');
  if (m.has('WithholdsNecessities') || m.has('RestrictsMedicalCare')) out.add('neglect');
  if (out.size === 0) out.add('other');
  return SIMFONI_VIOLENCE_TYPES.filter((t) => out.has(t));
}

/**
 * The place of occurrence. Cases record no place category (the place itself is encrypted free
 * text), so it is read from the labour sector: domestic work happens in a household, other labour
 * at a workplace; everything else counts as "other".
 */
export function simfoniPlace(labourSectors: readonly string[]): (typeof SIMFONI_PLACES)[number] {
  if (labourSectors.includes('DomesticWork')) return 'household';
  if (labourSectors.length > 0) return 'workplace';
  return 'other';
}
