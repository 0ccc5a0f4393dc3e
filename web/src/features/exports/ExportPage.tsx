import {
  Alert,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { fieldMessage, K_DEFAULT, K_MIN } from '@sinergi/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { usePermission } from '../../app/session';
import { DateField } from '../../app/ui/DateField';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';
import { useZonedToday } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { type DataSet, downloadExport, type ExportChoice, useCtdcSummary } from './export.api';

const TABLES = ['cases', 'persons', 'perpetrators', 'events'] as const;

/** Last calendar year, counted from today where the task force is. */
function lastYear(today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4)) - 1;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** Downloads of the task force's data: the k-anonymous CTDC data set, HTCDS records, SIMFONI tables. */
export function ExportPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const phone = usePhoneLayout();
  const today = useZonedToday();
  const can = {
    ctdc: usePermission('export.ctdc'),
    htcds: usePermission('export.htcds'),
    simfoni: usePermission('export.simfoni'),
  };
  const identities = usePermission('person.identity.read');
  const allowed = (['ctdc', 'htcds', 'simfoni'] as const).filter((d) => can[d]);
  const [choice, setChoice] = useState<ExportChoice>({
    dataSet: allowed[0] ?? 'ctdc',
    ...lastYear(today),
    format: 'csv',
    k: K_DEFAULT,
    table: 'cases',
  });
  const set = (patch: Partial<ExportChoice>) => {
    download.reset();
    setChoice((c) => ({ ...c, ...patch }));
  };
  const rangeInvalid = !!choice.from && !!choice.to && choice.to < choice.from;
  const kInvalid = !Number.isInteger(choice.k) || choice.k < K_MIN;
  const periodReady = !!choice.from && !!choice.to && !rangeInvalid;
  const summary = useCtdcSummary(
    choice.from,
    choice.to,
    choice.k,
    choice.dataSet === 'ctdc' && periodReady && !kInvalid,
  );
  const download = useMutation({
    mutationFn: () => downloadExport(choice),
    onSuccess: () => notifications.show({ color: 'teal', message: t('exports.downloaded') }),
  });
  const serverField = (name: string) =>
    isApiError(download.error) ? download.error.fields[name] : undefined;
  const format = choice.dataSet === 'simfoni' ? 'xlsx' : choice.format;

  return (
    <>
      <PageHeader title={t('exports.title')} description={t('exports.description')} />
      <Stack gap="lg" maw={860}>
        <Radio.Group
          label={t('exports.dataSet')}
          value={choice.dataSet}
          onChange={(v) => set({ dataSet: v as DataSet })}
        >
          <Stack gap="sm" mt="xs">
            {allowed.map((d) => (
              <Radio
                key={d}
                value={d}
                label={t(`exports.sets.${d}.label`)}
                description={t(`exports.sets.${d}.help`)}
              />
            ))}
          </Stack>
        </Radio.Group>

        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('exports.from')}
            required
            value={choice.from}
            onChange={(value) => set({ from: value })}
            error={serverField('from')}
          />
          <DateField
            label={t('exports.to')}
            required
            value={choice.to}
            min={choice.from || undefined}
            onChange={(value) => set({ to: value })}
            error={rangeInvalid ? fieldMessage('date_range', lang) : serverField('to')}
          />
        </SimpleGrid>

        {choice.dataSet !== 'simfoni' ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="export-format-label">
              {t('exports.format')}
            </Text>
            <SegmentedControl
              aria-labelledby="export-format-label"
              value={format}
              onChange={(v) => set({ format: v as 'csv' | 'xlsx' })}
              data={[
                { value: 'csv', label: 'CSV' },
                { value: 'xlsx', label: 'XLSX' },
              ]}
              fullWidth={phone}
              maw={phone ? undefined : 240}
            />
          </Stack>
        ) : (
          <Text size="sm">{t('exports.simfoniFormat')}</Text>
        )}

        {choice.dataSet === 'htcds' ? (
          <>
            {format === 'csv' ? (
              <Select
                label={t('exports.table')}
                description={t('exports.tableHelp')}
                data={TABLES.map((v) => ({ value: v, label: t(`exports.tables.${v}`) }))}
                value={choice.table}
                onChange={(v) => set({ table: (v ?? 'cases') as ExportChoice['table'] })}
                allowDeselect={false}
              />
            ) : null}
            <Alert variant="light" color={identities ? 'yellow' : 'blue'} title={t('exports.identityTitle')}>
              {identities ? t('exports.identityIncluded') : t('exports.identityLeftOut')}
            </Alert>
          </>
        ) : null}

        {choice.dataSet === 'ctdc' ? (
          <Card withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('exports.kTitle')}
              </Title>
              <Text size="sm">{t('exports.kExplain', { k: choice.k, min: K_MIN })}</Text>
              <NumberInput
                label={t('exports.k')}
                description={t('exports.kHelp', { min: K_MIN, def: K_DEFAULT })}
                min={K_MIN}
                max={100}
                value={choice.k}
                onChange={(v) => set({ k: typeof v === 'number' ? v : Number(v) || 0 })}
                error={kInvalid ? fieldMessage('k_too_low', lang) : serverField('k')}
                maw={220}
              />
              {summary.data && !kInvalid && periodReady ? (
                <List size="sm" spacing={2} aria-live="polite" data-testid="ctdc-summary">
                  <List.Item>{t('exports.summary.input', { count: summary.data.inputRows })}</List.Item>
                  <List.Item>{t('exports.summary.released', { count: summary.data.releasedRows })}</List.Item>
                  <List.Item>
                    {t('exports.summary.suppressed', { count: summary.data.suppressedRows })}
                  </List.Item>
                  <List.Item>
                    {t('exports.summary.generalisations')}:{' '}
                    {summary.data.generalisations.length
                      ? summary.data.generalisations
                          .map((g) =>
                            t(
                              `exports.generalisations.${g.replace(':', '_')}` as 'exports.generalisations.none',
                            ),
                          )
                          .join('; ')
                      : t('exports.generalisations.none')}
                  </List.Item>
                </List>
              ) : null}
              {summary.data && summary.data.inputRows > 0 && summary.data.releasedRows === 0 ? (
                <Alert variant="light" color="yellow">
                  {t('exports.nothingReleased')}
                </Alert>
              ) : null}
              {summary.isError ? <ErrorAlert error={summary.error} /> : null}
            </Stack>
          </Card>
        ) : null}

        {download.isError ? <ErrorAlert error={download.error} title={t('exports.failed')} /> : null}
        <Group>
          <Button
            onClick={() => download.mutate()}
            loading={download.isPending}
            disabled={!periodReady || (choice.dataSet === 'ctdc' && kInvalid) || allowed.length === 0}
            fullWidth={phone}
          >
            {t('exports.download')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
