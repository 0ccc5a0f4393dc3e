import type { RetentionView } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

function path(taskForceId: string) {
  return `/taskforces/${encodeURIComponent(taskForceId)}/retention`;
}

export function useRetention(taskForceId: string) {
  return useQuery({
    queryKey: ['retention', taskForceId],
    queryFn: ({ signal }) => apiRequest<RetentionView>(path(taskForceId), { signal }),
    enabled: taskForceId !== '',
  });
}

export function useSaveRetention(taskForceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { closedCaseYears: number; version: number }) =>
      apiRequest<RetentionView>(path(taskForceId), { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(['retention', taskForceId], saved),
  });
}

/** What the next run would do under a different rule (asked before a shorter rule is saved). */
export function previewRetention(taskForceId: string, years: number): Promise<RetentionView> {
  return apiRequest<RetentionView>(path(taskForceId), { query: { ifYears: years } });
}
