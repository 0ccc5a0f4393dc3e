import type {
  CaseCreate,
  CaseDetail,
  CasePatch,
  CaseSummary,
  CaseTransition,
  timelineEventSchema,
} from '@sinergi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiDownload, apiRequest, type Page } from '../../app/api-client';

export const CASE_PAGE_SIZE = 25;

export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** The list filters as the API takes them; empty strings are left out of the request. */
export interface CaseListFilter {
  q: string;
  type: string;
  stage: string;
  risk: string;
  overdue: string;
  from: string;
  to: string;
  originDistrict: string;
  destinationCountry: string;
  exploitationType: string;
  leadAgencyId: string;
  sort: string;
}

export function useCaseList(filter: CaseListFilter, page: number) {
  return useQuery({
    queryKey: ['cases', 'list', filter, page],
    queryFn: ({ signal }) =>
      apiRequest<Page<CaseSummary>>('/cases', {
        query: { ...filter, page, pageSize: CASE_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** How many cases match a filter (the list's total; one row is fetched and not shown). */
export function useCaseCount(filter: Partial<CaseListFilter>) {
  return useQuery({
    queryKey: ['cases', 'count', filter],
    queryFn: ({ signal }) =>
      apiRequest<Page<CaseSummary>>('/cases', { query: { ...filter, pageSize: 1 }, signal }),
    select: (data) => ({ total: data.total, exact: data.totalExact ?? true }),
  });
}

/** Downloads the XLSX of the filtered list; resolves with the number of rows and whether it was cut. */
export async function downloadCaseExport(
  filter: CaseListFilter,
  fallbackName: string,
): Promise<{ rows: number; truncated: boolean }> {
  const headers = await apiDownload('/cases/export.xlsx', { query: { ...filter }, fallbackName });
  return {
    rows: Number(headers.get('x-export-rows') ?? 0),
    truncated: headers.get('x-export-truncated') === 'true',
  };
}

export function caseKey(id: string) {
  return ['cases', 'detail', id] as const;
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => apiRequest<CaseDetail>(`/cases/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCaseTimeline(id: string) {
  return useQuery({
    queryKey: ['cases', 'timeline', id],
    queryFn: ({ signal }) =>
      apiRequest<{ items: TimelineEvent[] }>(`/cases/${encodeURIComponent(id)}/timeline`, { signal }),
    select: (data) => data.items,
  });
}

export function createCase(input: CaseCreate, idempotencyKey: string): Promise<CaseDetail> {
  return apiRequest<CaseDetail>('/cases', {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** After any change to a case: its record is replaced, everything derived from it is refetched. */
export function useCaseChanged() {
  const queryClient = useQueryClient();
  return (detail: CaseDetail | null, id: string) => {
    if (detail) queryClient.setQueryData(caseKey(id), detail);
    else void queryClient.invalidateQueries({ queryKey: caseKey(id) });
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'count'] }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', id] }),
    ]);
  };
}

export function useUpdateCase(id: string) {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (patch: CasePatch) =>
      apiRequest<CaseDetail>(`/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: (detail) => changed(detail, id),
  });
}

export function useTransitionCase(id: string) {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (input: CaseTransition) =>
      apiRequest<CaseDetail>(`/cases/${encodeURIComponent(id)}/transitions`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (detail) => changed(detail, id),
  });
}
