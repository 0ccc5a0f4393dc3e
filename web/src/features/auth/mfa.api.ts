import type { MfaEnabled, MfaPolicy, MfaSetup, SessionInfo } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

// During sign-in the session is not complete yet: a 401 here is an answer, not the end of a session.
const quiet = { quietUnauthorized: true } as const;

export function useMfaVerify() {
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest<SessionInfo>('/auth/mfa/verify', { method: 'POST', body: { code }, ...quiet }),
  });
}

export function useMfaSetup() {
  return useMutation({
    mutationFn: () => apiRequest<MfaSetup>('/auth/mfa/setup', { method: 'POST', ...quiet }),
  });
}

export function useMfaEnable() {
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest<MfaEnabled>('/auth/mfa/enable', { method: 'POST', body: { code }, ...quiet }),
  });
}

export function useMfaDisable() {
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest<void>('/auth/mfa/disable', { method: 'POST', body: { password } }),
  });
}

export function useMfaReset(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(`/users/${encodeURIComponent(userId)}/mfa/reset`, { method: 'POST' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
}

export function useMfaPolicy() {
  return useQuery({
    queryKey: ['security', 'mfa-policy'],
    queryFn: ({ signal }) => apiRequest<MfaPolicy>('/security/mfa-policy', { signal }),
  });
}

export function useSetMfaPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: MfaPolicy) =>
      apiRequest<MfaPolicy>('/security/mfa-policy', { method: 'PUT', body: policy }),
    onSuccess: (data) => queryClient.setQueryData(['security', 'mfa-policy'], data),
  });
}
