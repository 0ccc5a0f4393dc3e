import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { type PreventionKind, useRemovePrevention } from './prevention.api';

interface RemoveRecordDialogProps {
  kind: PreventionKind;
  record: { id: string; version: number; label: string } | null;
  onClose: () => void;
}

/** Asks for the reason before a prevention record is removed (kept for the audit, hidden everywhere). */
export function RemoveRecordDialog({ kind, record, onClose }: RemoveRecordDialogProps) {
  const { t } = useTranslation();
  const remove = useRemovePrevention(kind);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setError(null);
    remove.reset();
    onClose();
  };
  const confirm = () => {
    if (!record) return;
    if (reason.trim().length < 3) {
      setError(t('prevention.remove.reasonRequired'));
      return;
    }
    remove.mutate(
      { id: record.id, version: record.version, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('prevention.remove.done') });
          close();
        },
        onError: (e) => {
          if (isApiError(e) && e.fields.reason) setError(e.fields.reason);
        },
      },
    );
  };
  return (
    <Modal opened={record !== null} onClose={close} title={t('prevention.remove.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('prevention.remove.body', { label: record?.label ?? '' })}</Text>
        {remove.isError && !(isApiError(remove.error) && remove.error.fields.reason) ? (
          <ErrorAlert error={remove.error} />
        ) : null}
        <Textarea
          label={t('prevention.remove.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={confirm}>
            {t('prevention.remove.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
