import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

export interface EmergencyGrant {
  id: string;
  caseId: string;
  caseNumber: string;
  userDisplayName: string;
  agencyShortName: string;
  reason: string | null;
  grantedAt: string;
  expiresAt: string;
  active: boolean;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
}

export function useBreakGlass() {
  return useMutation({
    mutationFn: (input: { caseNumber: string; reason: string }) =>
      apiRequest<{ caseId: string; expiresAt: string }>('/break-glass', { method: 'POST', body: input }),
  });
}

export function useCaseEmergencyAccess(caseId: string) {
  return useQuery({
    queryKey: ['cases', caseId, 'emergency-access'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: EmergencyGrant[] }>(`/cases/${encodeURIComponent(caseId)}/emergency-access`, {
        signal,
      }),
    select: (data) => data.items,
  });
}

export function useEmergencyReviews(pending: boolean) {
  return useQuery({
    queryKey: ['break-glass', pending],
    queryFn: ({ signal }) =>
      apiRequest<{ items: EmergencyGrant[] }>('/break-glass', {
        query: { pending: String(pending) },
        signal,
      }),
    select: (data) => data.items,
  });
}

export function useReviewGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      apiRequest<EmergencyGrant>(`/break-glass/${encodeURIComponent(id)}/review`, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['break-glass'] }),
  });
}
