import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type CaseDetail, type CasePatch, caseDetailSchema, casePatchSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client';
import { focusFirstInvalidField, schemaFieldErrors } from '../../../app/ui/form-validation';
import type { ConflictRow } from '../../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../../i18n';
import { useUpdateCase } from '../case.api';

interface CasePatchFormOptions<V> {
  toValues: (detail: CaseDetail) => V;
  /** The change: only what differs from `base`, without the version. */
  toChanges: (values: V, base: CaseDetail) => Omit<CasePatch, 'version'>;
  conflictRows: (values: V, current: CaseDetail) => ConflictRow[];
  onSaved: () => void;
}

/**
 * A form that changes part of a case: validates with the shared schema, saves with the version it
 * read, and on a 409 offers both versions side by side.
 */
export function useCasePatchForm<V extends object>(detail: CaseDetail, options: CasePatchFormOptions<V>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const update = useUpdateCase(detail.id);
  const [base, setBase] = useState(detail);
  const [conflict, setConflict] = useState<CaseDetail | null>(null);
  const form = useForm<V>({ initialValues: options.toValues(detail) });

  const rebase = (record: CaseDetail, keepEntries: boolean) => {
    setBase(record);
    form.setInitialValues(options.toValues(record));
    if (!keepEntries) form.setValues(options.toValues(record));
    form.clearErrors();
  };

  const submit = form.onSubmit((values) => {
    const patch: CasePatch = { version: base.version, ...options.toChanges(values, base) };
    const problems = schemaFieldErrors(casePatchSchema, patch, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    if (Object.keys(patch).length === 1) {
      options.onSaved();
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        rebase(saved, false);
        notifications.show({ color: 'teal', message: t('cases.saved', { number: saved.caseNumber }) });
        options.onSaved();
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        const current = caseDetailSchema.safeParse(error.current);
        if (error.code === 'version_conflict' && current.success) setConflict(current.data);
        else {
          form.setErrors(error.fields);
          focusFirstInvalidField();
        }
      },
    });
  });

  const conflictDialog = {
    opened: conflict !== null,
    rows: conflict ? options.conflictRows(form.getValues(), conflict) : [],
    onReload: () => {
      if (conflict) rebase(conflict, false);
      setConflict(null);
      update.reset();
    },
    onKeepMine: () => {
      if (conflict) rebase(conflict, true);
      setConflict(null);
      update.reset();
    },
  };
  const showError = update.isError && !(isApiError(update.error) && update.error.code === 'version_conflict');

  return { form, submit, update, base, conflictDialog, showError };
}
