import { type PasswordContext, passwordProblems } from '@sinergi/core';
import type { AppDeps } from '../context.js';
import type { Db } from '../db/connect.js';
import { errors } from '../errors.js';
import type { ReferenceData } from '../reference.js';
import { isLeakedPassword } from './common-passwords.js';

/** The short names a province goes by, which a password is as likely to use as its full name. */
const PROVINCE_SHORT_NAMES: Record<string, string[]> = {
  '11': ['NAD'],
  '12': ['Sumut'],
  '13': ['Sumbar'],
  '16': ['Sumsel'],
  '19': ['Babel'],
  '21': ['Kepri'],
  '31': ['DKI'],
  '32': ['Jabar'],
  '33': ['Jateng'],
  '34': ['DIY', 'Jogja', 'Yogya'],
  '35': ['Jatim'],
  '52': ['NTB'],
  '53': ['NTT'],
  '61': ['Kalbar'],
  '62': ['Kalteng'],
  '63': ['Kalsel'],
  '64': ['Kaltim'],
  '65': ['Kaltara'],
  '71': ['Sulut'],
  '72': ['Sulteng'],
  '73': ['Sulsel'],
  '74': ['Sultra'],
  '76': ['Sulbar'],
  '82': ['Malut'],
  '92': ['Pabar'],
  '96': ['PBD'],
};

/**
 * The place names of a region that people of its task force would use: the region, the regions
 * above it, and the ones directly below (a regency's districts, such as Ruteng in Manggarai; a
 * province's regencies). Villages are left out: thousands of short names would refuse too much.
 */
export function regionNames(reference: ReferenceData, code: string, withChildren: boolean): string[] {
  const names: string[] = [];
  let region = reference.region(code);
  if (withChildren) for (const child of reference.regionChildren(code)) names.push(child.name);
  while (region) {
    names.push(region.name, ...(PROVINCE_SHORT_NAMES[region.code] ?? []));
    region = region.parentCode ? reference.region(region.parentCode) : undefined;
  }
  return names;
}

/** What a new password of a user of this agency is checked against. */
export async function passwordContext(
  deps: { db: Db; reference: ReferenceData },
  user: { username: string; agencyId: string },
): Promise<PasswordContext> {
  const agency = await deps.db
    .selectFrom('agencies')
    .leftJoin('task_forces', 'task_forces.id', 'agencies.task_force_id')
    .select([
      'agencies.name',
      'agencies.short_name',
      'agencies.region_code',
      'task_forces.region_code as task_force_region',
    ])
    .where('agencies.id', '=', user.agencyId)
    .executeTakeFirst();
  const regions = new Set<string>();
  if (agency?.task_force_region)
    for (const n of regionNames(deps.reference, agency.task_force_region, true)) regions.add(n);
  if (agency?.region_code)
    for (const n of regionNames(deps.reference, agency.region_code, false)) regions.add(n);
  return {
    username: user.username,
    agencyName: agency?.name,
    agencyShortName: agency?.short_name,
    regionNames: [...regions],
    isBreached: isLeakedPassword,
  };
}

/**
 * Refuses a new password that breaks a rule, naming the first rule broken under `field`. Every way
 * a password is set goes through here: creating a user, an administrator's reset (also from the
 * command line), the user's own change and the demo seeding.
 */
export async function checkNewPassword(
  deps: Pick<AppDeps, 'db' | 'reference'>,
  password: string,
  user: { username: string; agencyId: string },
  field: string,
): Promise<void> {
  const problem = passwordProblems(password, await passwordContext(deps, user))[0];
  if (problem) throw errors.validation({ [field]: problem });
}
