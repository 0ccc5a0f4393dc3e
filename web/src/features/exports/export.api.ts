import type { CtdcSummary } from '@sinergi/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiDownload, apiRequest } from '../../app/api-client';

export type DataSet = 'ctdc' | 'htcds' | 'simfoni';

export interface ExportChoice {
  dataSet: DataSet;
  from: string;
  to: string;
  format: 'csv' | 'xlsx';
  k: number;
  table: 'cases' | 'persons' | 'perpetrators' | 'events';
}

/** What a CTDC release of the period would hold, before downloading it. */
export function useCtdcSummary(from: string, to: string, k: number, enabled: boolean) {
  return useQuery({
    queryKey: ['exports', 'ctdc', from, to, k],
    queryFn: ({ signal }) =>
      apiRequest<CtdcSummary>('/exports/ctdc/summary', { query: { from, to, k }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Downloads the chosen data set; the server audits it. */
export function downloadExport(c: ExportChoice): Promise<Headers> {
  if (c.dataSet === 'ctdc')
    return apiDownload('/exports/ctdc', {
      query: { from: c.from, to: c.to, k: c.k, format: c.format },
      fallbackName: `ctdc.${c.format}`,
    });
  if (c.dataSet === 'htcds')
    return apiDownload('/exports/htcds', {
      query: { from: c.from, to: c.to, format: c.format, table: c.table },
      fallbackName: `htcds.${c.format}`,
    });
  return apiDownload('/exports/simfoni.xlsx', {
    query: { from: c.from, to: c.to },
    fallbackName: 'simfoni.xlsx',
  });
}
