import type {
  Plan,
  PlanTree,
  ProgressInput,
  ProgressReport,
  WorkProgramme,
  WorkProgrammeInput,
  YearEvaluation,
  YearEvaluationInput,
} from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest } from '../../app/api-client';

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

/** Corrects a period's report with the version read; the earlier version is kept. */
export function useCorrectProgress(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      activityId,
      year,
      period,
      input,
    }: {
      activityId: string;
      year: number;
      period: number;
      input: Omit<ProgressInput, 'year' | 'period'> & { version: number };
    }) =>
      apiRequest<ProgressReport>(
        `/plans/${encodeURIComponent(planId)}/activities/${encodeURIComponent(activityId)}/reports/${year}/${period}`,
        { method: 'PUT', body: input },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans', planId] }),
  });
}

export interface PlanImportResult {
  preview: {
    plan: { title: string; startYear: number; endYear: number; periodKind: string } | null;
    programmes: number;
    activities: number;
    rows: { row: number; programme: string; title: string; responsible: string }[];
    problems: { row: number; field: string; message: string }[];
  };
  plan: Plan | null;
}

/** Checks (dry run) or imports a RAD workbook. */
export function useImportPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return apiRequest<PlanImportResult>('/plans/import', {
        method: 'POST',
        body,
        query: { dryRun: String(dryRun) },
      });
    },
    onSuccess: (result) => {
      if (result.plan) void queryClient.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}

export function downloadPlanXlsx(planId: string): Promise<Headers> {
  return apiDownload(`/plans/${encodeURIComponent(planId)}/export.xlsx`, { fallbackName: 'RAD.xlsx' });
}

export function useWorkProgramme(year: number) {
  return useQuery({
    queryKey: ['work-programme', year],
    queryFn: ({ signal }) => apiRequest<WorkProgramme>(`/work-programmes/${year}`, { signal }),
  });
}

export function useSaveWorkProgramme(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkProgrammeInput) =>
      apiRequest<WorkProgramme>(`/work-programmes/${year}`, { method: 'PUT', body: input }),
    onSuccess: (data) => queryClient.setQueryData(['work-programme', year], data),
  });
}

export function useYearEvaluation(year: number) {
  return useQuery({
    queryKey: ['evaluation', year],
    queryFn: ({ signal }) => apiRequest<YearEvaluation>(`/evaluations/${year}`, { signal }),
  });
}

export function useSaveYearEvaluation(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: YearEvaluationInput) =>
      apiRequest<YearEvaluation>(`/evaluations/${year}`, { method: 'PUT', body: input }),
    onSuccess: (data) => queryClient.setQueryData(['evaluation', year], data),
  });
}

export function downloadEvaluationPdf(year: number): Promise<Headers> {
  return apiDownload(`/evaluations/${year}/pdf`, { fallbackName: `evaluasi-${year}.pdf` });
}

function reportsPath(planId: string, activityId: string) {
  return `/plans/${encodeURIComponent(planId)}/activities/${encodeURIComponent(activityId)}`;
}

/** An activity's reports with every correction and the evidence of each, newest first. */
export function useProgressHistory(planId: string, activityId: string | null) {
  return useQuery({
    queryKey: ['plans', planId, 'reports', activityId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: ProgressReport[] }>(`${reportsPath(planId, activityId ?? '')}/reports`, { signal }),
    select: (d) => d.items,
    enabled: activityId !== null,
  });
}

/** Attaches a file to the latest version of a period's report. */
export function useAttachEvidence(planId: string, activityId: string, year: number, period: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return apiRequest<ProgressReport>(
        `${reportsPath(planId, activityId)}/reports/${year}/${period}/evidence`,
        {
          method: 'POST',
          body,
        },
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans', planId, 'reports', activityId] }),
  });
}

export function useRemoveEvidence(planId: string, activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ report, fileId, reason }: { report: ProgressReport; fileId: string; reason: string }) =>
      apiRequest<ProgressReport>(
        `${reportsPath(planId, activityId)}/reports/${report.year}/${report.period}/evidence/${encodeURIComponent(fileId)}`,
        { method: 'DELETE', body: { reason } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans', planId, 'reports', activityId] }),
  });
}

export function evidencePath(planId: string, activityId: string, fileId: string) {
  return `${reportsPath(planId, activityId)}/evidence/${encodeURIComponent(fileId)}/content`;
}
