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
