import { Button, Group, Text } from '@mantine/core';
import { type Attachment, formatDateTime } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { useLanguage } from '../../i18n';
import { documentKind, formatSize } from '../documents/document-labels';

interface AttachmentLineProps {
  file: Attachment;
  /** The API path of the file's content. */
  contentPath: string;
  onRemove?: () => void;
}

/** One stored file: name, kind, size, who and when, and its download. */
export function AttachmentLine({ file, contentPath, onRemove }: AttachmentLineProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid="attachment">
      <div style={{ minWidth: 0, flex: '1 1 12rem' }}>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {file.filename}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            documentKind(file.mime),
            formatSize(file.size, lang),
            formatDateTime(file.uploadedAt, lang, zone),
            file.uploadedBy,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </div>
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          aria-label={t('attachments.downloadNamed', { name: file.filename })}
          onClick={() => void apiDownload(contentPath, { fallbackName: file.filename })}
        >
          {t('documents.download')}
        </Button>
        {onRemove ? (
          <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
            {t('common.remove')}
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}
