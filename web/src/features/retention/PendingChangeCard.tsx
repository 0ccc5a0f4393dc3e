import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime, formatNumber, type RetentionChange } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { RetentionImpact } from './RetentionImpact';
import { useResolveRetentionChange } from './retention.api';

/** A shorter period waiting for its grace period: when it takes effect, what it replaces, cancel and confirm. */
export function PendingChangeCard({ change }: { change: RetentionChange }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const resolve = useResolveRetentionChange(change.taskForceId);
  const [asking, setAsking] = useState<'cancel' | 'confirm' | null>(null);
  const date = formatDateTime(change.effectiveAt, lang, zone);
  const act = (action: 'cancel' | 'confirm') => {
    setAsking(null);
    resolve.mutate(
      { id: change.id, action },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t(action === 'cancel' ? 'retention.cancelled' : 'retention.confirmedNow'),
          }),
      },
    );
  };
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="retention-pending-title"
      style={{ borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} fz="h4" id="retention-pending-title">
            {t('retention.pendingTitle')}
          </Title>
          <Badge color="orange" variant="light">
            {t('retention.pendingBadge')}
          </Badge>
        </Group>
        <Text size="sm" fw={600}>
          {t('retention.pendingBody', {
            from: formatNumber(change.fromYears, lang),
            to: formatNumber(change.toYears, lang),
            date,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('retention.pendingBy', {
            name: change.proposedBy.displayName,
            at: formatDateTime(change.proposedAt, lang, zone),
          })}
        </Text>
        {change.impact ? <RetentionImpact impact={change.impact} /> : null}
        <Text size="sm">
          {change.abilities.confirm ? t('retention.pendingMayConfirm') : t('retention.pendingOtherConfirms')}
        </Text>
        {resolve.isError ? (
          <ErrorAlert error={resolve.error} title={t('errors.saveFailed')} showFieldMessages />
        ) : null}
        <Group gap="sm">
          {change.abilities.cancel ? (
            <Button variant="default" onClick={() => setAsking('cancel')} loading={resolve.isPending}>
              {t('retention.cancelChange')}
            </Button>
          ) : null}
          {change.abilities.confirm ? (
            <Button
              color="red"
              variant="outline"
              onClick={() => setAsking('confirm')}
              loading={resolve.isPending}
            >
              {t('retention.confirmChange')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={asking === 'cancel'}
        title={t('retention.cancelTitle')}
        body={t('retention.cancelBody', { from: formatNumber(change.fromYears, lang) })}
        confirmLabel={t('retention.cancelConfirm')}
        onCancel={() => setAsking(null)}
        onConfirm={() => act('cancel')}
      />
      <ConfirmDialog
        opened={asking === 'confirm'}
        title={t('retention.confirmNowTitle')}
        body={t('retention.confirmNowBody', {
          count: change.impact?.cases ?? 0,
          to: formatNumber(change.toYears, lang),
          n: formatNumber(change.impact?.cases ?? 0, lang),
        })}
        confirmLabel={t('retention.confirmNowButton')}
        onCancel={() => setAsking(null)}
        onConfirm={() => act('confirm')}
      />
    </Card>
  );
}
