import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { formatDateTime, formatNumber, type RetentionPreview } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { useLanguage } from '../../i18n';
import { RetentionImpact } from './RetentionImpact';

interface ShortenDialogProps {
  preview: RetentionPreview | null;
  graceDays: number;
  onPropose: () => void;
  onCancel: () => void;
}

/** Before a shorter period is proposed: what it will replace, and when, and that it can still be cancelled. */
export function ShortenDialog({ preview, graceDays, onPropose, onCancel }: ShortenDialogProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  return (
    <Modal opened={preview !== null} onClose={onCancel} title={t('retention.confirmTitle')} centered>
      {preview ? (
        <Stack gap="sm">
          <Text size="sm">
            {t('retention.previewIntro', {
              from: formatNumber(preview.currentYears, lang),
              years: formatNumber(preview.closedCaseYears, lang),
              date: formatDateTime(preview.effectiveAt, lang, zone),
            })}
          </Text>
          <RetentionImpact impact={preview} />
          <Text size="sm">
            {t('retention.graceNote', {
              days: formatNumber(graceDays, lang),
              date: formatDateTime(preview.effectiveAt, lang, zone),
            })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={onPropose}>
              {t('retention.propose')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
