import type { TFunction } from 'i18next';
import id from '../../i18n/id.json';
import type { AuditEvent, AuditOutcome } from './audit.api';

type KnownAction = keyof typeof id.audit.actions;
type KnownEntity = keyof typeof id.audit.entityTypes;

/** The actions the web has names for (the server may record more; those show their code). */
export const KNOWN_AUDIT_ACTIONS = Object.keys(id.audit.actions) as KnownAction[];

/** Record types the audit view filters on. */
export const AUDIT_ENTITY_TYPES = Object.keys(id.audit.entityTypes) as KnownEntity[];

export const AUDIT_OUTCOMES: AuditOutcome[] = ['success', 'failure', 'denied'];

export const OUTCOME_COLORS: Record<AuditOutcome, string> = {
  success: 'teal',
  failure: 'orange',
  denied: 'red',
};

export function actionLabel(t: TFunction, action: string): string {
  return action in id.audit.actions ? t(`audit.actions.${action as KnownAction}`) : action;
}

export function entityLabel(t: TFunction, entityType: string): string {
  return entityType in id.audit.entityTypes
    ? t(`audit.entityTypes.${entityType as KnownEntity}`)
    : entityType;
}

/** Where the web shows the record an event is about, if it has a page for it. */
export function entityPath(event: Pick<AuditEvent, 'entityType' | 'entityId'>): string | null {
  if (!event.entityId) return null;
  if (event.entityType === 'user') return `/users/${event.entityId}`;
  if (event.entityType === 'agency') return `/agencies/${event.entityId}`;
  if (event.entityType === 'case') return `/cases/${event.entityId}`;
  return null;
}

function detailValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(detailValue).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The details of an event as short "key: value" lines; empty values are left out. */
export function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details)
    .map(([key, value]) => [key, detailValue(value ?? '')] as const)
    .filter(([, text]) => text !== '')
    .map(([key, text]) => `${key}: ${text}`);
}
