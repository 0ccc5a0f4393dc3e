import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import type { LegalTrack } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { useZonedToday } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { useRecordReport } from './legal.api';
import { fieldError, formError, legalOptions } from './legal-form';

/** Records a police report (LP); the first one opens the track. */
export function ReportDialog({
  track,
  victims,
  onClose,
}: {
  track: LegalTrack;
  victims: { value: string; label: string }[];
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useRecordReport(track.caseId);
  const [number, setNumber] = useState('');
  const [reportDate, setReportDate] = useState(today);
  const [unit, setUnit] = useState<string | null>('polres');
  const [type, setType] = useState<string | null>('B');
  const [victimIds, setVictimIds] = useState<string[]>([]);
  const err = (f: string) => fieldError(save.error, f);
  const general = formError(save.error, ['number', 'reportDate', 'unit', 'type', 'victimIds']);
  return (
    <Modal opened onClose={onClose} title={t('legal.report.title')}>
      <Stack gap="sm">
        {general ? <Alert color="red">{general}</Alert> : null}
        <TextInput
          label={t('legal.report.number')}
          placeholder="LP/B/12/I/2026/SPKT"
          required
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={err('number')}
        />
        <DateField
          label={t('legal.report.date')}
          required
          value={reportDate}
          onChange={(value) => setReportDate(value)}
          error={err('reportDate')}
        />
        <Select
          label={t('legal.report.unit')}
          required
          data={legalOptions(lang, 'units')}
          value={unit}
          onChange={setUnit}
          allowDeselect={false}
          error={err('unit')}
        />
        <Select
          label={t('legal.report.type')}
          required
          data={legalOptions(lang, 'reportTypes')}
          value={type}
          onChange={setType}
          allowDeselect={false}
          error={err('type')}
        />
        {victims.length ? (
          <MultiSelect
            label={t('legal.report.victims')}
            data={victims}
            value={victimIds}
            onChange={setVictimIds}
            error={err('victimIds')}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { number, reportDate, unit: unit as 'polres', type: type as 'B', victimIds },
                { onSuccess: onClose },
              )
            }
          >
            {t('legal.report.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
