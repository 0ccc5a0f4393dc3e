import { Button, FileInput, Group, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useUploadDocument } from './document.api';
import { ACCEPTED_FILES } from './document-labels';

interface DocumentUploadProps {
  caseId: string;
  people: { value: string; label: string }[];
}

/** Attaches a file to the case, optionally to one person; a refused type or size is said at the field. */
export function DocumentUpload({ caseId, people }: DocumentUploadProps) {
  const { t } = useTranslation();
  const upload = useUploadDocument(caseId);
  const [file, setFile] = useState<File | null>(null);
  const [personId, setPersonId] = useState('');
  const [key, setKey] = useState(0);
  const error = upload.error;
  const fieldError = isApiError(error)
    ? error.code === 'payload_too_large'
      ? t('documents.tooLarge')
      : error.fields.file
    : undefined;

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          key={key}
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
          style={{ flex: '2 1 16rem' }}
        />
        <Select
          label={t('documents.person')}
          placeholder={t('documents.wholeCase')}
          data={people}
          value={personId || null}
          onChange={(value) => setPersonId(value ?? '')}
          clearable
          style={{ flex: '1 1 12rem' }}
        />
        <Button
          disabled={!file}
          loading={upload.isPending}
          onClick={() =>
            file &&
            upload.mutate(
              { file, personId: personId || null },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('documents.uploaded') });
                  setFile(null);
                  setPersonId('');
                  setKey((k) => k + 1);
                },
              },
            )
          }
        >
          {t('documents.upload')}
        </Button>
      </Group>
      {upload.isError && !fieldError ? (
        <ErrorAlert error={upload.error} title={t('documents.uploadFailed')} />
      ) : null}
    </Stack>
  );
}
