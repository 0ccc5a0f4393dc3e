import type { PasswordChange } from '@sinergi/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

/** What the sign-in page needs before anyone is signed in. */
export function useAuthStatus() {
  return useQuery({
    queryKey: ['auth', 'status'],
    queryFn: ({ signal }) =>
      apiRequest<{ demo: boolean; demoUsers: { username: string; roles: string[] }[]; mfaRequired: boolean }>(
        '/auth/status',
        {
          signal,
          quietUnauthorized: true,
        },
      ),
    staleTime: 5 * 60_000,
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: PasswordChange) =>
      apiRequest<void>('/auth/password', { method: 'POST', body: input }),
  });
}
