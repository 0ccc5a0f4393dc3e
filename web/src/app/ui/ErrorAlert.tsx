import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { errorMessage, isApiError } from '../api-client';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /**
   * Also list the server's field messages: for answers about things that have no field on the
   * screen (a stage move the workflow refuses, a rule about the whole record).
   */
  showFieldMessages?: boolean;
}

/** What went wrong, in the chosen language, and what the user can do next. */
export function ErrorAlert({ error, title, onRetry, showFieldMessages }: ErrorAlertProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const requestId = isApiError(error) ? error.requestId : null;
  const fieldMessages =
    showFieldMessages && isApiError(error) ? [...new Set(Object.values(error.fields))] : [];
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error, lang, t('errors.network'))}</Text>
        {fieldMessages.length > 0 ? (
          <List size="sm" spacing={2}>
            {fieldMessages.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        ) : null}
        {requestId ? (
          <Text size="xs" c="dimmed">
            {t('errors.requestId', { id: requestId })}
          </Text>
        ) : null}
        {onRetry ? (
          <div>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('errors.retry')}
            </Button>
          </div>
        ) : null}
      </Stack>
    </Alert>
  );
}
