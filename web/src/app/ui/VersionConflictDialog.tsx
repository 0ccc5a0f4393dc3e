import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ConflictRow {
  label: string;
  yours: string;
  theirs: string;
}

interface VersionConflictDialogProps {
  opened: boolean;
  rows: ConflictRow[];
  onReload: () => void;
  onKeepMine: () => void;
}

/** A 409 on save: both versions side by side, and the choice of which to keep. */
export function VersionConflictDialog({ opened, rows, onReload, onKeepMine }: VersionConflictDialogProps) {
  const { t } = useTranslation();
  const differing = rows.filter((row) => row.yours !== row.theirs);
  const shown = differing.length > 0 ? differing : rows;
  return (
    <Modal opened={opened} onClose={onKeepMine} title={t('conflict.title')} size="lg" centered>
      <Stack gap="md">
        <Text size="sm">{t('conflict.body')}</Text>
        <Stack gap="sm" role="list">
          {shown.map((row) => (
            <Stack
              key={row.label}
              gap={2}
              role="listitem"
              p="xs"
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
            >
              <Text size="sm" fw={600}>
                {row.label}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Text span c="dimmed" size="sm">
                  {t('conflict.yours')}:{' '}
                </Text>
                {row.yours}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Text span c="dimmed" size="sm">
                  {t('conflict.theirs')}:{' '}
                </Text>
                {row.theirs}
              </Text>
            </Stack>
          ))}
        </Stack>
        <Alert variant="light" color="blue" role="note">
          <Text size="sm">{t('conflict.keepMineHelp')}</Text>
        </Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onKeepMine}>
            {t('conflict.keepMine')}
          </Button>
          <Button onClick={onReload} data-autofocus>
            {t('conflict.reload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
