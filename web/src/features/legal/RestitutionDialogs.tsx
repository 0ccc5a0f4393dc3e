import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack } from '@mantine/core';
import type { RestitutionView } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { useZonedToday } from '../../app/zoned-dates';
import { useCreateRestitution, useRecordPayment, useUpdateRestitution } from './legal.api';
import { fieldError, formError } from './legal-form';

const money = { min: 0, thousandSeparator: '.', decimalSeparator: ',', prefix: 'Rp ' } as const;
const COMPONENTS = ['lostIncomeOrProperty', 'suffering', 'medicalPsychological', 'otherLosses'] as const;

function Actions({
  onClose,
  onSave,
  loading,
}: {
  onClose: () => void;
  onSave: () => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button loading={loading} onClick={onSave}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

/** Opens a victim's claim with the components the regulation lists. */
export function RestitutionRequestDialog({
  caseId,
  victims,
  onClose,
}: {
  caseId: string;
  victims: { value: string; label: string }[];
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const save = useCreateRestitution(caseId);
  const [victimId, setVictimId] = useState<string | null>(victims[0]?.value ?? null);
  const [requestedOn, setRequestedOn] = useState(today);
  const [amounts, setAmounts] = useState<Record<string, number | string>>({});
  const general = formError(save.error, ['victimId', 'requestedOn']);
  return (
    <Modal opened onClose={onClose} title={t('legal.restitution.requestTitle')}>
      <Stack gap="sm">
        {general ? <Alert color="red">{general}</Alert> : null}
        <Select
          label={t('legal.restitution.victim')}
          required
          data={victims}
          value={victimId}
          onChange={setVictimId}
          error={fieldError(save.error, 'victimId')}
        />
        <DateField
          label={t('legal.restitution.requestedOn')}
          required
          value={requestedOn}
          onChange={(value) => setRequestedOn(value)}
          error={fieldError(save.error, 'requestedOn')}
        />
        {COMPONENTS.map((c) => (
          <NumberInput
            key={c}
            {...money}
            label={t(`legal.restitution.components.${c}`)}
            value={amounts[c] ?? 0}
            onChange={(v) => setAmounts((a) => ({ ...a, [c]: v }))}
            error={fieldError(save.error, `components.${c}`)}
          />
        ))}
        <Actions
          onClose={onClose}
          loading={save.isPending}
          onSave={() =>
            save.mutate(
              {
                victimId: victimId ?? '',
                requestedOn,
                components: Object.fromEntries(COMPONENTS.map((c) => [c, Number(amounts[c]) || 0])),
              },
              { onSuccess: onClose },
            )
          }
        />
      </Stack>
    </Modal>
  );
}

/** LPSK's calculation, the amount in the indictment, the grant and when it was served, detention in its place. */
export function RestitutionUpdateDialog({
  caseId,
  r,
  onClose,
}: {
  caseId: string;
  r: RestitutionView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useUpdateRestitution(caseId);
  const [lpsk, setLpsk] = useState<number | string>(r.lpskAmount ?? '');
  const [lpskOn, setLpskOn] = useState(r.lpskOn ?? '');
  const [indictment, setIndictment] = useState<number | string>(r.indictmentAmount ?? '');
  const [granted, setGranted] = useState<number | string>(r.grantedAmount ?? '');
  const [servedOn, setServedOn] = useState(r.servedOn ?? '');
  const [detention, setDetention] = useState(r.replacedByDetention);
  const [months, setMonths] = useState<number | string>(r.detentionMonths ?? '');
  const [noticeOn, setNoticeOn] = useState(r.requirementsNoticeOn ?? '');
  const [completedOn, setCompletedOn] = useState(r.requirementsCompletedOn ?? '');
  const num = (v: number | string) => (v === '' ? null : Number(v));
  const err = (f: string) => fieldError(save.error, f);
  const general = formError(save.error, [
    'lpskAmount',
    'lpskOn',
    'indictmentAmount',
    'grantedAmount',
    'servedOn',
    'replacedByDetention',
    'requirementsNoticeOn',
    'requirementsCompletedOn',
  ]);
  return (
    <Modal opened onClose={onClose} title={t('legal.restitution.updateTitle')}>
      <Stack gap="sm">
        {general ? <Alert color="red">{general}</Alert> : null}
        <NumberInput
          {...money}
          label={t('legal.restitution.lpskAmount')}
          value={lpsk}
          onChange={setLpsk}
          error={err('lpskAmount')}
        />
        <DateField
          label={t('legal.restitution.lpskOn')}
          value={lpskOn}
          onChange={(value) => setLpskOn(value)}
          error={err('lpskOn')}
        />
        {r.childVictim ? (
          <>
            <DateField
              label={t('legal.restitution.requirementsNoticeOn')}
              description={t('legal.restitution.requirementsNoticeHelp')}
              value={noticeOn}
              onChange={(value) => setNoticeOn(value)}
              error={err('requirementsNoticeOn')}
            />
            <DateField
              label={t('legal.restitution.requirementsCompletedOn')}
              value={completedOn}
              onChange={(value) => setCompletedOn(value)}
              error={err('requirementsCompletedOn')}
            />
          </>
        ) : null}
        <NumberInput
          {...money}
          label={t('legal.restitution.indictmentAmount')}
          value={indictment}
          onChange={setIndictment}
          error={err('indictmentAmount')}
        />
        <NumberInput
          {...money}
          label={t('legal.restitution.grantedAmount')}
          value={granted}
          onChange={setGranted}
          error={err('grantedAmount')}
        />
        <DateField
          label={t('legal.restitution.servedOn')}
          description={t('legal.verdict.servedOnHelp')}
          value={servedOn}
          onChange={(value) => setServedOn(value)}
          error={err('servedOn')}
        />
        <Checkbox
          label={t('legal.restitution.replacedByDetention')}
          checked={detention}
          onChange={(e) => setDetention(e.currentTarget.checked)}
          error={err('replacedByDetention')}
        />
        {detention ? (
          <NumberInput
            min={0}
            label={t('legal.restitution.detentionMonths')}
            value={months}
            onChange={setMonths}
          />
        ) : null}
        <Actions
          onClose={onClose}
          loading={save.isPending}
          onSave={() =>
            save.mutate(
              {
                id: r.id,
                version: r.version,
                lpskAmount: num(lpsk),
                lpskOn: lpskOn || null,
                indictmentAmount: num(indictment),
                grantedAmount: num(granted),
                servedOn: servedOn || null,
                replacedByDetention: detention,
                detentionMonths: detention ? num(months) : null,
                ...(r.childVictim && {
                  requirementsNoticeOn: noticeOn || null,
                  requirementsCompletedOn: completedOn || null,
                }),
              },
              { onSuccess: onClose },
            )
          }
        />
      </Stack>
    </Modal>
  );
}

/** A payment, possibly partial. */
export function PaymentDialog({
  caseId,
  r,
  onClose,
}: {
  caseId: string;
  r: RestitutionView;
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const save = useRecordPayment(caseId);
  const [amount, setAmount] = useState<number | string>(r.owed || '');
  const [paidOn, setPaidOn] = useState(today);
  const general = formError(save.error, ['amount', 'paidOn']);
  return (
    <Modal opened onClose={onClose} title={t('legal.restitution.paymentTitle')}>
      <Stack gap="sm">
        {general ? <Alert color="red">{general}</Alert> : null}
        <NumberInput
          {...money}
          label={t('legal.restitution.amount')}
          required
          value={amount}
          onChange={setAmount}
          error={fieldError(save.error, 'amount')}
        />
        <DateField
          label={t('legal.restitution.paidOn')}
          required
          value={paidOn}
          onChange={(value) => setPaidOn(value)}
          error={fieldError(save.error, 'paidOn')}
        />
        <Actions
          onClose={onClose}
          loading={save.isPending}
          onSave={() =>
            save.mutate(
              { id: r.id, version: r.version, amount: Number(amount) || 0, paidOn },
              { onSuccess: onClose },
            )
          }
        />
      </Stack>
    </Modal>
  );
}
