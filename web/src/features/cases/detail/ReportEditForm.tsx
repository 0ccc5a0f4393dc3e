import { Button, Group, Stack, Text } from '@mantine/core';
import { type CaseDetail, type CasePatch, formatDateTime } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { ErrorAlert } from '../../../app/ui/ErrorAlert';
import { withoutErrorsOf } from '../../../app/ui/form-validation';
import { VersionConflictDialog } from '../../../app/ui/VersionConflictDialog';
import { zonedInputToIso } from '../../../app/zoned-dates';
import { useLanguage } from '../../../i18n';
import { reportFromCase } from '../case-form-from-case';
import { type ReportValues, reportToPayload } from '../case-form-values';
import { coreLabel, valueLabel } from '../case-values';
import { ReportFields } from '../ReportFields';
import { useCasePatchForm } from './use-case-patch-form';

/** Changes the report of a case (type, times, channel, risk, story, place). */
export function ReportEditForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const when = (value: string) => {
    const iso = zonedInputToIso(value, zone);
    return iso ? formatDateTime(iso, lang, zone) : value;
  };
  const edit = useCasePatchForm<ReportValues>(detail, {
    toValues: (record) => reportFromCase(record, zone),
    toChanges: (values, base) => {
      const next = reportToPayload(values, zone);
      const before = reportToPayload(reportFromCase(base, zone), zone);
      const changes: Record<string, unknown> = {};
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        if (next[key] !== before[key]) changes[key] = next[key];
      }
      return changes as Omit<CasePatch, 'version'>;
    },
    conflictRows: (values, current) => {
      const theirs = reportFromCase(current, zone);
      return [
        {
          label: t('cases.caseType'),
          yours: coreLabel(lang, 'caseType', values.caseType),
          theirs: coreLabel(lang, 'caseType', theirs.caseType),
        },
        {
          label: t('cases.intake.reportedAt'),
          yours: when(values.reportedAt),
          theirs: when(theirs.reportedAt),
        },
        { label: t('cases.intake.incidentDate'), yours: values.incidentDate, theirs: theirs.incidentDate },
        {
          label: t('cases.channel'),
          yours: valueLabel(lang, 'channels', values.channel),
          theirs: valueLabel(lang, 'channels', theirs.channel),
        },
        {
          label: t('cases.reportingParty'),
          yours: valueLabel(lang, 'reportingParties', values.reportingParty),
          theirs: valueLabel(lang, 'reportingParties', theirs.reportingParty),
        },
        {
          label: t('cases.risk'),
          yours: coreLabel(lang, 'risk', values.risk),
          theirs: coreLabel(lang, 'risk', theirs.risk),
        },
        { label: t('cases.narrative'), yours: values.narrative, theirs: theirs.narrative },
        {
          label: t('cases.placeOfOccurrence'),
          yours: values.placeOfOccurrence,
          theirs: theirs.placeOfOccurrence,
        },
        {
          label: t('cases.occurrenceRegion'),
          yours: values.occurrenceRegionCode,
          theirs: theirs.occurrenceRegionCode,
        },
        { label: t('cases.simfoniId'), yours: values.simfoniId, theirs: theirs.simfoniId },
      ];
    },
    onSaved: onDone,
  });
  const values = edit.form.getValues();

  return (
    <>
      <form onSubmit={edit.submit} noValidate>
        <Stack gap="md" maw={820}>
          <Text size="sm" c="dimmed">
            {t('common.requiredNote')}
          </Text>
          <ReportFields
            value={values}
            onChange={(next) => {
              edit.form.setErrors(withoutErrorsOf(edit.form.errors, '', values, next));
              edit.form.setValues(next);
            }}
            errors={edit.form.errors as Record<string, string>}
            taskForceId={detail.taskForceId}
          />
          {edit.showError ? (
            <ErrorAlert error={edit.update.error} title={t('errors.saveFailed')} showFieldMessages />
          ) : null}
          <Group gap="sm">
            <Button type="submit" loading={edit.update.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      <VersionConflictDialog {...edit.conflictDialog} />
    </>
  );
}
