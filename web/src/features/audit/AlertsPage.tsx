import {
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { formatDateTime, formatNumber, type SecurityAlert } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { ListPaging } from '../../app/ui/ListPaging';
import { PageHeader } from '../../app/ui/PageHeader';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { zonedDate } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { ALERT_PAGE_SIZE, useAcknowledgeAlert, useSecurityAlerts } from './audit.api';

const STATUS_KEYS = ['status'] as const;

function AcknowledgeForm({ alert }: { alert: SecurityAlert }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledgeAlert();
  const [note, setNote] = useState('');
  const fieldError = isApiError(acknowledge.error) ? acknowledge.error.fields.note : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        acknowledge.mutate({ id: alert.id, note });
      }}
      noValidate
    >
      <Stack gap="xs">
        <Textarea
          label={t('alerts.note')}
          description={t('alerts.noteHint')}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError}
        />
        {acknowledge.isError && !fieldError ? <ErrorAlert error={acknowledge.error} /> : null}
        <Group>
          <Button type="submit" size="xs" loading={acknowledge.isPending}>
            {t('alerts.acknowledge')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Where in the audit view the events behind an alert are. */
function auditLink(alert: SecurityAlert, zone: string): string {
  const params = new URLSearchParams({
    from: zonedDate(alert.windowStart, zone),
    to: zonedDate(alert.windowEnd, zone),
  });
  if (alert.kind === 'failed_logins_from_ip') params.set('action', 'auth.login_failed');
  else if (alert.subjectUserId) params.set('actor', alert.subjectUserId);
  return `/audit?${params.toString()}`;
}

function AlertCard({ alert }: { alert: SecurityAlert }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const who = alert.subjectUsername
    ? `${alert.subjectUsername}${alert.subjectAgencyShortName ? ` (${alert.subjectAgencyShortName})` : ''}`
    : t('audit.system');
  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={`alert-${alert.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text fw={600} id={`alert-${alert.id}`}>
          {t(`alerts.kinds.${alert.kind}`)}
        </Text>
        <StatusBadge
          label={alert.acknowledgedAt ? t('alerts.acknowledged') : t('alerts.open')}
          color={alert.acknowledgedAt ? 'gray' : 'red'}
        />
      </Group>
      <Text size="sm" mt={4}>
        {t(`alerts.describe.${alert.kind}`, {
          who,
          ip: alert.subjectIp ?? '—',
          count: alert.count,
          n: formatNumber(alert.count, lang),
        })}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('alerts.window', {
          from: formatDateTime(alert.windowStart, lang, zone),
          to: formatDateTime(alert.windowEnd, lang, zone),
        })}
      </Text>
      <Anchor component={Link} to={auditLink(alert, zone)} size="sm" mt={4}>
        {t('alerts.showInAudit')}
      </Anchor>
      {alert.acknowledgedAt ? (
        <Text size="sm" c="dimmed" mt="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('alerts.acknowledgedBy', {
            who: alert.acknowledgedBy ?? '—',
            at: formatDateTime(alert.acknowledgedAt, lang, zone),
          })}{' '}
          {alert.acknowledgeNote}
        </Text>
      ) : (
        <Stack mt="sm">
          <AcknowledgeForm alert={alert} />
        </Stack>
      )}
    </Card>
  );
}

/** Alerts on unusual patterns in the audit trail, for administrators to look into and acknowledge. */
export function AlertsPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(STATUS_KEYS);
  const status = filters.values.status === 'all' ? 'all' : 'open';
  const alerts = useSecurityAlerts(status, filters.page);
  return (
    <>
      <PageHeader
        title={t('alerts.title')}
        description={t('alerts.description')}
        action={
          <Button variant="default" component={Link} to="/audit">
            {t('audit.title')}
          </Button>
        }
      />
      <SegmentedControl
        mb="md"
        aria-label={t('alerts.show')}
        value={status}
        onChange={(value) => filters.setFilter('status', value === 'all' ? 'all' : '')}
        data={[
          { value: 'open', label: t('alerts.showOpen') },
          { value: 'all', label: t('alerts.showAll') },
        ]}
      />
      {alerts.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={120} radius="md" />
          ))}
        </Stack>
      ) : alerts.isError ? (
        <ErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <EmptyState
          title={status === 'open' ? t('alerts.emptyOpenTitle') : t('alerts.emptyAllTitle')}
          description={t('alerts.emptyDescription')}
          py="xl"
        />
      ) : (
        <>
          <Stack gap="sm">
            {alerts.data.items.map((alert) => (
              <AlertCard key={alert.id} alert={alert} />
            ))}
          </Stack>
          <ListPaging
            page={filters.page}
            pageSize={ALERT_PAGE_SIZE}
            total={alerts.data.total}
            onPageChange={filters.setPage}
          />
        </>
      )}
    </>
  );
}
