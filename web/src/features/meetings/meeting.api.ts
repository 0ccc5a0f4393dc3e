import type {
  ActionInput,
  AgendaPack,
  Meeting,
  MeetingAction,
  MeetingInput,
  MeetingPdfKind,
  MeetingSummary,
  SecretariatOverview,
} from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest } from '../../app/api-client';

const path = (id: string) => `/meetings/${encodeURIComponent(id)}`;

export function useMeetings() {
  return useQuery({
    queryKey: ['meetings'],
    queryFn: ({ signal }) => apiRequest<{ items: MeetingSummary[] }>('/meetings', { signal }),
    select: (data) => data.items,
  });
}

export function useMeeting(id: string | null) {
  return useQuery({
    queryKey: ['meetings', id],
    queryFn: ({ signal }) => apiRequest<Meeting>(path(id ?? ''), { signal }),
    enabled: id !== null,
  });
}

export function useAgendaPack(id: string) {
  return useQuery({
    queryKey: ['meetings', id, 'agenda-pack'],
    queryFn: ({ signal }) => apiRequest<AgendaPack>(`${path(id)}/agenda-pack`, { signal }),
  });
}

export function useSecretariatOverview() {
  return useQuery({
    queryKey: ['meetings', 'overview'],
    queryFn: ({ signal }) => apiRequest<SecretariatOverview>('/meetings/overview', { signal }),
  });
}

export function useSaveMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      input,
      version,
      idempotencyKey,
    }: {
      id: string | null;
      input: MeetingInput;
      version: number;
      idempotencyKey: string;
    }) =>
      id
        ? apiRequest<Meeting>(path(id), { method: 'PUT', body: { meeting: input, version } })
        : apiRequest<Meeting>('/meetings', {
            method: 'POST',
            body: input,
            headers: { 'Idempotency-Key': idempotencyKey },
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  });
}

export function useAddAction(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: ActionInput; idempotencyKey: string }) =>
      apiRequest<MeetingAction>(`${path(meetingId)}/actions`, {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  });
}

export function useChangeActionStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      action,
      status,
      note,
    }: {
      action: MeetingAction;
      status: MeetingAction['status'];
      note: string;
    }) =>
      apiRequest<MeetingAction>(`${path(action.meetingId)}/actions/${encodeURIComponent(action.id)}`, {
        method: 'PATCH',
        body: { status, note, version: action.version },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void queryClient.invalidateQueries({ queryKey: ['my-work'] });
    },
  });
}

export function downloadMeetingPdf(meetingId: string, kind: MeetingPdfKind) {
  return apiDownload(`${path(meetingId)}/pdf/${kind}`, { fallbackName: `${kind}.pdf` });
}
