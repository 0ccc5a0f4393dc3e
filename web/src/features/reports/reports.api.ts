import type { ReportFormat, ReportJob, ReportRecommendationsInput, YearlyReportInfo } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest, newIdempotencyKey } from '../../app/api-client';

export function useYearlyReport(year: number) {
  return useQuery({
    queryKey: ['yearly-report', year],
    queryFn: ({ signal }) => apiRequest<YearlyReportInfo>(`/reports/yearly/${year}`, { signal }),
  });
}

export function useSaveRecommendations(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportRecommendationsInput) =>
      apiRequest<YearlyReportInfo>(`/reports/yearly/${year}/recommendations`, { method: 'PUT', body: input }),
    onSuccess: (data) => queryClient.setQueryData(['yearly-report', year], data),
  });
}

export function useStartReport(year: number) {
  return useMutation({
    mutationFn: () =>
      apiRequest<ReportJob>(`/reports/yearly/${year}/jobs`, {
        method: 'POST',
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
  });
}

const finished = (job: ReportJob | undefined) => job?.status === 'done' || job?.status === 'failed';

/** A generation's progress, asked again every moment until it has finished. */
export function useReportJob(year: number, id: string | null) {
  return useQuery({
    queryKey: ['yearly-report-job', id],
    queryFn: ({ signal }) => apiRequest<ReportJob>(`/reports/yearly/${year}/jobs/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (finished(query.state.data) ? false : 600),
  });
}

export function downloadReport(year: number, id: string, format: ReportFormat): Promise<Headers> {
  return apiDownload(`/reports/yearly/${year}/jobs/${id}/download`, {
    query: { format },
    fallbackName: `laporan-tahunan-${year}.${format}`,
  });
}
