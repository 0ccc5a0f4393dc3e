import { Alert, Button, Group, Text } from '@mantine/core';
import { formatDateTime } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { useLanguage } from '../../../i18n';
import type { IntakeDraft } from './intake-draft';

interface DraftPromptProps {
  draft: IntakeDraft;
  onResume: () => void;
  onDiscard: () => void;
}

/** A draft left on this device: carry on with it, or throw it away and start empty. */
export function DraftPrompt({ draft, onResume, onDiscard }: DraftPromptProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const people = draft.values.people.length;
  return (
    <Alert color="blue" variant="light" title={t('cases.intake.draftTitle')} mb="md" role="region">
      <Text size="sm">
        {t('cases.intake.draftBody', { time: formatDateTime(draft.savedAt, lang, zone), count: people })}
      </Text>
      <Group gap="sm" mt="sm">
        <Button size="xs" onClick={onResume}>
          {t('cases.intake.draftResume')}
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t('cases.intake.draftDiscard')}
        </Button>
      </Group>
    </Alert>
  );
}
