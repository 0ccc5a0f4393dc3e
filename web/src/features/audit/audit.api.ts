import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest, type Page } from '../../app/api-client';

export const AUDIT_PAGE_SIZE = 50;

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  seq: number;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorAgencyId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  requestId: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  action?: string;
  outcome?: string;
  /** ISO instants; `to` is exclusive. */
  from?: string;
  to?: string;
  page: number;
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) =>
      apiRequest<Page<AuditEvent>>('/audit', { query: { ...query, pageSize: AUDIT_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}
