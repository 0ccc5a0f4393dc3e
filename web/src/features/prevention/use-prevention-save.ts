import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { focusFirstInvalidField } from '../../app/ui/form-validation';
import { type PreventionKind, useUpdatePrevention } from './prevention.api';

interface CreateMutation<I> {
  mutate: (
    v: { input: I; idempotencyKey: string },
    o: { onSuccess: () => void; onError: (e: unknown) => void },
  ) => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * Saves a prevention form: a new record (with an idempotency key) or a correction of `record`
 * (with the version read). A version conflict is kept for the dialog that shows both versions.
 */
export function usePreventionSave<I, O extends { id: string; version: number }>(
  kind: PreventionKind,
  create: CreateMutation<I>,
  record: O | null,
  handlers: { setErrors: (e: Record<string, string>) => void; done: () => void },
) {
  const { t } = useTranslation();
  const update = useUpdatePrevention<I, O>(kind);
  const [key, setKey] = useState(newIdempotencyKey);
  const [version, setVersion] = useState(record?.version ?? 0);
  const [conflict, setConflict] = useState<O | null>(null);
  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'version_conflict' && e.current) {
      setConflict(e.current as O);
      return;
    }
    if (isApiError(e)) handlers.setErrors(e.fields);
    focusFirstInvalidField();
  };
  const onSuccess = () => {
    notifications.show({ color: 'teal', message: t('prevention.saved') });
    setKey(newIdempotencyKey());
    handlers.done();
  };
  const save = (input: I) => {
    if (record) update.mutate({ id: record.id, input, version }, { onSuccess, onError });
    else create.mutate({ input, idempotencyKey: key }, { onSuccess, onError });
  };
  const active = record ? update : create;
  const failed = active.isError && !(isApiError(active.error) && active.error.code === 'version_conflict');
  return {
    save,
    pending: active.isPending,
    error: failed ? active.error : null,
    conflict,
    /** Take the other version into the form (reload) or keep mine and save over it. */
    resolve: (reload: boolean, apply: (current: O) => void) => {
      if (!conflict) return;
      setVersion(conflict.version);
      if (reload) apply(conflict);
      setConflict(null);
    },
  };
}
