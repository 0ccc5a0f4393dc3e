import type { User, UserCreate, UserPatch } from '@sinergi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type Page } from '../../app/api-client';

export const USER_PAGE_SIZE = 25;

export interface UserListFilter {
  q: string;
  agencyId: string;
  role: string;
  active: string;
  page: number;
}

export function useUserList(filter: UserListFilter) {
  return useQuery({
    queryKey: ['users', 'list', filter],
    queryFn: ({ signal }) =>
      apiRequest<Page<User>>('/users', { query: { ...filter, pageSize: USER_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: ({ signal }) => apiRequest<User>(`/users/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: UserCreate; idempotencyKey: string }) =>
      apiRequest<User>('/users', {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

function useUserSaved() {
  const queryClient = useQueryClient();
  return (user: User) => {
    queryClient.setQueryData(['users', 'detail', user.id], user);
    return queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
  };
}

export function useUpdateUser(id: string) {
  const saved = useUserSaved();
  return useMutation({
    mutationFn: (patch: UserPatch) =>
      apiRequest<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: saved,
  });
}

export function useResetPassword(id: string) {
  const saved = useUserSaved();
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest<User>(`/users/${encodeURIComponent(id)}/reset-password`, {
        method: 'POST',
        body: { password },
      }),
    onSuccess: saved,
  });
}

/** Users for pickers and filters (the first 200 by name; the picker searches within them). */
export function useUserOptions() {
  return useQuery({
    queryKey: ['users', 'options'],
    queryFn: ({ signal }) => apiRequest<Page<User>>('/users', { query: { pageSize: 200 }, signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}
