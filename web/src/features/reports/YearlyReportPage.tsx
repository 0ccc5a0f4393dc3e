import {
  Alert,
  Button,
  Card,
  Group,
  Progress,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  formatDateTime,
  formatNumber,
  type ReportFormat,
  type ReportJob,
  yearlyReportInfoSchema,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useZonedToday } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import {
  downloadReport,
  useReportJob,
  useSaveRecommendations,
  useStartReport,
  useYearlyReport,
} from './reports.api';

/**
 * The yearly report (Laporan Tahunan Gugus Tugas PP TPPO): the secretariat writes the
 * recommendations, generates the report and downloads it as DOCX (to finish) and PDF.
 */
export function YearlyReportPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(['year'] as const);
  // The year where the task force is: on 31 December after 16.00 UTC it is already next year in WITA.
  const thisYear = Number(useZonedToday().slice(0, 4));
  // The report of a year is usually written early the next year.
  const year = Number(filters.values.year) || thisYear - 1;
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  const info = useYearlyReport(year);
  return (
    <>
      <PageHeader title={t('reports.title')} description={t('reports.description')} />
      <Group mb="md">
        <Select
          label={t('reports.year')}
          data={years}
          value={String(year)}
          onChange={(v) => filters.setFilter('year', v ?? '')}
          allowDeselect={false}
          w={140}
        />
      </Group>
      {info.isPending ? (
        <Skeleton height={240} />
      ) : info.isError ? (
        <ErrorAlert error={info.error} />
      ) : (
        <Stack gap="lg" key={year}>
          <GenerateCard year={year} latest={info.data.latestJob} />
          <RecommendationsCard
            key={info.data.version}
            year={year}
            text={info.data.recommendations}
            version={info.data.version}
            editable={info.data.can.editRecommendations}
          />
        </Stack>
      )}
    </>
  );
}

function GenerateCard({ year, latest }: { year: number; latest: ReportJob | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const start = useStartReport(year);
  // The job as last known: the latest one at first, then the one just started until its progress arrives.
  const [known, setKnown] = useState<ReportJob | null>(latest);
  const job = useReportJob(year, known?.id ?? null);
  const current = job.data?.id === known?.id ? job.data : known;
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const busy = start.isPending || current?.status === 'queued' || current?.status === 'running';
  const download = (format: ReportFormat) => {
    if (!current) return;
    setDownloadError(null);
    downloadReport(year, current.id, format).catch(setDownloadError);
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="report-generate">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="report-generate">
          {t('reports.generateTitle', { year })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.generateHelp')}
        </Text>
        <Group>
          <Button
            loading={start.isPending}
            disabled={busy}
            onClick={() =>
              start.mutate(undefined, {
                onSuccess: (created) => {
                  setDownloadError(null);
                  setKnown(created);
                },
              })
            }
          >
            {current ? t('reports.regenerate') : t('reports.generate')}
          </Button>
        </Group>
        {start.isError ? <ErrorAlert error={start.error} /> : null}
        {job.isError ? <ErrorAlert error={job.error} /> : null}
        {current && (current.status === 'queued' || current.status === 'running') ? (
          <Stack gap={4} data-testid="report-progress">
            <Progress value={current.percent} animated aria-label={t('reports.progressLabel')} size="lg" />
            <Text size="sm" aria-live="polite">
              {t('reports.progress', {
                percent: formatNumber(current.percent, lang, 0),
                step: t(`reports.steps.${current.step}`),
              })}
            </Text>
          </Stack>
        ) : null}
        {current?.status === 'failed' ? (
          <Alert color="red" title={t('reports.failedTitle')}>
            {t('reports.failed')}
          </Alert>
        ) : null}
        {current?.status === 'done' ? (
          <Stack gap="xs" data-testid="report-ready">
            <Text size="sm">
              {t('reports.ready', {
                date: formatDateTime(current.finishedAt ?? current.createdAt, lang, zone),
                expires: formatDateTime(current.expiresAt, lang, zone),
              })}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={() => download('docx')}>
                {t('reports.downloadDocx')}
              </Button>
              <Button variant="default" onClick={() => download('pdf')}>
                {t('reports.downloadPdf')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {downloadError ? <ErrorAlert error={downloadError} /> : null}
        <Text size="xs" c="dimmed">
          {t('reports.protection')}
        </Text>
      </Stack>
    </Card>
  );
}

function RecommendationsCard({
  year,
  text,
  version,
  editable,
}: {
  year: number;
  text: string;
  version: number;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveRecommendations(year);
  const [value, setValue] = useState(text);
  const [base, setBase] = useState(version);
  const [theirs, setTheirs] = useState<string | null>(null);
  const fieldError = isApiError(save.error) ? save.error.fields.recommendations : undefined;
  const submit = (v: number) =>
    save.mutate(
      { version: v, recommendations: value },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('reports.saved') }),
        onError: (error) => {
          if (!isApiError(error) || error.code !== 'version_conflict') return;
          const current = yearlyReportInfoSchema.safeParse(error.current);
          if (current.success) {
            setBase(current.data.version);
            setTheirs(current.data.recommendations);
          }
        },
      },
    );
  const otherError =
    save.isError && !fieldError && !(isApiError(save.error) && save.error.code === 'version_conflict');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="report-recommendations">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="report-recommendations">
          {t('reports.recommendations')}
        </Title>
        {editable ? (
          <>
            <Text size="sm" c="dimmed">
              {t('reports.recommendationsHelp')}
            </Text>
            <Textarea
              label={t('reports.recommendationsLabel')}
              autosize
              minRows={5}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={fieldError}
            />
            {otherError ? <ErrorAlert error={save.error} title={t('errors.saveFailed')} /> : null}
            <Group>
              <Button
                loading={save.isPending}
                disabled={value === text && base === version}
                onClick={() => submit(base)}
              >
                {t('reports.saveRecommendations')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {text || t('reports.noRecommendations')}
          </Text>
        )}
      </Stack>
      <VersionConflictDialog
        opened={theirs !== null}
        rows={[{ label: t('reports.recommendationsLabel'), yours: value, theirs: theirs ?? '' }]}
        onReload={() => {
          setValue(theirs ?? '');
          setTheirs(null);
          save.reset();
        }}
        onKeepMine={() => {
          setTheirs(null);
          save.reset();
        }}
      />
    </Card>
  );
}
