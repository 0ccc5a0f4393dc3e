import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { consentCreateSchema, fieldMessage } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { DateField } from '../../app/ui/DateField';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { ConsentFields } from './ConsentFields';
import { useRecordConsent, useWithdrawConsent } from './person.api';
import { type ConsentValues, emptyConsent, valuesToConsent } from './person-form-values';

interface ConsentDialogProps {
  caseId: string;
  personId: string;
  /** Who the consent is for, by role and number. */
  who: string;
  isChild: boolean;
  today: string;
  opened: boolean;
  onClose: () => void;
  /** Pre-filled agencies to share with: the agency a referral is for. */
  sharingAgencyIds?: string[];
  /** After the consent is saved (a referral then goes on). */
  onRecorded?: () => void;
}

/** Records a consent for one person. */
export function ConsentDialog({
  caseId,
  personId,
  who,
  isChild,
  today,
  opened,
  onClose,
  sharingAgencyIds = [],
  onRecorded,
}: ConsentDialogProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const record = useRecordConsent(caseId, personId);
  const [value, setValue] = useState<ConsentValues>(() =>
    emptyConsent(today, isChild ? 'guardian' : 'self', sharingAgencyIds),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const input = valuesToConsent(value);
    const problems = schemaFieldErrors(consentCreateSchema, input, lang);
    if (value.givenOn > today) problems.givenOn = fieldMessage('date_in_future', lang);
    if (isChild && value.givenBy === 'self') problems.givenBy = fieldMessage('consent_child_self', lang);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    record.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('persons.consent.recorded', { who }) });
        onRecorded?.();
        onClose();
      },
      onError: (error) => {
        if (isApiError(error)) setErrors(error.fields);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('persons.consent.recordTitle', { who })} size="lg">
      <Stack gap="md">
        <ConsentFields value={value} onChange={setValue} errors={errors} isChild={isChild} />
        {record.isError ? <ErrorAlert error={record.error} title={t('errors.saveFailed')} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={record.isPending}>
            {t('persons.consent.record')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface WithdrawDialogProps {
  caseId: string;
  personId: string;
  consentId: string | null;
  today: string;
  onClose: () => void;
}

/** Records that a consent was withdrawn, and on which day; asked before, as it cannot be undone. */
export function WithdrawConsentDialog({ caseId, personId, consentId, today, onClose }: WithdrawDialogProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const withdraw = useWithdrawConsent(caseId, personId);
  const [day, setDay] = useState(today);
  const problem = !/^\d{4}-\d{2}-\d{2}$/.test(day)
    ? fieldMessage('date_format', lang)
    : day > today
      ? fieldMessage('date_in_future', lang)
      : undefined;
  return (
    <Modal opened={consentId !== null} onClose={onClose} title={t('persons.consent.withdrawTitle')} centered>
      <Stack gap="md">
        <DateField
          label={t('persons.consent.withdrawnOn')}
          description={t('persons.consent.withdrawHelp')}
          withAsterisk
          value={day}
          max={today}
          onChange={(value) => setDay(value)}
          error={problem ?? (isApiError(withdraw.error) ? withdraw.error.fields.withdrawnOn : undefined)}
        />
        {withdraw.isError ? <ErrorAlert error={withdraw.error} title={t('errors.saveFailed')} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={withdraw.isPending}
            disabled={problem !== undefined}
            onClick={() =>
              consentId &&
              withdraw.mutate(
                { consentId, withdrawnOn: day },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('persons.consent.withdrawn') });
                    onClose();
                  },
                },
              )
            }
          >
            {t('persons.consent.withdrawConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
