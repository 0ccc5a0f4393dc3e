import { readDraft, removeDraft, writeDraft } from '../../../app/device-drafts';
import type { PersonValues } from '../../persons/person-form-values';
import type { SaveProgress } from './intake-save';
import type { IntakeValues } from './intake-values';

// Intake drafts hold victims' names, NIKs and addresses on this device: see app/device-drafts.ts
// for when they are removed (after a successful save, and on sign-out).

const DRAFT = 'case-intake';
const VERSION = 1;

export interface IntakeDraft {
  version: typeof VERSION;
  savedAt: string;
  step: number;
  values: IntakeValues;
  /** Sent with the case create, so a retried save after a lost answer still makes one case. */
  idempotencyKey: string;
}

function isIntakeDraft(value: unknown): value is IntakeDraft {
  if (!value || typeof value !== 'object') return false;
  const draft = value as Partial<IntakeDraft>;
  return draft.version === VERSION && typeof draft.values === 'object' && Array.isArray(draft.values?.people);
}

export function loadIntakeDraft(userId: string): IntakeDraft | null {
  const draft = readDraft<unknown>(userId, DRAFT);
  return isIntakeDraft(draft) ? draft : null;
}

export function saveIntakeDraft(userId: string, draft: Omit<IntakeDraft, 'version' | 'savedAt'>): boolean {
  return writeDraft(userId, DRAFT, { ...draft, version: VERSION, savedAt: new Date().toISOString() });
}

export function discardIntakeDraft(userId: string): void {
  removeDraft(userId, DRAFT);
}

/** What an interrupted save left: the people (and consents) of a case that is already created. */
export interface PendingIntake {
  version: typeof VERSION;
  savedAt: string;
  caseId: string;
  people: PersonValues[];
  progress: SaveProgress;
  /** Why the save stopped: the step and the server's words, to show on the case page. */
  failure: { step: number; messages: string[] } | null;
}

function pendingName(caseId: string): string {
  return `case-intake-pending.${caseId}`;
}

export function loadPendingIntake(userId: string, caseId: string): PendingIntake | null {
  const pending = readDraft<PendingIntake>(userId, pendingName(caseId));
  return pending?.version === VERSION && pending.caseId === caseId && Array.isArray(pending.people)
    ? pending
    : null;
}

export function savePendingIntake(
  userId: string,
  pending: Omit<PendingIntake, 'version' | 'savedAt'>,
): boolean {
  return writeDraft(userId, pendingName(pending.caseId), {
    ...pending,
    version: VERSION,
    savedAt: new Date().toISOString(),
  });
}

export function discardPendingIntake(userId: string, caseId: string): void {
  removeDraft(userId, pendingName(caseId));
}
