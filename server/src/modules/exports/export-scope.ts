import { addCalendarDays, startOfDayIn } from '@sinergi/core';
import type { Actor, AppDeps } from '../../platform/context.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { mergeFreeTexts } from '../../platform/db/json-free-texts.js';
import { errors } from '../../platform/errors.js';
import { taskForceZone } from '../taskforces/taskforce.service.js';
import type { Period } from './exports.repository.js';

/**
 * Exports cover the actor's own task force and nothing else: a user without one has nothing to
 * export. The period is whole days in the task force's time zone.
 */
export async function exportPeriod(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  range: { from: string; to: string },
): Promise<Period> {
  if (!actor.taskForceId) throw errors.forbidden();
  const zone = await taskForceZone(deps.db, actor.taskForceId);
  return {
    taskForceId: actor.taskForceId,
    start: startOfDayIn(range.from, zone).toISOString(),
    end: startOfDayIn(addCalendarDays(range.to, 1), zone).toISOString(),
  };
}

export interface ProfileJson {
  recruitmentMethods?: string[];
  recruitmentPlatforms?: string[];
  recruiterRelation?: string | null;
  events?: {
    type: string;
    regionCode?: string | null;
    countryCode?: string | null;
    date?: string | null;
    description?: string | null;
  }[];
  exploitationTypes?: string[];
  labourSectors?: string[];
  methodsOfControl?: string[];
}

/**
 * A case's profile JSON: its codes, which is all statistics and most sheets need; given the cipher
 * and the encrypted texts, the event descriptions are put back too.
 */
export function parseProfile(
  raw: string | null,
  cipher?: Pick<FieldCipher, 'decrypt'>,
  textsEnc?: string | null,
): ProfileJson {
  let profile: ProfileJson;
  try {
    profile = raw ? (JSON.parse(raw) as ProfileJson) : {};
  } catch {
    return {};
  }
  return cipher && textsEnc
    ? (mergeFreeTexts(profile, JSON.parse(cipher.decrypt(textsEnc))) as ProfileJson)
    : profile;
}

/** The country of exploitation: an exploitation event's country (a region code means Indonesia), else the destination. */
export function exploitationCountry(
  profile: ProfileJson,
  destinationCountry: string | null,
  destinationRegionCode: string | null,
): string | null {
  const event = profile.events?.find((e) => e.type === 'Exploitation' && (e.countryCode || e.regionCode));
  if (event) return event.countryCode ?? 'ID';
  if (destinationCountry) return destinationCountry;
  return destinationRegionCode ? 'ID' : null;
}
