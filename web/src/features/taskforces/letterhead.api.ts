import type { Letterhead, LetterheadInput } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

const path = (taskForceId: string) => `/taskforces/${encodeURIComponent(taskForceId)}/letterhead`;

export function useLetterhead(taskForceId: string | null) {
  return useQuery({
    queryKey: ['taskforces', 'letterhead', taskForceId],
    queryFn: ({ signal }) => apiRequest<Letterhead>(path(taskForceId ?? ''), { signal }),
    enabled: taskForceId !== null,
  });
}

export function useSaveLetterhead(taskForceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LetterheadInput) =>
      apiRequest<Letterhead>(path(taskForceId), { method: 'PUT', body: input }),
    onSuccess: (data) => queryClient.setQueryData(['taskforces', 'letterhead', taskForceId], data),
  });
}

export function useUploadLogo(taskForceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return apiRequest<Letterhead>(`${path(taskForceId)}/logo`, { method: 'PUT', body });
    },
    onSuccess: (data) => queryClient.setQueryData(['taskforces', 'letterhead', taskForceId], data),
  });
}

/** The logo's address for an <img>; the id changes with every upload, so no stale image is shown. */
export function logoUrl(taskForceId: string, logoId: string) {
  return `/api/v1${path(taskForceId)}/logo?v=${encodeURIComponent(logoId)}`;
}
