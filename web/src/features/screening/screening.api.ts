import type { ChecklistIndicator, ScreeningCreate, screeningViewSchema } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';
import { useCaseChanged } from '../cases/case.api';

export type ScreeningView = z.infer<typeof screeningViewSchema>;

export interface Checklist {
  id: string;
  version: number;
  indicators: ChecklistIndicator[];
  note: string | null;
  createdAt: string;
}

export function useChecklist() {
  return useQuery({
    queryKey: ['screening-checklist'],
    queryFn: ({ signal }) => apiRequest<Checklist>('/screening-checklist', { signal }),
  });
}

export function usePublishChecklist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { indicators: ChecklistIndicator[]; note: string | null }) =>
      apiRequest<Checklist>('/screening-checklist', { method: 'PUT', body: input }),
    onSuccess: (checklist) => queryClient.setQueryData(['screening-checklist'], checklist),
  });
}

export function useScreenings(caseId: string) {
  return useQuery({
    queryKey: ['cases', 'screenings', caseId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: ScreeningView[] }>(`/cases/${encodeURIComponent(caseId)}/screenings`, { signal }),
    select: (data) => data.items,
  });
}

export function useRecordScreening(caseId: string) {
  const queryClient = useQueryClient();
  const caseChanged = useCaseChanged();
  return useMutation({
    mutationFn: (input: ScreeningCreate) =>
      apiRequest<ScreeningView>(`/cases/${encodeURIComponent(caseId)}/screenings`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['cases', 'screenings', caseId] }),
        caseChanged(null, caseId),
      ]),
  });
}
