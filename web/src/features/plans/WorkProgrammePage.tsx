import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Select,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  draftEvaluation,
  formatNumber,
  formatRupiah,
  type WorkProgramme,
  type WorkProgrammeItemInput,
  type YearEvaluation,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { useSessionInfo } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { useZonedToday } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { useMembership } from '../taskforces/membership.api';
import {
  downloadEvaluationPdf,
  usePlans,
  usePlanTree,
  useSaveWorkProgramme,
  useSaveYearEvaluation,
  useWorkProgramme,
  useYearEvaluation,
} from './plan.api';

const STATUS_COLOR = { on_track: 'teal', at_risk: 'yellow', behind: 'red', no_report: 'gray' } as const;

function monthNames(lang: string) {
  const f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2026, i, 1))));
}

/** The annual work programme (program kerja tahunan) and the year-end evaluation of the task force. */
export function WorkProgrammePage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(['year', 'tab'] as const);
  const plans = usePlans();
  // The year where the task force is: on 31 December after 16.00 UTC it is already next year in WITA.
  const thisYear = Number(useZonedToday().slice(0, 4));
  const year = Number(filters.values.year) || thisYear;
  const plan = plans.data?.find((p) => p.startYear <= year && p.endYear >= year) ?? null;
  const years = new Set<number>([thisYear]);
  for (const p of plans.data ?? []) for (let y = p.startYear; y <= p.endYear; y++) years.add(y);
  return (
    <>
      <PageHeader title={t('workProgramme.title')} description={t('workProgramme.description')} />
      <Group mb="md" className="no-print">
        <Select
          label={t('plans.year')}
          data={[...years].sort().map(String)}
          value={String(year)}
          onChange={(v) => filters.setFilter('year', v ?? '')}
          allowDeselect={false}
          w={140}
        />
      </Group>
      <Tabs
        value={filters.values.tab || 'programme'}
        onChange={(v) => filters.setFilter('tab', v === 'programme' ? '' : (v ?? ''))}
        keepMounted={false}
      >
        <Tabs.List mb="md" className="no-print">
          <Tabs.Tab value="programme">{t('workProgramme.tabProgramme')}</Tabs.Tab>
          <Tabs.Tab value="evaluation">{t('workProgramme.tabEvaluation')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="programme">
          <ProgrammePanel year={year} planId={plan?.id ?? null} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluation">
          <EvaluationPanel year={year} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ProgrammePanel({ year, planId }: { year: number; planId: string | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const months = monthNames(lang);
  const data = useWorkProgramme(year);
  const [editing, setEditing] = useState(false);
  if (data.isPending) return <Skeleton height={200} />;
  if (!data.data) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const wp = data.data;
  if (editing && planId)
    return <ProgrammeEditor year={year} planId={planId} current={wp} onDone={() => setEditing(false)} />;
  return (
    <Stack gap="sm">
      {wp.can.manage ? (
        planId ? (
          <Group className="no-print">
            <Button onClick={() => setEditing(true)}>{t('workProgramme.edit')}</Button>
          </Group>
        ) : (
          <Alert color="yellow">{t('workProgramme.noPlan')}</Alert>
        )
      ) : null}
      {wp.items.length === 0 ? (
        <Text c="dimmed">{t('workProgramme.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workProgramme.activity')}</Table.Th>
                <Table.Th>{t('workProgramme.months')}</Table.Th>
                <Table.Th>{t('plans.responsible')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('workProgramme.budget')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {wp.items.map((i) => (
                <Table.Tr key={i.activityId}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {i.activityTitle}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {i.programmeTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {i.months.map((m) => (
                        <Badge key={m} variant="light" radius="sm">
                          {months[m - 1]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{i.responsibleAgency}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{formatRupiah(i.budget, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3}>{t('workProgramme.total')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{formatRupiah(wp.totalBudget, lang)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

type Row = {
  key: string;
  activityId: string;
  months: string[];
  responsibleAgencyId: string;
  budget: number | string;
};

function ProgrammeEditor({
  year,
  planId,
  current,
  onDone,
}: {
  year: number;
  planId: string;
  current: WorkProgramme;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const months = monthNames(lang).map((label, i) => ({ value: String(i + 1), label }));
  const session = useSessionInfo();
  const tree = usePlanTree(planId, year);
  const membership = useMembership(session.taskForce?.id ?? null);
  const save = useSaveWorkProgramme(year);
  const [rows, setRows] = useState<Row[]>(
    current.items.map((i) => ({
      key: i.activityId,
      activityId: i.activityId,
      months: i.months.map(String),
      responsibleAgencyId: i.responsibleAgencyId,
      budget: i.budget,
    })),
  );
  const activities = (tree.data?.programmes ?? []).flatMap((p) =>
    p.activities.map((a) => ({ value: a.id, label: a.title, group: p.title, agency: a.responsibleAgencyId })),
  );
  const grouped = (tree.data?.programmes ?? []).map((p) => ({
    group: p.title,
    items: p.activities.map((a) => ({ value: a.id, label: a.title })),
  }));
  const agencies = (membership.data?.members ?? []).map((m) => ({
    value: m.agencyId,
    label: m.agencyShortName,
  }));
  const fields = isApiError(save.error) ? save.error.fields : {};
  const update = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = () =>
    save.mutate(
      {
        version: current.version,
        planId,
        items: rows.map(
          (r): WorkProgrammeItemInput => ({
            activityId: r.activityId,
            months: r.months.map(Number),
            responsibleAgencyId: r.responsibleAgencyId,
            budget: r.budget === '' ? 0 : Number(r.budget),
          }),
        ),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('workProgramme.saved') });
          onDone();
        },
      },
    );
  if (tree.isPending) return <Skeleton height={200} />;
  return (
    <Stack gap="sm">
      {save.isError && !Object.keys(fields).length ? <ErrorAlert error={save.error} /> : null}
      {rows.map((r, i) => (
        <Card key={r.key} withBorder padding="sm" data-testid="programme-row">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('workProgramme.activity')}
              data={grouped}
              value={r.activityId || null}
              onChange={(v) =>
                update(i, {
                  activityId: v ?? '',
                  responsibleAgencyId:
                    r.responsibleAgencyId || activities.find((a) => a.value === v)?.agency || '',
                })
              }
              error={fields[`items.${i}.activityId`]}
              searchable
              style={{ flex: '3 1 16rem' }}
            />
            <MultiSelect
              label={t('workProgramme.months')}
              data={months}
              value={r.months}
              onChange={(v) => update(i, { months: v })}
              error={fields[`items.${i}.months`] ?? fields[`items.${i}.months.0`]}
              style={{ flex: '2 1 12rem' }}
            />
            <Select
              label={t('plans.responsible')}
              data={agencies}
              value={r.responsibleAgencyId || null}
              onChange={(v) => update(i, { responsibleAgencyId: v ?? '' })}
              error={fields[`items.${i}.responsibleAgencyId`]}
              searchable
              style={{ flex: '1 1 10rem' }}
            />
            <NumberInput
              label={t('workProgramme.budget')}
              min={0}
              thousandSeparator="."
              decimalSeparator=","
              value={r.budget}
              onChange={(v) => update(i, { budget: v })}
              error={fields[`items.${i}.budget`]}
              style={{ flex: '1 1 9rem' }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('workProgramme.remove')}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        </Card>
      ))}
      {fields.planId ? <Alert color="red">{fields.planId}</Alert> : null}
      <Group justify="space-between" wrap="wrap">
        <Button
          variant="default"
          onClick={() =>
            setRows([
              ...rows,
              { key: crypto.randomUUID(), activityId: '', months: [], responsibleAgencyId: '', budget: 0 },
            ])
          }
        >
          {t('workProgramme.add')}
        </Button>
        <Group>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

const SUMMARY_FIELDS = ['achievements', 'obstacles', 'interventions', 'recommendations'] as const;

function EvaluationPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const data = useYearEvaluation(year);
  if (data.isPending) return <Skeleton height={200} />;
  if (!data.data) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  return (
    <Evaluation
      key={`${year}-${data.data.version}`}
      evaluation={data.data}
      title={t('workProgramme.evaluationTitle', { year })}
    />
  );
}

function Evaluation({ evaluation, title }: { evaluation: YearEvaluation; title: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useSaveYearEvaluation(evaluation.year);
  const [text, setText] = useState(() => ({
    achievements: evaluation.achievements,
    obstacles: evaluation.obstacles,
    interventions: evaluation.interventions,
    recommendations: evaluation.recommendations,
  }));
  const fields = isApiError(save.error) ? save.error.fields : {};
  const [pdfError, setPdfError] = useState<unknown>(null);
  const fillDraft = () => {
    const draft = draftEvaluation(evaluation.activities, {
      target: t('workProgramme.of'),
      noReport: t('plans.statuses.no_report'),
    });
    setText({
      achievements: text.achievements || draft.achievements,
      obstacles: text.obstacles || draft.obstacles,
      interventions: text.interventions || draft.interventions,
      recommendations: text.recommendations,
    });
  };
  return (
    <Stack gap="md">
      <Title order={2} fz="h4">
        {title}
      </Title>
      <Card withBorder padding="md" component="section" aria-label={t('workProgramme.summary')}>
        <Stack gap="sm">
          {evaluation.can.manage ? (
            <Group justify="space-between" className="no-print" wrap="wrap">
              <Text size="sm" c="dimmed">
                {t('workProgramme.summaryHelp')}
              </Text>
              <Button variant="default" size="xs" onClick={fillDraft}>
                {t('workProgramme.draft')}
              </Button>
            </Group>
          ) : null}
          {SUMMARY_FIELDS.map((f) =>
            evaluation.can.manage ? (
              <Textarea
                key={f}
                label={t(`workProgramme.fields.${f}`)}
                autosize
                minRows={3}
                value={text[f]}
                onChange={(e) => setText({ ...text, [f]: e.currentTarget.value })}
                error={fields[f]}
              />
            ) : (
              <div key={f}>
                <Text fw={600} size="sm">
                  {t(`workProgramme.fields.${f}`)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {text[f] || '–'}
                </Text>
              </div>
            ),
          )}
          {save.isError && !Object.keys(fields).length ? <ErrorAlert error={save.error} /> : null}
          {pdfError ? <ErrorAlert error={pdfError} /> : null}
          <Group justify="flex-end" className="no-print">
            <Button variant="default" onClick={() => window.print()}>
              {t('workProgramme.print')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setPdfError(null);
                downloadEvaluationPdf(evaluation.year).catch(setPdfError);
              }}
            >
              {t('workProgramme.pdf')}
            </Button>
            {evaluation.can.manage ? (
              <Button
                loading={save.isPending}
                onClick={() =>
                  save.mutate(
                    { version: evaluation.version, ...text },
                    {
                      onSuccess: () =>
                        notifications.show({ color: 'teal', message: t('workProgramme.saved') }),
                    },
                  )
                }
              >
                {t('common.save')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Card>
      <Title order={3} fz="h5">
        {t('workProgramme.fromReports')}
      </Title>
      {evaluation.activities.length === 0 ? <Text c="dimmed">{t('workProgramme.noActivities')}</Text> : null}
      {evaluation.activities.map((a) => (
        <Card key={a.activityId} withBorder padding="sm" data-testid="evaluation-activity">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600}>{a.title}</Text>
            <StatusBadge label={t(`plans.statuses.${a.status}`)} color={STATUS_COLOR[a.status]} />
          </Group>
          <Text size="sm" c="dimmed">
            {a.agency} ·{' '}
            {t('plans.realisedOfTarget', {
              realised: formatNumber(a.realised ?? 0, lang),
              target: formatNumber(a.target, lang),
              unit: a.unit,
            })}
          </Text>
          {(['achievements', 'obstacles'] as const).map((k) =>
            a[k].length ? (
              <div key={k}>
                <Text size="sm" fw={600} mt={4}>
                  {t(`workProgramme.fields.${k}`)}
                </Text>
                <List size="sm">
                  {a[k].map((x) => (
                    <List.Item key={x}>{x}</List.Item>
                  ))}
                </List>
              </div>
            ) : null,
          )}
          {a.interventions.length ? (
            <>
              <Text size="sm" fw={600} mt={4}>
                {t('workProgramme.fields.interventions')}
              </Text>
              <List size="sm">
                {a.interventions.map((x) => (
                  <List.Item key={x.text}>
                    {x.text}
                    {x.agency ? ` (${x.agency})` : ''}
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}
