import { Button, EmptyState, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatNumber, zoneLabel } from '@sinergi/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { ListPaging } from '../../app/ui/ListPaging';
import { PageHeader } from '../../app/ui/PageHeader';
import { allowedOrEmpty, useUrlFilters } from '../../app/ui/use-url-filters';
import { startOfZonedDay } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { AUDIT_FILTER_KEYS, AuditFilters } from './AuditFilters';
import { AuditResults } from './AuditResults';
import { AUDIT_PAGE_SIZE, type AuditFilterQuery, downloadAuditCsv, useAuditEvents } from './audit.api';
import { AUDIT_ENTITY_TYPES, AUDIT_OUTCOMES } from './audit-labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const filters = useUrlFilters(AUDIT_FILTER_KEYS);
  const v = filters.values;
  const rangeInvalid = v.from !== '' && v.to !== '' && v.to < v.from;
  // Values from a hand-edited link that the API would refuse are left out rather than failing.
  const query: AuditFilterQuery = {
    actor: UUID.test(v.actor) ? v.actor : undefined,
    agency: UUID.test(v.agency) ? v.agency : undefined,
    action: /^[a-z_.]{1,60}$/.test(v.action) ? v.action : undefined,
    entityType: allowedOrEmpty(v.entityType, AUDIT_ENTITY_TYPES) || undefined,
    entityId: v.entityId.slice(0, 100) || undefined,
    outcome: allowedOrEmpty(v.outcome, AUDIT_OUTCOMES) || undefined,
    from: startOfZonedDay(v.from, zone),
    // The whole "to" day is included: the server's bound is exclusive.
    to: rangeInvalid ? undefined : startOfZonedDay(v.to, zone, 1),
  };
  const events = useAuditEvents({ ...query, page: filters.page });
  const exportCsv = useMutation({
    mutationFn: () => downloadAuditCsv(query, lang === 'id' ? 'audit.csv' : 'audit-trail.csv'),
    onSuccess: ({ rows, truncated }) =>
      notifications.show({
        color: truncated ? 'orange' : 'teal',
        message: truncated
          ? t('audit.exportTruncated', { rows: formatNumber(rows, lang) })
          : t('audit.exported', { rows: formatNumber(rows, lang) }),
      }),
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, lang, t('errors.network')) }),
  });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        action={
          <>
            <Button variant="default" component={Link} to="/security-alerts">
              {t('alerts.title')}
            </Button>
            <Button
              onClick={() => exportCsv.mutate()}
              loading={exportCsv.isPending}
              disabled={rangeInvalid || events.data?.total === 0}
            >
              {t('audit.exportCsv')}
            </Button>
          </>
        }
      />
      <AuditFilters
        values={v}
        setFilter={filters.setFilter}
        clear={filters.clear}
        hasFilters={filters.hasFilters}
        rangeInvalid={rangeInvalid}
      />
      <Text size="xs" c="dimmed" mb="md">
        {t('audit.timesIn', { zone: zoneLabel(zone) })}
      </Text>

      {events.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <Skeleton key={i} height={40} radius="sm" />
          ))}
        </Stack>
      ) : events.isError ? (
        <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState
          title={t('audit.emptyTitle')}
          description={filters.hasFilters ? t('audit.emptyFiltered') : t('audit.emptyAll')}
          py="xl"
        >
          {filters.hasFilters ? (
            <EmptyState.Actions>
              <Button variant="light" onClick={filters.clear}>
                {t('common.clearFilters')}
              </Button>
            </EmptyState.Actions>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <AuditResults events={events.data.items} />
          <ListPaging
            page={filters.page}
            pageSize={AUDIT_PAGE_SIZE}
            total={events.data.total}
            onPageChange={filters.setPage}
          />
        </>
      )}
    </>
  );
}
