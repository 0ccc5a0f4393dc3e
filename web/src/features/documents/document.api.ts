import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest } from '../../app/api-client';
import { useCaseChanged } from '../cases/case.api';

export interface CaseDocument {
  id: string;
  personId: string | null;
  /** Only for the case team. */
  filename: string | null;
  mime: string;
  size: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

function documentsPath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}/documents`;
}

export function useDocuments(caseId: string) {
  return useQuery({
    queryKey: ['cases', 'documents', caseId],
    queryFn: ({ signal }) => apiRequest<{ items: CaseDocument[] }>(documentsPath(caseId), { signal }),
    select: (data) => data.items,
  });
}

function useDocumentsChanged(caseId: string) {
  const queryClient = useQueryClient();
  const caseChanged = useCaseChanged();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['cases', 'documents', caseId] }),
      caseChanged(null, caseId),
    ]);
}

export function useUploadDocument(caseId: string) {
  const changed = useDocumentsChanged(caseId);
  return useMutation({
    mutationFn: ({ file, personId }: { file: File; personId: string | null }) => {
      const body = new FormData();
      // The person goes first: the server reads fields that come before the file.
      if (personId) body.append('personId', personId);
      body.append('file', file, file.name);
      return apiRequest<CaseDocument>(documentsPath(caseId), { method: 'POST', body });
    },
    onSuccess: () => changed(),
  });
}

export function useRemoveDocument(caseId: string) {
  const changed = useDocumentsChanged(caseId);
  return useMutation({
    mutationFn: ({ documentId, reason }: { documentId: string; reason: string }) =>
      apiRequest<void>(`${documentsPath(caseId)}/${encodeURIComponent(documentId)}`, {
        method: 'DELETE',
        body: { reason },
      }),
    onSuccess: () => changed(),
  });
}

export function downloadDocument(caseId: string, doc: CaseDocument): Promise<Headers> {
  return apiDownload(`${documentsPath(caseId)}/${encodeURIComponent(doc.id)}/content`, {
    fallbackName: doc.filename ?? 'dokumen',
  });
}
