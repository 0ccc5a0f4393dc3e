import type { Agency, AgencyCreate, AgencyPatch } from '@sinergi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type Page } from '../../app/api-client';

export const AGENCY_PAGE_SIZE = 25;

export interface AgencyListFilter {
  q: string;
  sector: string;
  active: string;
  page: number;
}

export function useAgencyList(filter: AgencyListFilter) {
  return useQuery({
    queryKey: ['agencies', 'list', filter],
    queryFn: ({ signal }) =>
      apiRequest<Page<Agency>>('/agencies', {
        query: { ...filter, pageSize: AGENCY_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Agencies for pickers and filters (a task force has far fewer than the page limit). */
export function useAgencyOptions({ activeOnly }: { activeOnly: boolean }) {
  return useQuery({
    queryKey: ['agencies', 'options', activeOnly],
    queryFn: ({ signal }) =>
      apiRequest<Page<Agency>>('/agencies', {
        query: { active: activeOnly ? 'true' : undefined, pageSize: 200 },
        signal,
      }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useAgency(id: string) {
  return useQuery({
    queryKey: ['agencies', 'detail', id],
    queryFn: ({ signal }) => apiRequest<Agency>(`/agencies/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: AgencyCreate; idempotencyKey: string }) =>
      apiRequest<Agency>('/agencies', {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agencies'] }),
  });
}

export function useUpdateAgency(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: AgencyPatch) =>
      apiRequest<Agency>(`/agencies/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: (agency) => {
      queryClient.setQueryData(['agencies', 'detail', id], agency);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['agencies', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['agencies', 'options'] }),
      ]);
    },
  });
}
