import type {
  MyWork,
  NeedsInput,
  NotificationView,
  ReferralActionInput,
  ReferralCreate,
  ReferralView,
  ServiceCreate,
  ServicePlan,
  ServiceStatusChange,
  ServiceView,
} from '@sinergi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest, type Page } from '../../app/api-client';

const enc = encodeURIComponent;

export function useServicePlan(caseId: string) {
  return useQuery({
    queryKey: ['services', 'plan', caseId],
    queryFn: ({ signal }) => apiRequest<ServicePlan>(`/cases/${enc(caseId)}/services`, { signal }),
  });
}

export function useCaseReferrals(caseId: string, enabled = true) {
  return useQuery({
    queryKey: ['referrals', 'case', caseId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: ReferralView[] }>(`/cases/${enc(caseId)}/referrals`, { signal }),
    select: (d) => d.items,
    enabled,
  });
}

export function useReferralQueue(box: string, status: string, page: number) {
  return useQuery({
    queryKey: ['referrals', 'queue', box, status, page],
    queryFn: ({ signal }) =>
      apiRequest<Page<ReferralView>>('/referrals', { query: { box, status, page, pageSize: 25 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: ['referrals', 'one', id],
    queryFn: ({ signal }) => apiRequest<ReferralView>(`/referrals/${enc(id)}`, { signal }),
  });
}

export function useMyWork() {
  return useQuery({
    queryKey: ['my-work'],
    queryFn: ({ signal }) => apiRequest<MyWork>('/my-work', { signal }),
    refetchInterval: 120_000,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) =>
      apiRequest<{ unread: number; items: NotificationView[] }>('/notifications', { signal }),
  });
}

/** Everything about services and referrals is refreshed after any change to one of them. */
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['services'] }),
      qc.invalidateQueries({ queryKey: ['referrals'] }),
      qc.invalidateQueries({ queryKey: ['my-work'] }),
      qc.invalidateQueries({ queryKey: ['notifications'] }),
      qc.invalidateQueries({ queryKey: ['cases', 'timeline'] }),
    ]);
}

export function useCreateReferral() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ReferralCreate) =>
      apiRequest<ReferralView>('/referrals', {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
    onSuccess: invalidate,
  });
}

export function useReferralAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ action, ...input }: ReferralActionInput & { action: string }) =>
      apiRequest<ReferralView>(`/referrals/${enc(id)}/${action}`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useCreateService(caseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ServiceCreate) =>
      apiRequest<ServiceView>(`/cases/${enc(caseId)}/services`, {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
    onSuccess: invalidate,
  });
}

export function useChangeServiceStatus(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ServiceStatusChange) =>
      apiRequest<ServiceView>(`/services/${enc(id)}/status`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useSetNeeds(caseId: string, personId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NeedsInput) =>
      apiRequest<ServicePlan>(`/cases/${enc(caseId)}/persons/${enc(personId)}/needs`, {
        method: 'PUT',
        body: input,
      }),
    onSuccess: invalidate,
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/notifications/read-all', { method: 'POST' }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['notifications'] }),
        qc.invalidateQueries({ queryKey: ['my-work'] }),
      ]),
  });
}

export function useReferralWorkers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['referrals', 'workers', id],
    queryFn: ({ signal }) =>
      apiRequest<{ items: { id: string; displayName: string }[] }>(`/referrals/${enc(id)}/workers`, {
        signal,
      }),
    select: (d) => d.items,
    enabled,
  });
}

/** Attaches a file to a service (the providing agency, or the lead agency for its own services). */
export function useUploadServiceDocument(serviceId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return apiRequest<ServiceView>(`/services/${enc(serviceId)}/documents`, { method: 'POST', body });
    },
    onSuccess: invalidate,
  });
}

export function downloadServiceDocument(
  serviceId: string,
  doc: ServiceView['documents'][number],
): Promise<Headers> {
  return apiDownload(`/services/${enc(serviceId)}/documents/${enc(doc.id)}/content`, {
    fallbackName: doc.filename ?? 'dokumen',
  });
}
