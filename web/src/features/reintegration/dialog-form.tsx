/** Shared parts of the reintegration dialogs: the modal frame, schema validation and agency options. */
import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';

export type Person = { personId: string; label: string };

/** A dialog that validates with the shared schema, then saves; server field errors land next to the fields. */
export function useSaveForm<T>(
  schema: Parameters<typeof schemaFieldErrors>[0],
  save: { mutate: (v: T, o: object) => void },
  onClose: () => void,
) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (input: T) => {
    const problems = schemaFieldErrors(schema, input, lang);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    save.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('reintegration.saved') });
        onClose();
      },
      onError: (e: unknown) => {
        if (isApiError(e)) setErrors(e.fields);
      },
    });
  };
  return { errors, submit };
}

export function Dialog({
  title,
  onClose,
  children,
  onSave,
  saving,
  error,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  onSave: () => void;
  saving: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="md">
        {children}
        {error && !(isApiError(error) && error.status === 400) ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onSave} loading={saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function useAgencySelect() {
  const agencies = useAgencyOptions({ activeOnly: true });
  return (agencies.data ?? []).map((a) => ({ value: a.id, label: a.shortName }));
}
