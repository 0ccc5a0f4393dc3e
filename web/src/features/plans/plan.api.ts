import type { Plan, PlanTree, ProgressInput, ProgressReport } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

export function usePlans() {
  return useQuery({
    queryKey: ['plans'],
    queryFn: ({ signal }) => apiRequest<{ items: Plan[] }>('/plans', { signal }),
    select: (data) => data.items,
  });
}

export function usePlanTree(planId: string | null, year: number | null) {
  return useQuery({
    queryKey: ['plans', planId, year],
    queryFn: ({ signal }) =>
      apiRequest<PlanTree>(`/plans/${encodeURIComponent(planId ?? '')}${year ? `?year=${year}` : ''}`, {
        signal,
      }),
    enabled: planId !== null,
  });
}

export function useFileProgress(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      activityId,
      input,
      idempotencyKey,
    }: {
      activityId: string;
      input: ProgressInput;
      idempotencyKey: string;
    }) =>
      apiRequest<ProgressReport>(
        `/plans/${encodeURIComponent(planId)}/activities/${encodeURIComponent(activityId)}/reports`,
        { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans', planId] }),
  });
}
