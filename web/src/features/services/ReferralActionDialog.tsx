import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReferralView } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useReferralAction } from './service.api';

export type ReferralActionName = 'accept' | 'decline' | 'complete' | 'revoke';

/** Accept, decline (reason), complete (outcome) or revoke (reason) one referral. */
export function ReferralActionDialog({
  referral,
  action,
  onClose,
}: {
  referral: ReferralView;
  action: ReferralActionName;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const act = useReferralAction(referral.id);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const field = action === 'complete' ? 'outcome' : action === 'accept' ? null : 'reason';
  const submit = () =>
    act.mutate(
      { action, version: referral.version, ...(field && { [field]: text.trim() || null }) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('services.referral.done') });
          onClose();
        },
        onError: (e) => {
          if (isApiError(e)) setErrors(e.fields);
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t(`services.referral.${action}Title`)} size="md">
      <Stack gap="md">
        {action === 'accept' ? <Text size="sm">{t('services.referral.acceptBody')}</Text> : null}
        {field ? (
          <Textarea
            label={field === 'outcome' ? t('services.referral.outcome') : t('services.referral.answerReason')}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors[field]}
          />
        ) : null}
        {act.isError && !(isApiError(act.error) && act.error.status === 400 && field) ? (
          <ErrorAlert error={act.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={action === 'decline' || action === 'revoke' ? 'red' : undefined}
            onClick={submit}
            loading={act.isPending}
          >
            {t(`services.referral.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
