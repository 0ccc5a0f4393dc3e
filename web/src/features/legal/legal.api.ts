import type {
  LegalStageCreate,
  LegalTrack,
  PoliceReportCreate,
  RestitutionPatch,
  SuspectCreate,
  SuspectView,
} from '@sinergi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, newIdempotencyKey } from '../../app/api-client';

const trackKey = (caseId: string) => ['legal', 'track', caseId];
const base = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/legal`;

export function useLegalTrack(caseId: string) {
  return useQuery({
    queryKey: trackKey(caseId),
    queryFn: ({ signal }) => apiRequest<LegalTrack>(base(caseId), { signal }),
  });
}

export interface LegalListItem {
  caseId: string;
  caseNumber: string;
  stage: LegalTrack['stage'] & string;
  stageOn: string;
  daysInStage: number;
  suspects: number;
  owed: number;
  overdueRestitutions: number;
}

export interface LegalListQuery {
  view: 'all' | 'stalled' | 'unpaid';
  stage?: string;
  stalledDays?: number;
}

export function useLegalList(query: LegalListQuery) {
  return useQuery({
    queryKey: ['legal', 'list', query],
    queryFn: ({ signal }) =>
      apiRequest<{
        items: LegalListItem[];
        total: number;
        byStage: Record<string, number>;
        stalledDays: number;
        awaiting: { caseId: string; caseNumber: string; assignedAt: string }[];
      }>('/legal/cases', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every change answers with the whole track (or a suspect): refresh the track, the lists and the timeline. */
function useTrackMutation<I, R>(caseId: string, send: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'stages' in result)
        queryClient.setQueryData(trackKey(caseId), result);
      else void queryClient.invalidateQueries({ queryKey: trackKey(caseId) });
      void queryClient.invalidateQueries({ queryKey: ['legal', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
    },
  });
}

const post = <R>(path: string, body: unknown) =>
  apiRequest<R>(path, { method: 'POST', body, headers: { 'Idempotency-Key': newIdempotencyKey() } });

export function useAssignPolice(caseId: string) {
  return useTrackMutation(caseId, (body: { version: number; policeAgencyId: string }) =>
    apiRequest<LegalTrack>(`${base(caseId)}/police-agency`, { method: 'PUT', body }),
  );
}

export function useRecordReport(caseId: string) {
  return useTrackMutation(caseId, (body: PoliceReportCreate) =>
    post<LegalTrack>(`${base(caseId)}/reports`, body),
  );
}

export function useRecordStage(caseId: string) {
  return useTrackMutation(caseId, (body: LegalStageCreate) =>
    post<LegalTrack>(`${base(caseId)}/stages`, body),
  );
}

export function useCreateSuspect(caseId: string) {
  return useTrackMutation(caseId, (body: SuspectCreate) =>
    post<SuspectView>(`${base(caseId)}/suspects`, body),
  );
}

export function useUpdateSuspect(caseId: string) {
  return useTrackMutation(
    caseId,
    ({ id, ...body }: { id: string; version: number; status: string; statusOn: string }) =>
      apiRequest<SuspectView>(`${base(caseId)}/suspects/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body,
      }),
  );
}

export function useCreateRestitution(caseId: string) {
  return useTrackMutation(
    caseId,
    (body: { victimId: string; requestedOn: string; components: Record<string, number> }) =>
      post<LegalTrack>(`${base(caseId)}/restitutions`, body),
  );
}

export function useUpdateRestitution(caseId: string) {
  return useTrackMutation(caseId, ({ id, ...body }: RestitutionPatch & { id: string }) =>
    apiRequest<LegalTrack>(`${base(caseId)}/restitutions/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body,
    }),
  );
}

export function useRecordPayment(caseId: string) {
  return useTrackMutation(
    caseId,
    ({ id, ...body }: { id: string; version: number; amount: number; paidOn: string }) =>
      post<LegalTrack>(`${base(caseId)}/restitutions/${encodeURIComponent(id)}/payments`, body),
  );
}

export function useApplyProtection(caseId: string) {
  return useTrackMutation(caseId, (body: { personId: string; appliedOn: string }) =>
    post<LegalTrack>(`${base(caseId)}/protections`, body),
  );
}

export function useDecideProtection(caseId: string) {
  return useTrackMutation(
    caseId,
    ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      decision: string;
      decidedOn: string | null;
      kinds: string[];
    }) =>
      apiRequest<LegalTrack>(`${base(caseId)}/protections/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body,
      }),
  );
}
