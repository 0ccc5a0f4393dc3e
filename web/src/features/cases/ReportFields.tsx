import { Alert, Group, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  firstResponseDue,
  formatDateTime,
  formatNumber,
  RISK_LEVELS,
  type RiskLevel,
  zoneLabel,
} from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useSessionInfo, useTimeZone } from '../../app/session';
import { DateField, DateTimeField } from '../../app/ui/DateField';
import { FormSection } from '../../app/ui/FormSection';
import { zonedInputToIso } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { RegionCascade } from '../reference/RegionCascade';
import { useTaskForceSettings } from '../taskforces/taskforce.api';
import type { ReportValues } from './case-form-values';
import { coreLabel, coreOptions, valueOptions } from './case-values';

interface ReportFieldsProps {
  value: ReportValues;
  onChange: (next: ReportValues) => void;
  errors: Record<string, string>;
  /** The task force whose first-response limits apply (the case's, or the user's for a new case). */
  taskForceId: string | null;
}

/** Which risk, and what it means: by when the first response is due under the task force's limits. */
function RiskChoice({
  value,
  onChange,
  error,
  taskForceId,
}: {
  value: ReportValues;
  onChange: (risk: string) => void;
  error?: string;
  taskForceId: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const settings = useTaskForceSettings(taskForceId);
  const limits = settings.data?.responseLimits;
  const limitText = (risk: RiskLevel) => {
    if (!limits) return undefined;
    if (risk === 'high') return t('cases.riskHelp.high', { hours: formatNumber(limits.highHours, lang) });
    if (risk === 'medium')
      return t('cases.riskHelp.medium', { hours: formatNumber(limits.mediumHours, lang) });
    return t('cases.riskHelp.low', { days: formatNumber(limits.lowWorkingDays, lang) });
  };
  const reportedAt = zonedInputToIso(value.reportedAt, zone);
  const due =
    limits && reportedAt && (RISK_LEVELS as readonly string[]).includes(value.risk)
      ? firstResponseDue(new Date(reportedAt), value.risk as RiskLevel, limits, zone)
      : null;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('cases.risk')}
        description={t('cases.riskDescription')}
        withAsterisk
        value={value.risk}
        onChange={onChange}
        error={error}
      >
        <Stack gap="xs" mt="xs">
          {RISK_LEVELS.map((risk) => (
            <Radio.Card key={risk} value={risk} p="sm" radius="md" withBorder>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <Text fw={600} size="sm">
                    {coreLabel(lang, 'risk', risk)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {limitText(risk)}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      {due ? (
        <Alert variant="light" color={value.risk === 'high' ? 'red' : 'blue'} role="status">
          {t('cases.firstResponseDueAt', { time: formatDateTime(due, lang, zone) })}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The report of a complaint: what, when, how it came in, how urgent, and where it happened. */
export function ReportFields({ value, onChange, errors, taskForceId }: ReportFieldsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const session = useSessionInfo();
  const set = <K extends keyof ReportValues>(key: K, next: ReportValues[K]) =>
    onChange({ ...value, [key]: next });
  const select = (key: keyof ReportValues, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      withAsterisk
      data={data}
      value={value[key] || null}
      onChange={(next) => set(key, next ?? '')}
      error={errors[key]}
      allowDeselect={false}
    />
  );

  return (
    <>
      <FormSection legend={t('cases.intake.sectionReport')}>
        {select('caseType', t('cases.caseType'), coreOptions(lang, 'caseType'))}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateTimeField
            label={t('cases.intake.reportedAt')}
            description={t('cases.intake.reportedAtHelp', { zone: zoneLabel(zone) })}
            withAsterisk
            value={value.reportedAt}
            onChange={(value) => set('reportedAt', value)}
            error={errors.reportedAt}
          />
          <DateField
            label={t('cases.intake.incidentDate')}
            description={t('cases.intake.incidentDateHelp')}
            value={value.incidentDate}
            onChange={(value) => set('incidentDate', value)}
            error={errors.incidentDate}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {select('channel', t('cases.channel'), valueOptions(lang, 'channels'))}
          {select('reportingParty', t('cases.reportingParty'), valueOptions(lang, 'reportingParties'))}
        </SimpleGrid>
      </FormSection>
      <FormSection legend={t('cases.intake.sectionRisk')}>
        <RiskChoice
          value={value}
          onChange={(risk) => set('risk', risk)}
          error={errors.risk}
          taskForceId={taskForceId}
        />
      </FormSection>
      <FormSection legend={t('cases.intake.sectionStory')}>
        <Textarea
          label={t('cases.narrative')}
          description={t('cases.intake.narrativeHelp')}
          autosize
          minRows={4}
          maxRows={16}
          maxLength={20_000}
          value={value.narrative}
          onChange={(event) => set('narrative', event.currentTarget.value)}
          error={errors.narrative}
        />
        <TextInput
          label={t('cases.placeOfOccurrence')}
          description={t('cases.intake.placeHelp')}
          maxLength={300}
          value={value.placeOfOccurrence}
          onChange={(event) => set('placeOfOccurrence', event.currentTarget.value)}
          error={errors.placeOfOccurrence}
        />
        <RegionCascade
          label={t('cases.occurrenceRegion')}
          value={value.occurrenceRegionCode}
          onChange={(code) => set('occurrenceRegionCode', code)}
          deepest="village"
          error={errors.occurrenceRegionCode}
        />
        <TextInput
          label={t('cases.simfoniId')}
          description={t('cases.intake.simfoniHelp')}
          maxLength={60}
          value={value.simfoniId}
          onChange={(event) => set('simfoniId', event.currentTarget.value)}
          error={errors.simfoniId}
        />
      </FormSection>
      {session.taskForce ? null : (
        <Alert color="orange" variant="light">
          {t('home.noTaskForce')}
        </Alert>
      )}
    </>
  );
}
