import type { TaskForceSummary } from '@sinergi/core';
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
