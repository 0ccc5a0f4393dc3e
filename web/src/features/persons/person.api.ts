import type {
  ConsentCreate,
  duplicateWarningSchema,
  PersonCreate,
  PersonPatch,
  PersonView,
} from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';
import { useCaseChanged } from '../cases/case.api';

export type DuplicateWarning = z.infer<typeof duplicateWarningSchema>;

/** Possible duplicates found when a person was saved; the person is told by role and number only. */
export interface DuplicateNotice {
  role: string;
  ordinal: number;
  duplicates: DuplicateWarning[];
}

interface SavedPerson {
  person: PersonView;
  duplicates: DuplicateWarning[];
}

function personsPath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}/persons`;
}

export function personsKey(caseId: string) {
  return ['cases', 'persons', caseId] as const;
}

export function usePersons(caseId: string) {
  return useQuery({
    queryKey: personsKey(caseId),
    queryFn: ({ signal }) => apiRequest<{ items: PersonView[] }>(personsPath(caseId), { signal }),
    select: (data) => data.items,
  });
}

export function createPerson(caseId: string, input: PersonCreate): Promise<SavedPerson> {
  return apiRequest<SavedPerson>(personsPath(caseId), { method: 'POST', body: input });
}

export function recordConsent(caseId: string, personId: string, input: ConsentCreate): Promise<PersonView> {
  return apiRequest<PersonView>(`${personsPath(caseId)}/${encodeURIComponent(personId)}/consents`, {
    method: 'POST',
    body: input,
  });
}

/** A change to the people changes the case too (its version, counts and warnings). */
function usePeopleChanged(caseId: string) {
  const queryClient = useQueryClient();
  const caseChanged = useCaseChanged();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: personsKey(caseId) }), caseChanged(null, caseId)]);
}

export function useCreatePerson(caseId: string) {
  const changed = usePeopleChanged(caseId);
  return useMutation({
    mutationFn: (input: PersonCreate) => createPerson(caseId, input),
    onSuccess: () => changed(),
  });
}

export function useUpdatePerson(caseId: string, personId: string) {
  const changed = usePeopleChanged(caseId);
  return useMutation({
    mutationFn: (patch: PersonPatch) =>
      apiRequest<SavedPerson>(`${personsPath(caseId)}/${encodeURIComponent(personId)}`, {
        method: 'PATCH',
        body: patch,
      }),
    onSuccess: () => changed(),
  });
}

export function useRecordConsent(caseId: string, personId: string) {
  const changed = usePeopleChanged(caseId);
  return useMutation({
    mutationFn: (input: ConsentCreate) => recordConsent(caseId, personId, input),
    onSuccess: () => changed(),
  });
}

export function useWithdrawConsent(caseId: string, personId: string) {
  const changed = usePeopleChanged(caseId);
  return useMutation({
    mutationFn: ({ consentId, withdrawnOn }: { consentId: string; withdrawnOn: string }) =>
      apiRequest<PersonView>(
        `${personsPath(caseId)}/${encodeURIComponent(personId)}/consents/${encodeURIComponent(consentId)}/withdraw`,
        { method: 'POST', body: { withdrawnOn } },
      ),
    onSuccess: () => changed(),
  });
}

/** Erases the person's identifying data on their request (coordinators of the case team). */
export function useErasePerson(caseId: string, personId: string) {
  const changed = usePeopleChanged(caseId);
  return useMutation({
    mutationFn: (reason: string) =>
      apiRequest<PersonView>(`${personsPath(caseId)}/${encodeURIComponent(personId)}/erase`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: () => changed(),
  });
}
