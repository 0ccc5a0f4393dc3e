import { Button, EmptyState, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { fieldMessage } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { ListPaging } from '../../app/ui/ListPaging';
import { PageHeader } from '../../app/ui/PageHeader';
import { allowedOrEmpty, useUrlFilters } from '../../app/ui/use-url-filters';
import { startOfZonedDay } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { AuditResults } from './AuditResults';
import { AUDIT_PAGE_SIZE, useAuditEvents } from './audit.api';
import { AUDIT_OUTCOMES, actionLabel, KNOWN_AUDIT_ACTIONS } from './audit-labels';

const FILTER_KEYS = ['action', 'outcome', 'from', 'to'] as const;

export function AuditPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const filters = useUrlFilters(FILTER_KEYS);
  const { from, to } = filters.values;
  const action = filters.values.action.slice(0, 60);
  const outcome = allowedOrEmpty(filters.values.outcome, AUDIT_OUTCOMES);
  const rangeInvalid = from !== '' && to !== '' && to < from;
  const events = useAuditEvents({
    action: action || undefined,
    outcome: outcome || undefined,
    from: startOfZonedDay(from, zone),
    // The whole "to" day is included: the server's bound is exclusive.
    to: rangeInvalid ? undefined : startOfZonedDay(to, zone, 1),
    page: filters.page,
  });

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Group align="flex-start" gap="sm" mb="xs" wrap="wrap">
        <Select
          label={t('audit.action')}
          placeholder={t('common.all')}
          data={KNOWN_AUDIT_ACTIONS.map((value) => ({ value, label: actionLabel(t, value) }))}
          value={action || null}
          onChange={(value) => filters.setFilter('action', value ?? '')}
          clearable
          searchable
          style={{ flex: '2 1 13rem' }}
        />
        <Select
          label={t('audit.outcome')}
          placeholder={t('common.all')}
          data={AUDIT_OUTCOMES.map((value) => ({ value, label: t(`audit.outcomes.${value}`) }))}
          value={outcome || null}
          onChange={(value) => filters.setFilter('outcome', value ?? '')}
          clearable
          style={{ flex: '1 1 9rem' }}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={from}
          onChange={(event) => filters.setFilter('from', event.currentTarget.value)}
          style={{ flex: '1 1 10rem' }}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={to}
          min={from || undefined}
          onChange={(event) => filters.setFilter('to', event.currentTarget.value)}
          error={rangeInvalid ? fieldMessage('date_range', lang) : undefined}
          style={{ flex: '1 1 10rem' }}
        />
        {filters.hasFilters ? (
          <Button variant="subtle" onClick={filters.clear} mt={{ base: 0, sm: 24 }}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="md">
        {t('audit.timesIn', { zone })}
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
