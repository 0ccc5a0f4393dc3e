import type {
  Conference,
  ConferenceCreate,
  FollowUpRecord,
  Reintegration,
  ReintegrationPlanCreate,
  RepatriationLegCreate,
} from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

const enc = encodeURIComponent;

export function useReintegration(caseId: string) {
  return useQuery({
    queryKey: ['reintegration', caseId],
    queryFn: ({ signal }) => apiRequest<Reintegration>(`/cases/${enc(caseId)}/reintegration`, { signal }),
  });
}

export function useConferences(caseId: string) {
  return useQuery({
    queryKey: ['reintegration', 'conferences', caseId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: Conference[] }>(`/cases/${enc(caseId)}/conferences`, { signal }),
    select: (d) => d.items,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['reintegration'] }),
      qc.invalidateQueries({ queryKey: ['my-work'] }),
      qc.invalidateQueries({ queryKey: ['cases', 'timeline'] }),
    ]);
}

const idem = () => ({ 'Idempotency-Key': crypto.randomUUID() });

export function useAddLeg(caseId: string) {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: (input: RepatriationLegCreate) =>
      apiRequest<Reintegration>(`/cases/${enc(caseId)}/repatriation-legs`, {
        method: 'POST',
        body: input,
        headers: idem(),
      }),
    onSuccess,
  });
}

export function useUpdateLeg() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({
      id,
      ...input
    }: {
      id: string;
      version: number;
      actualDate?: string | null;
      escort?: string | null;
      handoverDocumentId?: string | null;
    }) => apiRequest<Reintegration>(`/repatriation-legs/${enc(id)}`, { method: 'PATCH', body: input }),
    onSuccess,
  });
}

export function useAddPlan(caseId: string) {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: (input: ReintegrationPlanCreate) =>
      apiRequest<Reintegration>(`/cases/${enc(caseId)}/reintegration-plans`, {
        method: 'POST',
        body: input,
        headers: idem(),
      }),
    onSuccess,
  });
}

export function useRecordVisit(id: string) {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: (input: FollowUpRecord) =>
      apiRequest(`/follow-up-visits/${enc(id)}`, { method: 'POST', body: input }),
    onSuccess,
  });
}

export function useRecordConference(caseId: string) {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: (input: ConferenceCreate) =>
      apiRequest(`/cases/${enc(caseId)}/conferences`, { method: 'POST', body: input, headers: idem() }),
    onSuccess,
  });
}

export function useActionDone() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest(`/conference-actions/${enc(id)}/done`, { method: 'POST', body: { version } }),
    onSuccess,
  });
}
