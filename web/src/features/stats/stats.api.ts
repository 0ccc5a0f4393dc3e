import type { Breakdown, BreakdownQuery, Dashboard, StatsFilter } from '@sinergi/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiDownload, apiRequest } from '../../app/api-client';

type Query = Record<string, string | number | undefined>;

function clean(q: Query): Record<string, string | number> {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string | number
  >;
}

export function useDashboard(filter: StatsFilter) {
  return useQuery({
    queryKey: ['stats', 'dashboard', filter],
    queryFn: ({ signal }) => apiRequest<Dashboard>('/stats/dashboard', { query: clean(filter), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBreakdown(query: BreakdownQuery | null) {
  return useQuery({
    queryKey: ['stats', 'breakdown', query],
    queryFn: ({ signal }) =>
      apiRequest<Breakdown>('/stats/breakdown', { query: clean(query as unknown as Query), signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** The breakdown as an XLSX file from the server (audited there). */
export function downloadBreakdownXlsx(query: BreakdownQuery, fallbackName: string) {
  return apiDownload('/stats/breakdown.xlsx', { query: clean(query as unknown as Query), fallbackName });
}

export interface StatsTaskForce {
  id: string;
  name: string;
  level: 'national' | 'province' | 'regency';
  parentId: string | null;
  own: boolean;
}

/** The task forces the user may narrow the statistics to: their own first, then those below it. */
export function useStatsTaskForces() {
  return useQuery({
    queryKey: ['stats', 'task-forces'],
    queryFn: ({ signal }) => apiRequest<{ items: StatsTaskForce[] }>('/stats/task-forces', { signal }),
    staleTime: 5 * 60_000,
  });
}
