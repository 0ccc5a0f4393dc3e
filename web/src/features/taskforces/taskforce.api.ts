import type { ResponseLimits, TaskForceSummary } from '@sinergi/core';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

export function useTaskForces() {
  return useQuery({
    queryKey: ['taskforces'],
    queryFn: ({ signal }) => apiRequest<{ items: TaskForceSummary[] }>('/taskforces', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export interface TaskForceSettings {
  responseLimits: ResponseLimits;
  caseNumberPrefix: string;
}

/** First-response limits per risk and the case-number prefix of a task force. */
export function useTaskForceSettings(taskForceId: string | null) {
  return useQuery({
    queryKey: ['taskforces', 'settings', taskForceId],
    queryFn: ({ signal }) =>
      apiRequest<TaskForceSettings>(`/taskforces/${encodeURIComponent(taskForceId ?? '')}/settings`, {
        signal,
      }),
    enabled: taskForceId !== null,
    staleTime: 5 * 60_000,
  });
}
