import { Group, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import {
  FOLLOW_UP_SITUATIONS,
  type FollowUpRecord,
  followUpRecordSchema,
  REINTEGRATION_SUPPORT,
  type ReintegrationPlanCreate,
  reintegrationPlanCreateSchema,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { useZonedToday } from '../../app/zoned-dates';
import { Dialog, type Person, useAgencySelect, useSaveForm } from './dialog-form';
import { useAddPlan, useRecordVisit } from './reintegration.api';

export function PlanDialog({
  caseId,
  persons,
  onClose,
}: {
  caseId: string;
  persons: Person[];
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const save = useAddPlan(caseId);
  const agencies = useAgencySelect();
  const [v, setV] = useState({
    personId: persons[0]?.personId ?? '',
    supportType: 'economic',
    providerAgencyId: '',
    items: '',
    startDate: today,
    amount: '' as number | string,
  });
  const { errors, submit } = useSaveForm<ReintegrationPlanCreate>(
    reintegrationPlanCreateSchema,
    save,
    onClose,
  );
  const send = () =>
    submit({
      personId: v.personId,
      supportType: v.supportType as ReintegrationPlanCreate['supportType'],
      providerAgencyId: v.providerAgencyId,
      items: v.items.trim() || null,
      startDate: v.startDate,
      amount: v.amount === '' ? null : Number(v.amount),
    });
  return (
    <Dialog
      title={t('reintegration.addPlan')}
      onClose={onClose}
      onSave={send}
      saving={save.isPending}
      error={save.error}
    >
      <Select
        label={t('services.service.person')}
        required
        data={persons.map((p) => ({ value: p.personId, label: p.label }))}
        value={v.personId || null}
        onChange={(x) => setV({ ...v, personId: x ?? '' })}
        error={errors.personId}
      />
      <Select
        label={t('reintegration.supportType')}
        required
        allowDeselect={false}
        data={REINTEGRATION_SUPPORT.map((s) => ({ value: s, label: t(`reintegration.supports.${s}`) }))}
        value={v.supportType}
        onChange={(x) => setV({ ...v, supportType: x ?? v.supportType })}
      />
      <Select
        label={t('reintegration.provider')}
        required
        searchable
        data={agencies}
        value={v.providerAgencyId || null}
        onChange={(x) => setV({ ...v, providerAgencyId: x ?? '' })}
        error={errors.providerAgencyId}
      />
      <TextInput
        label={t('reintegration.items')}
        value={v.items}
        onChange={(e) => setV({ ...v, items: e.currentTarget.value })}
      />
      <Group grow wrap="wrap">
        <NumberInput
          label={t('reintegration.amount')}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
          value={v.amount}
          onChange={(x) => setV({ ...v, amount: x })}
        />
        <DateField
          label={t('reintegration.start')}
          required
          value={v.startDate}
          onChange={(value) => setV({ ...v, startDate: value })}
          error={errors.startDate}
        />
      </Group>
    </Dialog>
  );
}

export function VisitDialog({
  visit,
  onClose,
}: {
  visit: { id: string; version: number };
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const save = useRecordVisit(visit.id);
  const [v, setV] = useState({ visitedOn: today, situation: 'working', findings: '', nextStep: '' });
  const { errors, submit } = useSaveForm<FollowUpRecord>(followUpRecordSchema, save, onClose);
  const send = () =>
    submit({
      version: visit.version,
      visitedOn: v.visitedOn,
      situation: v.situation as FollowUpRecord['situation'],
      findings: v.findings.trim(),
      nextStep: v.nextStep.trim() || null,
    });
  return (
    <Dialog
      title={t('reintegration.visitTitle')}
      onClose={onClose}
      onSave={send}
      saving={save.isPending}
      error={save.error}
    >
      <DateField
        label={t('reintegration.visitedOn')}
        required
        value={v.visitedOn}
        onChange={(value) => setV({ ...v, visitedOn: value })}
        error={errors.visitedOn}
      />
      <Select
        label={t('reintegration.situation')}
        required
        allowDeselect={false}
        data={FOLLOW_UP_SITUATIONS.map((s) => ({ value: s, label: t(`reintegration.situations.${s}`) }))}
        value={v.situation}
        onChange={(x) => setV({ ...v, situation: x ?? v.situation })}
      />
      <Textarea
        label={t('reintegration.findings')}
        required
        autosize
        minRows={3}
        value={v.findings}
        onChange={(e) => setV({ ...v, findings: e.currentTarget.value })}
        error={errors.findings}
      />
      <Textarea
        label={t('reintegration.nextStep')}
        autosize
        minRows={2}
        value={v.nextStep}
        onChange={(e) => setV({ ...v, nextStep: e.currentTarget.value })}
      />
    </Dialog>
  );
}
