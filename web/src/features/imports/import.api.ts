import type { ImportJob, ImportMapping, SavedMapping } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

const path = (id: string) => `/imports/${encodeURIComponent(id)}`;

/** An import job; polled every second while it runs. */
export function useImportJob(id: string) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => apiRequest<ImportJob>(path(id), { signal }),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
}

export function useImportPreview(id: string, mappingKey: string) {
  return useQuery({
    queryKey: ['imports', id, 'preview', mappingKey],
    queryFn: ({ signal }) =>
      apiRequest<{ rows: { row: number; values: Record<string, string> }[] }>(`${path(id)}/preview`, {
        signal,
      }),
    enabled: !!id,
  });
}

export function useSavedMappings() {
  return useQuery({
    queryKey: ['imports', 'mappings'],
    queryFn: ({ signal }) => apiRequest<{ items: SavedMapping[] }>('/imports/mappings', { signal }),
    select: (d) => d.items,
  });
}

function useJobUpdated() {
  const qc = useQueryClient();
  return (job: ImportJob) => {
    qc.setQueryData(['imports', job.id], job);
    return qc.invalidateQueries({ queryKey: ['imports', job.id, 'preview'] });
  };
}

export function useUploadRegister() {
  const updated = useJobUpdated();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return apiRequest<ImportJob>('/imports', { method: 'POST', body });
    },
    onSuccess: (job) => updated(job),
  });
}

export function useSaveMapping(id: string) {
  const updated = useJobUpdated();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { mapping: ImportMapping; saveAs: string | null }) =>
      apiRequest<ImportJob>(`${path(id)}/mapping`, { method: 'PUT', body: input }),
    onSuccess: async (job) => {
      await updated(job);
      await qc.invalidateQueries({ queryKey: ['imports', 'mappings'] });
    },
  });
}

export function useDryRun(id: string) {
  const updated = useJobUpdated();
  return useMutation({
    mutationFn: () => apiRequest<ImportJob>(`${path(id)}/dry-run`, { method: 'POST' }),
    onSuccess: (job) => updated(job),
  });
}

export function useRunImport(id: string) {
  const updated = useJobUpdated();
  return useMutation({
    mutationFn: () => apiRequest<ImportJob>(`${path(id)}/run`, { method: 'POST' }),
    onSuccess: (job) => updated(job),
  });
}
