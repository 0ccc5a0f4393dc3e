import type { CaseDetail } from '@sinergi/core';
import { createPerson, type DuplicateNotice, recordConsent } from '../../persons/person.api';
import { type PersonValues, valuesToConsent, valuesToPersonCreate } from '../../persons/person-form-values';
import { createCase } from '../case.api';
import { type IntakeValues, intakeCasePayload } from './intake-values';

/** How far a save got: kept with the draft so a retry continues instead of starting over. */
export interface SaveProgress {
  caseId: string | null;
  caseNumber: string | null;
  /** intake person key -> the saved person's id */
  personIds: Record<string, string>;
  /** intake person keys whose consent is saved */
  consentsDone: string[];
  duplicates: DuplicateNotice[];
}

export function noProgress(): SaveProgress {
  return { caseId: null, caseNumber: null, personIds: {}, consentsDone: [], duplicates: [] };
}

export type SaveStep =
  | { kind: 'case' }
  | { kind: 'person'; person: PersonValues; ordinal: number }
  | { kind: 'consent'; person: PersonValues; ordinal: number };

/**
 * The steps of a save, in order: the case, then its people, then their consents. Guardians come
 * first so a child victim can be linked to a guardian who already exists.
 */
export function saveSteps(people: readonly PersonValues[]): SaveStep[] {
  const ordered = [
    ...people.filter((p) => p.role === 'guardian'),
    ...people.filter((p) => p.role !== 'guardian'),
  ];
  const counts: Record<string, number> = {};
  const ordinals = new Map<string, number>();
  for (const person of people) {
    counts[person.role] = (counts[person.role] ?? 0) + 1;
    ordinals.set(person.key, counts[person.role] ?? 1);
  }
  const steps: SaveStep[] = [{ kind: 'case' }];
  for (const person of ordered)
    steps.push({ kind: 'person', person, ordinal: ordinals.get(person.key) ?? 1 });
  for (const person of ordered) {
    if (person.consent.record)
      steps.push({ kind: 'consent', person, ordinal: ordinals.get(person.key) ?? 1 });
  }
  return steps;
}

export function isStepDone(step: SaveStep, progress: SaveProgress): boolean {
  if (step.kind === 'case') return progress.caseId !== null;
  if (step.kind === 'person') return progress.personIds[step.person.key] !== undefined;
  return progress.consentsDone.includes(step.person.key);
}

export type SaveOutcome =
  | { ok: true; progress: SaveProgress; detail: CaseDetail | null }
  | { ok: false; progress: SaveProgress; failedStep: number; error: unknown };

interface RunSaveOptions {
  values: IntakeValues;
  zone: string;
  idempotencyKey: string;
  progress: SaveProgress;
  /** Told before each step starts and after the progress changes. */
  onProgress: (progress: SaveProgress, currentStep: number) => void;
}

/** Saves what is not saved yet, one request at a time, and stops at the first failure. */
export async function runSave({
  values,
  zone,
  idempotencyKey,
  progress,
  onProgress,
}: RunSaveOptions): Promise<SaveOutcome> {
  const steps = saveSteps(values.people);
  let current: SaveProgress = {
    ...progress,
    personIds: { ...progress.personIds },
    consentsDone: [...progress.consentsDone],
  };
  let detail: CaseDetail | null = null;
  for (const [index, step] of steps.entries()) {
    if (isStepDone(step, current)) continue;
    onProgress(current, index);
    try {
      if (step.kind === 'case') {
        detail = await createCase(intakeCasePayload(values, zone), idempotencyKey);
        current = { ...current, caseId: detail.id, caseNumber: detail.caseNumber };
      } else if (step.kind === 'person') {
        const caseId = current.caseId as string;
        const guardianId = step.person.guardian ? (current.personIds[step.person.guardian] ?? null) : null;
        const saved = await createPerson(caseId, valuesToPersonCreate(step.person, guardianId));
        current = {
          ...current,
          personIds: { ...current.personIds, [step.person.key]: saved.person.id },
          duplicates:
            saved.duplicates.length > 0
              ? [
                  ...current.duplicates,
                  { role: step.person.role, ordinal: step.ordinal, duplicates: saved.duplicates },
                ]
              : current.duplicates,
        };
      } else {
        const caseId = current.caseId as string;
        const personId = current.personIds[step.person.key] as string;
        await recordConsent(caseId, personId, valuesToConsent(step.person.consent));
        current = { ...current, consentsDone: [...current.consentsDone, step.person.key] };
      }
    } catch (error) {
      onProgress(current, index);
      return { ok: false, progress: current, failedStep: index, error };
    }
  }
  onProgress(current, steps.length);
  return { ok: true, progress: current, detail };
}
