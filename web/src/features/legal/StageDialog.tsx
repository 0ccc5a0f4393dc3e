import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { LegalStage, LegalTrack } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { useZonedToday } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { useRecordStage } from './legal.api';
import { fieldError, formError, legalLabel } from './legal-form';

const VERDICTS = ['putusan', 'banding', 'kasasi'];

/** Records the track's next stage with what that stage needs (document, charges, verdict, office). */
export function StageDialog({ track, onClose }: { track: LegalTrack; onClose: () => void }) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useRecordStage(track.caseId);
  const agencies = useAgencyOptions({ activeOnly: true });
  const [stage, setStage] = useState<string | null>(track.abilities.nextStages[0] ?? null);
  const [on, setOn] = useState(today);
  const [documentNumber, setDocumentNumber] = useState('');
  const [reason, setReason] = useState('');
  const [charges, setCharges] = useState<string[]>([]);
  const [agency, setAgency] = useState<string | null>(null);
  const [court, setCourt] = useState('');
  const [outcome, setOutcome] = useState<string | null>('guilty');
  const [prisonMonths, setPrisonMonths] = useState<number | string>(0);
  const [fine, setFine] = useState<number | string>(0);
  const [subsidiary, setSubsidiary] = useState<number | string>(0);
  const [servedOn, setServedOn] = useState('');
  const err = (f: string) => fieldError(save.error, f);
  const verdict = !!stage && VERDICTS.includes(stage);

  const submit = () =>
    save.mutate(
      {
        version: track.version,
        stage: stage as LegalStage,
        on,
        documentNumber: documentNumber || null,
        reason: stage === 'sp3' ? reason : null,
        charges: stage === 'penuntutan' ? charges : null,
        prosecutionAgencyId: stage === 'tahap_ii' ? agency : null,
        verdict: verdict
          ? {
              court,
              outcome: outcome as 'guilty',
              prisonMonths: Number(prisonMonths) || 0,
              fineRupiah: Number(fine) || 0,
              subsidiaryMonths: Number(subsidiary) || 0,
              servedOn: servedOn || null,
            }
          : null,
      },
      { onSuccess: onClose },
    );

  const general = formError(save.error, [
    'stage',
    'on',
    'documentNumber',
    'reason',
    'charges',
    'prosecutionAgencyId',
    'verdict',
  ]);
  return (
    <Modal opened onClose={onClose} title={t('legal.stage.title')} size="lg">
      <Stack gap="sm">
        {general ? <Alert color="red">{general}</Alert> : null}
        <Select
          label={t('legal.stage.stage')}
          required
          data={track.abilities.nextStages.map((s) => ({ value: s, label: legalLabel(lang, 'stages', s) }))}
          value={stage}
          onChange={setStage}
          error={err('stage')}
          allowDeselect={false}
        />
        <DateField
          label={t('legal.stage.on')}
          required
          value={on}
          onChange={(value) => setOn(value)}
          error={err('on')}
        />
        <TextInput
          label={t('legal.stage.documentNumber')}
          required={stage !== 'penyelidikan'}
          value={documentNumber}
          onChange={(e) => setDocumentNumber(e.currentTarget.value)}
          error={err('documentNumber')}
        />
        {stage === 'sp3' ? (
          <Textarea
            label={t('legal.stage.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={err('reason')}
          />
        ) : null}
        {stage === 'penuntutan' ? (
          <TagsInput
            label={t('legal.stage.charges')}
            description={t('legal.stage.chargesHelp')}
            required
            value={charges}
            onChange={setCharges}
            error={err('charges')}
          />
        ) : null}
        {stage === 'tahap_ii' ? (
          <Select
            label={t('legal.stage.prosecutionAgency')}
            required
            data={(agencies.data ?? [])
              .filter((a) => a.sector === 'prosecution')
              .map((a) => ({ value: a.id, label: a.shortName }))}
            value={agency}
            onChange={setAgency}
            error={err('prosecutionAgencyId')}
          />
        ) : null}
        {verdict ? (
          <>
            <TextInput
              label={t('legal.verdict.court')}
              required
              value={court}
              onChange={(e) => setCourt(e.currentTarget.value)}
              error={err('verdict.court')}
            />
            <Select
              label={t('legal.verdict.outcome')}
              required
              data={[
                { value: 'guilty', label: legalLabel(lang, 'outcomes', 'guilty') },
                { value: 'acquitted', label: legalLabel(lang, 'outcomes', 'acquitted') },
              ]}
              value={outcome}
              onChange={setOutcome}
              allowDeselect={false}
              error={err('verdict')}
            />
            <Group grow wrap="wrap">
              <NumberInput
                label={t('legal.verdict.prisonMonths')}
                min={0}
                value={prisonMonths}
                onChange={setPrisonMonths}
              />
              <NumberInput
                label={t('legal.verdict.subsidiaryMonths')}
                min={0}
                value={subsidiary}
                onChange={setSubsidiary}
              />
            </Group>
            <NumberInput
              label={t('legal.verdict.fine')}
              min={0}
              thousandSeparator="."
              decimalSeparator=","
              prefix="Rp "
              value={fine}
              onChange={setFine}
            />
            <DateField
              label={t('legal.verdict.servedOn')}
              description={t('legal.verdict.servedOnHelp')}
              value={servedOn}
              onChange={(value) => setServedOn(value)}
              error={err('verdict.servedOn')}
            />
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!stage}>
            {t('legal.stage.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
