import type { Decree, DecreeInput, FocalPerson, Membership } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

const path = (taskForceId: string) => `/taskforces/${encodeURIComponent(taskForceId)}`;

/** Decrees, sub-task forces, member agencies and focal persons of a task force. */
export function useMembership(taskForceId: string | null) {
  return useQuery({
    queryKey: ['taskforces', 'membership', taskForceId],
    queryFn: ({ signal }) => apiRequest<Membership>(`${path(taskForceId ?? '')}/membership`, { signal }),
    enabled: taskForceId !== null,
  });
}

function useInvalidate(taskForceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['taskforces', 'membership', taskForceId] });
}

export function useCreateDecree(taskForceId: string) {
  const onSuccess = useInvalidate(taskForceId);
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: DecreeInput; idempotencyKey: string }) =>
      apiRequest<Decree>(`${path(taskForceId)}/decrees`, {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess,
  });
}

export interface FocalPersonDraft {
  name: string;
  position: string;
  phone: string | null;
  email: string | null;
}

export function useCreateFocalPerson(taskForceId: string) {
  const onSuccess = useInvalidate(taskForceId);
  return useMutation({
    mutationFn: ({
      agencyId,
      input,
      idempotencyKey,
    }: {
      agencyId: string;
      input: FocalPersonDraft;
      idempotencyKey: string;
    }) =>
      apiRequest<FocalPerson>(`${path(taskForceId)}/members/${encodeURIComponent(agencyId)}/focal-persons`, {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess,
  });
}

/** Uploads the signed decree, or replaces the file uploaded before. */
export function useUploadDecreeFile(taskForceId: string, decreeId: string) {
  const onSuccess = useInvalidate(taskForceId);
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return apiRequest<Decree>(`${path(taskForceId)}/decrees/${encodeURIComponent(decreeId)}/file`, {
        method: 'PUT',
        body,
      });
    },
    onSuccess,
  });
}

export function decreeFilePath(taskForceId: string, decreeId: string, fileId: string) {
  return `${path(taskForceId)}/decrees/${encodeURIComponent(decreeId)}/files/${encodeURIComponent(fileId)}/content`;
}
