import { Anchor, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ServiceView } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { ACCEPTED_FILES, formatSize } from '../documents/document-labels';
import { downloadServiceDocument, useUploadServiceDocument } from './service.api';

/** The files of a service, each downloadable by those who read the service's notes. */
export function ServiceDocumentList({ service }: { service: ServiceView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [failed, setFailed] = useState<unknown>(null);
  if (service.documents.length === 0) return null;
  return (
    <Stack gap={2} mt={4}>
      {service.documents.map((d) => (
        <Text size="xs" key={d.id}>
          {d.filename ? (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => {
                setFailed(null);
                downloadServiceDocument(service.id, d).catch(setFailed);
              }}
            >
              {d.filename}
            </Anchor>
          ) : (
            t('documents.nameHidden')
          )}{' '}
          · {formatSize(d.size, lang)}
        </Text>
      ))}
      {failed ? <ErrorAlert error={failed} /> : null}
    </Stack>
  );
}

/** Attaches a file (a medical report, a shelter's intake form) to a service. */
export function ServiceDocumentDialog({ service, onClose }: { service: ServiceView; onClose: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadServiceDocument(service.id);
  const [file, setFile] = useState<File | null>(null);
  const error = upload.error;
  const fieldError = isApiError(error)
    ? error.code === 'payload_too_large'
      ? t('documents.tooLarge')
      : error.fields.file
    : undefined;
  return (
    <Modal opened onClose={onClose} title={t('services.service.attachTitle')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('services.service.attachHelp')}
        </Text>
        <FileInput
          label={t('documents.file')}
          description={t('documents.fileHelp')}
          placeholder={t('documents.choose')}
          accept={ACCEPTED_FILES}
          value={file}
          onChange={(next) => {
            setFile(next);
            upload.reset();
          }}
          error={fieldError}
          clearable
          data-autofocus
        />
        {upload.isError && !fieldError ? (
          <ErrorAlert error={error} title={t('documents.uploadFailed')} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!file}
            loading={upload.isPending}
            onClick={() =>
              file &&
              upload.mutate(file, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('documents.uploaded') });
                  onClose();
                },
              })
            }
          >
            {t('documents.upload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
