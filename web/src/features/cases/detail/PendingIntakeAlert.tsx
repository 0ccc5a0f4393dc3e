import { Alert, Button, Group, List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '../../../app/api-client';
import { useSessionInfo, useTimeZone } from '../../../app/session';
import { ConfirmDialog } from '../../../app/ui/ConfirmDialog';
import { useLanguage } from '../../../i18n';
import type { DuplicateNotice } from '../../persons/person.api';
import {
  discardPendingIntake,
  loadPendingIntake,
  type PendingIntake,
  savePendingIntake,
} from '../intake/intake-draft';
import { saveSteps } from '../intake/intake-save';
import { emptyIntake } from '../intake/intake-values';
import { SaveProgressList } from '../intake/SaveProgressList';
import { useIntakeSave } from '../intake/use-intake-save';

interface PendingIntakeAlertProps {
  caseId: string;
  onDuplicates: (notices: DuplicateNotice[]) => void;
}

/**
 * After an intake whose save stopped part-way: what is still to be saved, kept on this device, with
 * a retry. Nothing typed is lost; it is removed once saved or when the user throws it away.
 */
export function PendingIntakeAlert({ caseId, onDuplicates }: PendingIntakeAlertProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const userId = useSessionInfo().user.id;
  const [pending, setPending] = useState<PendingIntake | null>(() => loadPendingIntake(userId, caseId));
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const saving = useIntakeSave(zone);
  if (!pending) return null;

  const steps = saveSteps(pending.people);
  const retry = async () => {
    // The case exists, so only the people and consents are sent; the report part is not used.
    const values = { ...emptyIntake(new Date(), zone, ''), people: pending.people };
    const outcome = await saving.save(values, '', pending.progress);
    onDuplicates(outcome.progress.duplicates);
    const failure = outcome.ok
      ? null
      : {
          step: outcome.failedStep,
          messages: [
            errorMessage(outcome.error, lang, t('errors.network')),
            ...(isApiError(outcome.error) ? Object.values(outcome.error.fields) : []),
          ],
        };
    if (outcome.ok) {
      discardPendingIntake(userId, caseId);
      setPending(null);
      notifications.show({ color: 'teal', message: t('cases.pending.done') });
    } else {
      savePendingIntake(userId, { caseId, people: pending.people, progress: outcome.progress, failure });
      setPending({ ...pending, progress: outcome.progress, failure });
    }
  };

  const state = saving.state;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('cases.pending.title')}
      mb="md"
      role="region"
      className="no-print"
    >
      <Text size="sm" mb="sm">
        {t('cases.pending.body')}
      </Text>
      <SaveProgressList
        steps={steps}
        progress={state?.progress ?? pending.progress}
        current={state?.current ?? null}
        failedStep={state?.running ? null : (pending.failure?.step ?? null)}
      />
      {pending.failure && !state?.running ? (
        <Alert color="red" variant="light" mt="sm" title={t('cases.pending.failed')}>
          <List size="sm" spacing={2}>
            {[...new Set(pending.failure.messages)].map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('cases.pending.fixHint')}
          </Text>
        </Alert>
      ) : null}
      <Group gap="sm" mt="sm">
        <Button size="xs" onClick={() => void retry()} loading={state?.running}>
          {t('cases.pending.retry')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => setConfirmingDiscard(true)}
          disabled={state?.running}
        >
          {t('cases.pending.discard')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirmingDiscard}
        title={t('cases.pending.discardTitle')}
        body={t('cases.pending.discardBody')}
        confirmLabel={t('cases.pending.discardConfirm')}
        onCancel={() => setConfirmingDiscard(false)}
        onConfirm={() => {
          discardPendingIntake(userId, caseId);
          setPending(null);
          setConfirmingDiscard(false);
        }}
      />
    </Alert>
  );
}
