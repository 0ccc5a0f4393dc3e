import type { RetentionChange, RetentionChangeList, RetentionPreview, RetentionView } from '@sinergi/core';
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

/** Saves a longer period (in force at once) or proposes a shorter one (the answer carries it as pending). */
export function useSaveRetention(taskForceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { closedCaseYears: number; version: number }) =>
      apiRequest<RetentionView>(path(taskForceId), { method: 'PUT', body }),
    onSuccess: (saved) => {
      qc.setQueryData(['retention', taskForceId], saved);
      void qc.invalidateQueries({ queryKey: ['retention-pending', taskForceId] });
    },
  });
}

/** What the first daily run under another period would replace (asked before a shorter one is proposed). */
export function previewRetention(taskForceId: string, years: number): Promise<RetentionPreview> {
  return apiRequest<RetentionPreview>(`${path(taskForceId)}/preview`, { query: { years } });
}

/** The pending change of the retention period, for the alert on the home page. */
export function usePendingRetentionChange(taskForceId: string) {
  return useQuery({
    queryKey: ['retention-pending', taskForceId],
    queryFn: async ({ signal }) =>
      (
        await apiRequest<RetentionChangeList>(`${path(taskForceId)}/changes`, {
          query: { status: 'pending' },
          signal,
        })
      ).items[0] ?? null,
    enabled: taskForceId !== '',
  });
}

/** Cancels or confirms a pending change; the page and the home alert read again afterwards. */
export function useResolveRetentionChange(taskForceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'cancel' | 'confirm' }) =>
      apiRequest<RetentionChange>(`${path(taskForceId)}/changes/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
      }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['retention', taskForceId] });
      void qc.invalidateQueries({ queryKey: ['retention-pending', taskForceId] });
    },
  });
}
