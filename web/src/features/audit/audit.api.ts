import type { SecurityAlert } from '@sinergi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest, type Page } from '../../app/api-client';

export const AUDIT_PAGE_SIZE = 50;
export const ALERT_PAGE_SIZE = 25;

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  seq: number;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorAgencyId: string | null;
  actorAgencyShortName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  requestId: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  details: Record<string, unknown>;
}

export interface AuditFilterQuery {
  actor?: string;
  agency?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: string;
  /** ISO instants; `to` is exclusive. */
  from?: string;
  to?: string;
}

export function useAuditEvents(query: AuditFilterQuery & { page: number }) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) =>
      apiRequest<Page<AuditEvent>>('/audit', { query: { ...query, pageSize: AUDIT_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Downloads the filtered trail as CSV; resolves with the number of rows and whether it was cut. */
export async function downloadAuditCsv(query: AuditFilterQuery, fallbackName: string) {
  const headers = await apiDownload('/audit/export.csv', { query: { ...query }, fallbackName });
  return {
    rows: Number(headers.get('x-export-rows') ?? 0),
    truncated: headers.get('x-export-truncated') === 'true',
  };
}

export function useSecurityAlerts(status: 'open' | 'all', page: number) {
  return useQuery({
    queryKey: ['security-alerts', 'list', status, page],
    queryFn: ({ signal }) =>
      apiRequest<Page<SecurityAlert>>('/security/alerts', {
        query: { status, page, pageSize: ALERT_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The number of alerts waiting, for the badge in the navigation; looked at again every minute. */
export function useOpenAlertCount(enabled: boolean) {
  return useQuery({
    queryKey: ['security-alerts', 'summary'],
    queryFn: ({ signal }) => apiRequest<{ open: number }>('/security/alerts/summary', { signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      apiRequest<SecurityAlert>(`/security/alerts/${encodeURIComponent(id)}/acknowledge`, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['security-alerts'] }),
  });
}
