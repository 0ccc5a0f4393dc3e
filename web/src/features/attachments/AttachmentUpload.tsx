import { Button, FileInput, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';

interface AttachmentUploadProps {
  label: string;
  description: string;
  accept: string;
  buttonLabel: string;
  /** Sends the file; resolves when stored. */
  upload: {
    mutate: (file: File, o: { onSuccess: () => void }) => void;
    isPending: boolean;
    error: unknown;
    reset: () => void;
  };
  doneMessage: string;
}

/** Picks one file and sends it; a refused type or size is said at the field. */
export function AttachmentUpload({
  label,
  description,
  accept,
  buttonLabel,
  upload,
  doneMessage,
}: AttachmentUploadProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState(0);
  const error = upload.error;
  const fieldError = isApiError(error)
    ? error.code === 'payload_too_large'
      ? t('documents.tooLarge')
      : error.fields.file
    : undefined;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          key={key}
          label={label}
          description={description}
          placeholder={t('documents.choose')}
          accept={accept}
          value={file}
          onChange={(next) => {
            setFile(next);
            upload.reset();
          }}
          error={fieldError}
          clearable
          style={{ flex: '1 1 14rem', minWidth: 0 }}
        />
        <Button
          disabled={!file}
          loading={upload.isPending}
          onClick={() =>
            file &&
            upload.mutate(file, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: doneMessage });
                setFile(null);
                setKey((k) => k + 1);
              },
            })
          }
        >
          {buttonLabel}
        </Button>
      </Group>
      {error && !fieldError ? <ErrorAlert error={error} title={t('documents.uploadFailed')} /> : null}
    </Stack>
  );
}
