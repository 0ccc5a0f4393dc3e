import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import type { SuspectView } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { useZonedToday } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { valueOptions } from '../cases/case-values';
import { useCreateSuspect, useUpdateSuspect } from './legal.api';
import { fieldError, formError, legalOptions } from './legal-form';

/** Records a suspect: a person (identity encrypted) or a corporation (UU 21/2007 art. 13). */
export function SuspectDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useCreateSuspect(caseId);
  const [kind, setKind] = useState<'person' | 'corporation'>('person');
  const [fullName, setFullName] = useState('');
  const [nik, setNik] = useState('');
  const [companyName, setCompanyName] = useState('');
  const [sex, setSex] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('RecruiterOrIntermediary');
  const [relation, setRelation] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('tersangka');
  const [statusOn, setStatusOn] = useState(today);
  const err = (f: string) => fieldError(save.error, f);
  const general = formError(save.error, [
    'fullName',
    'nik',
    'companyName',
    'roleInProcess',
    'status',
    'statusOn',
    'sex',
  ]);
  const submit = () =>
    save.mutate(
      {
        kind,
        fullName: fullName || null,
        nik: nik || null,
        companyName: kind === 'corporation' ? companyName : null,
        sex: (sex as 'Male') ?? null,
        roleInProcess: role as 'Other',
        relationToVictims: (relation as 'Other') ?? null,
        status: status as 'tersangka',
        statusOn,
      },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t('legal.suspect.title')}>
      <Stack gap="sm">
        {general ? <Alert color="red">{general}</Alert> : null}
        <SegmentedControl
          aria-label={t('legal.suspect.kind')}
          value={kind}
          onChange={(v) => setKind(v as 'person')}
          data={legalOptions(lang, 'suspectKinds')}
        />
        {kind === 'corporation' ? (
          <TextInput
            label={t('legal.suspect.companyName')}
            required
            value={companyName}
            onChange={(e) => setCompanyName(e.currentTarget.value)}
            error={err('companyName')}
          />
        ) : null}
        <TextInput
          label={kind === 'corporation' ? t('legal.suspect.representative') : t('legal.suspect.fullName')}
          required={kind === 'person'}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={err('fullName')}
        />
        {kind === 'person' ? (
          <>
            <TextInput
              label="NIK"
              inputMode="numeric"
              maxLength={16}
              value={nik}
              onChange={(e) => setNik(e.currentTarget.value)}
              error={err('nik')}
            />
            <Select
              label={t('legal.suspect.sex')}
              data={valueOptions(lang, 'genders')}
              value={sex}
              onChange={setSex}
              clearable
            />
          </>
        ) : null}
        <Select
          label={t('legal.suspect.role')}
          required
          data={legalOptions(lang, 'suspectRoles')}
          value={role}
          onChange={setRole}
          allowDeselect={false}
          error={err('roleInProcess')}
        />
        <Select
          label={t('legal.suspect.relation')}
          data={valueOptions(lang, 'recruiterRelations')}
          value={relation}
          onChange={setRelation}
          clearable
        />
        <Group grow wrap="wrap">
          <Select
            label={t('legal.suspect.status')}
            required
            data={legalOptions(lang, 'suspectStatuses')}
            value={status}
            onChange={setStatus}
            allowDeselect={false}
          />
          <DateField
            label={t('legal.suspect.statusOn')}
            required
            value={statusOn}
            onChange={(value) => setStatusOn(value)}
            error={err('statusOn')}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={submit}>
            {t('legal.suspect.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Changes a suspect's legal status; the earlier ones stay in the history. */
export function SuspectStatusDialog({
  caseId,
  suspect,
  onClose,
}: {
  caseId: string;
  suspect: SuspectView;
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useUpdateSuspect(caseId);
  const [status, setStatus] = useState<string | null>(suspect.status);
  const [statusOn, setStatusOn] = useState(today);
  const general = formError(save.error, ['status', 'statusOn']);
  return (
    <Modal opened onClose={onClose} title={t('legal.suspect.changeStatus')}>
      <Stack gap="sm">
        {general ? <Alert color="red">{general}</Alert> : null}
        <Select
          label={t('legal.suspect.status')}
          data={legalOptions(lang, 'suspectStatuses')}
          value={status}
          onChange={setStatus}
          allowDeselect={false}
        />
        <DateField
          label={t('legal.suspect.statusOn')}
          value={statusOn}
          onChange={(value) => setStatusOn(value)}
          error={fieldError(save.error, 'statusOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { id: suspect.id, version: suspect.version, status: status!, statusOn },
                { onSuccess: onClose },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
