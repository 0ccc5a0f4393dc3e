import { Alert, Button, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useBreakGlass } from './emergency.api';

/** A coordinator opens a case outside their access in an emergency, stating why. */
export function BreakGlassButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useBreakGlass();
  const [opened, setOpened] = useState(false);
  const [caseNumber, setCaseNumber] = useState('');
  const [reason, setReason] = useState('');
  const fields = isApiError(open.error) ? open.error.fields : {};
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpened(true)}>
        {t('emergency.open')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('emergency.title')} size="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            open.mutate(
              { caseNumber, reason },
              {
                onSuccess: (r) => navigate(`/cases/${r.caseId}`, { state: { emergencyUntil: r.expiresAt } }),
              },
            );
          }}
          noValidate
        >
          <Stack gap="sm">
            <Alert color="red" variant="light">
              <Text size="sm">{t('emergency.warning')}</Text>
            </Alert>
            <TextInput
              label={t('emergency.caseNumber')}
              placeholder="TPPO/53.10/2026/0007"
              value={caseNumber}
              onChange={(e) => setCaseNumber(e.currentTarget.value)}
              error={fields.caseNumber}
              withAsterisk
              data-autofocus
            />
            <Textarea
              label={t('emergency.reason')}
              description={t('emergency.reasonHelp')}
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fields.reason}
              withAsterisk
            />
            {open.isError && !fields.caseNumber && !fields.reason ? (
              <ErrorAlert error={open.error} showFieldMessages />
            ) : null}
            <Button type="submit" color="red" loading={open.isPending}>
              {t('emergency.submit')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
