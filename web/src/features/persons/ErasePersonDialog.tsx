import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { fieldMessage } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { useErasePerson } from './person.api';

interface Props {
  caseId: string;
  personId: string;
  /** "Korban 1" */
  who: string;
  onClose: () => void;
}

/** Asks for the reason and states what erasure does before it is done; it cannot be undone. */
export function ErasePersonDialog({ caseId, personId, who, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const erase = useErasePerson(caseId, personId);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < 10;
  const fieldError =
    (touched && tooShort ? fieldMessage('too_short', lang, { min: 10 }) : undefined) ??
    (isApiError(erase.error) ? erase.error.fields.reason : undefined);
  return (
    <Modal opened onClose={onClose} title={t('persons.erase.title', { who })} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (tooShort) return;
          erase.mutate(reason.trim(), {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('persons.erase.done', { who }) });
              onClose();
            },
          });
        }}
        noValidate
      >
        <Stack gap="md">
          <Alert color="red" variant="light" title={t('persons.erase.warningTitle')}>
            <Text size="sm">{t('persons.erase.intro')}</Text>
            <List size="sm" mt="xs" spacing={4}>
              <List.Item>{t('persons.erase.consequenceFields')}</List.Item>
              <List.Item>{t('persons.erase.consequenceTexts')}</List.Item>
              <List.Item>{t('persons.erase.consequenceDocuments')}</List.Item>
              <List.Item>{t('persons.erase.consequenceKept')}</List.Item>
              <List.Item>{t('persons.erase.consequenceAudit')}</List.Item>
            </List>
          </Alert>
          <Textarea
            label={t('persons.erase.reason')}
            description={t('persons.erase.reasonHelp')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={fieldError}
          />
          {erase.isError && !(isApiError(erase.error) && erase.error.fields.reason) ? (
            <ErrorAlert error={erase.error} title={t('persons.erase.failed')} />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={erase.isPending}>
              {t('persons.erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
