import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { LEGAL_STAGES } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { zonedDate } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { formatDay } from '../cases/format-day';
import { type LegalListItem, useLegalList } from './legal.api';
import { legalLabel, rupiah } from './legal-form';

const KEYS = ['view', 'stage', 'days'] as const;
const VIEWS = ['all', 'stalled', 'unpaid'] as const;

/** Cases by stage of the legal process; stalled tracks; restitution unpaid past its deadline. */
export function LegalListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const phone = usePhoneLayout();
  const zone = useTimeZone();
  const { values, setFilter } = useUrlFilters(KEYS);
  const view = (VIEWS as readonly string[]).includes(values.view)
    ? (values.view as (typeof VIEWS)[number])
    : 'all';
  const days = Number(values.days) || undefined;
  const list = useLegalList({ view, stage: values.stage || undefined, stalledDays: days });
  const link = (i: LegalListItem) => `/legal/${i.caseId}`;
  const inStage = (i: LegalListItem) => t('legal.list.daysInStage', { count: i.daysInStage });

  return (
    <>
      <PageHeader title={t('legal.list.title')} description={t('legal.list.description')} />
      <Stack gap="md">
        {list.data?.awaiting.length ? (
          <Alert
            color="blue"
            variant="light"
            title={t('legal.list.awaitingTitle')}
            data-testid="legal-awaiting"
          >
            <Stack gap={6}>
              <Text size="sm">{t('legal.list.awaitingHelp')}</Text>
              {list.data.awaiting.map((a) => (
                <Group key={a.caseId} gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/legal/${a.caseId}`} fw={600}>
                    {a.caseNumber}
                  </Anchor>
                  <Text size="sm">
                    {t('legal.list.assignedOn', { date: formatDay(zonedDate(a.assignedAt, zone), lang) })}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Alert>
        ) : null}
        <SegmentedControl
          aria-label={t('legal.list.view')}
          value={view}
          onChange={(v) => setFilter('view', v === 'all' ? '' : v)}
          data={VIEWS.map((v) => ({ value: v, label: t(`legal.list.views.${v}`) }))}
          fullWidth={phone}
        />
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label={t('legal.list.stage')}
            data={LEGAL_STAGES.map((s) => ({
              value: s,
              label: `${legalLabel(lang, 'stages', s)}${list.data?.byStage[s] ? ` (${list.data.byStage[s]})` : ''}`,
            }))}
            value={values.stage || null}
            onChange={(v) => setFilter('stage', v ?? '')}
            clearable
            placeholder={t('legal.list.allStages')}
          />
          {view === 'stalled' ? (
            <NumberInput
              label={t('legal.list.stalledDays')}
              min={1}
              max={3650}
              value={days ?? list.data?.stalledDays ?? 60}
              onChange={(v) => setFilter('days', v ? String(v) : '')}
              w={180}
            />
          ) : null}
        </Group>
        {list.isPending ? (
          <Skeleton height={160} radius="md" />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Text size="sm">{t(`legal.list.empty.${view}`)}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('legal.list.total', { count: list.data.total })}
            </Text>
            {phone ? (
              <Stack gap="xs">
                {list.data.items.map((i) => (
                  <Card key={i.caseId} withBorder radius="md" padding="sm" component={Link} to={link(i)}>
                    <Group justify="space-between" gap="xs">
                      <Text fw={600} size="sm">
                        {i.caseNumber}
                      </Text>
                      <Badge variant="light">{legalLabel(lang, 'stages', i.stage)}</Badge>
                    </Group>
                    <Text size="xs">
                      {formatDay(i.stageOn, lang)} · {inStage(i)} ·{' '}
                      {t('legal.list.suspects', { count: i.suspects })}
                    </Text>
                    {i.owed ? (
                      <Text size="xs" c={i.overdueRestitutions ? 'red' : undefined}>
                        {t('legal.restitution.owed')}: {rupiah(i.owed, lang)}
                        {i.overdueRestitutions ? ` · ${t('legal.list.overdue')}` : ''}
                      </Text>
                    ) : null}
                  </Card>
                ))}
              </Stack>
            ) : (
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cases.caseNumber')}</Table.Th>
                    <Table.Th>{t('legal.list.stage')}</Table.Th>
                    <Table.Th>{t('legal.list.since')}</Table.Th>
                    <Table.Th>{t('legal.suspectsTitle')}</Table.Th>
                    <Table.Th>{t('legal.restitution.owed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((i) => (
                    <Table.Tr key={i.caseId}>
                      <Table.Td>
                        <Link to={link(i)}>{i.caseNumber}</Link>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light">{legalLabel(lang, 'stages', i.stage)}</Badge>
                      </Table.Td>
                      <Table.Td>
                        {formatDay(i.stageOn, lang)} ({inStage(i)})
                      </Table.Td>
                      <Table.Td>{i.suspects}</Table.Td>
                      <Table.Td>
                        {rupiah(i.owed, lang)}
                        {i.overdueRestitutions ? (
                          <Badge ml="xs" color="red">
                            {t('legal.list.overdue')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
