import type {
  AlertInput,
  AlertStatus,
  PreventionActivity,
  PreventionActivityInput,
  RecruitmentAlert,
  WatchGroup,
  WatchGroupInput,
} from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

export function useOutreach() {
  return useQuery({
    queryKey: ['prevention', 'activities'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: PreventionActivity[] }>('/prevention/activities', { signal }),
    select: (d) => d.items,
  });
}

export function useWatchGroups() {
  return useQuery({
    queryKey: ['prevention', 'watch-groups'],
    queryFn: ({ signal }) => apiRequest<{ items: WatchGroup[] }>('/prevention/watch-groups', { signal }),
    select: (d) => d.items,
  });
}

export function useAlerts() {
  return useQuery({
    queryKey: ['prevention', 'alerts'],
    queryFn: ({ signal }) => apiRequest<{ items: RecruitmentAlert[] }>('/prevention/alerts', { signal }),
    select: (d) => d.items,
  });
}

function useCreate<I, O>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: I; idempotencyKey: string }) =>
      apiRequest<O>(path, { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['prevention'] }),
  });
}

export const useRecordOutreach = () =>
  useCreate<PreventionActivityInput, PreventionActivity>('/prevention/activities');
export const useRecordWatchGroup = () => useCreate<WatchGroupInput, WatchGroup>('/prevention/watch-groups');
export const useReportAlert = () => useCreate<AlertInput, RecruitmentAlert>('/prevention/alerts');

export function useChangeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      alert,
      status,
      note,
      caseNumber,
    }: {
      alert: RecruitmentAlert;
      status: AlertStatus;
      note: string;
      caseNumber: string | null;
    }) =>
      apiRequest<RecruitmentAlert>(`/prevention/alerts/${encodeURIComponent(alert.id)}`, {
        method: 'PATCH',
        body: { status, note, caseNumber, version: alert.version },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['prevention'] }),
  });
}

export type PreventionKind = 'activities' | 'watch-groups' | 'alerts';

/** Saves a correction with the version read; a 409 comes back with the current record. */
export function useUpdatePrevention<I, O>(kind: PreventionKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, version }: { id: string; input: I; version: number }) =>
      apiRequest<O>(`/prevention/${kind}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: { ...input, version },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['prevention'] }),
  });
}

/** Removes a record entered by mistake, with a reason. */
export function useRemovePrevention(kind: PreventionKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, version }: { id: string; reason: string; version: number }) =>
      apiRequest<void>(`/prevention/${kind}/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        body: { reason, version },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['prevention'] }),
  });
}
