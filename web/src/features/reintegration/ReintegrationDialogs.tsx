import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type ConferenceCreate,
  conferenceCreateSchema,
  FOLLOW_UP_SITUATIONS,
  type FollowUpRecord,
  followUpRecordSchema,
  REINTEGRATION_SUPPORT,
  type ReintegrationPlanCreate,
  type RepatriationLegCreate,
  reintegrationPlanCreateSchema,
  repatriationLegCreateSchema,
} from '@sinergi/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { useAddLeg, useAddPlan, useRecordConference, useRecordVisit } from './reintegration.api';

type Person = { personId: string; label: string };
const today = () => new Date().toISOString().slice(0, 10);

/** A dialog that validates with the shared schema, then saves; server field errors land next to the fields. */
function useSaveForm<T>(
  schema: Parameters<typeof schemaFieldErrors>[0],
  save: { mutate: (v: T, o: object) => void },
  onClose: () => void,
) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (input: T) => {
    const problems = schemaFieldErrors(schema, input, lang);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    save.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('reintegration.saved') });
        onClose();
      },
      onError: (e: unknown) => {
        if (isApiError(e)) setErrors(e.fields);
      },
    });
  };
  return { errors, submit };
}

function Dialog({
  title,
  onClose,
  children,
  onSave,
  saving,
  error,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  onSave: () => void;
  saving: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="md">
        {children}
        {error && !(isApiError(error) && error.status === 400) ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onSave} loading={saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function useAgencySelect() {
  const agencies = useAgencyOptions({ activeOnly: true });
  return (agencies.data ?? []).map((a) => ({ value: a.id, label: a.shortName }));
}

export function LegDialog({
  caseId,
  persons,
  onClose,
}: {
  caseId: string;
  persons: Person[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useAddLeg(caseId);
  const agencies = useAgencySelect();
  const [v, setV] = useState({
    personId: persons[0]?.personId ?? '',
    from: '',
    to: '',
    agencyId: '',
    plannedDate: today(),
    escort: '',
    escortRequired: false,
    transport: '',
    paidBy: '',
    cost: '' as number | string,
  });
  const { errors, submit } = useSaveForm<RepatriationLegCreate>(repatriationLegCreateSchema, save, onClose);
  const send = () =>
    submit({
      personId: v.personId,
      from: v.from.trim().toUpperCase(),
      to: v.to.trim().toUpperCase(),
      agencyId: v.agencyId,
      plannedDate: v.plannedDate,
      escortRequired: v.escortRequired,
      escort: v.escort.trim() || null,
      transport: v.transport.trim() || null,
      paidBy: v.paidBy.trim() || null,
      cost: v.cost === '' ? null : Number(v.cost),
    });
  return (
    <Dialog
      title={t('reintegration.addLeg')}
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
      <Group grow wrap="wrap">
        <TextInput
          label={t('reintegration.from')}
          required
          placeholder="MY · 65.03"
          value={v.from}
          onChange={(e) => setV({ ...v, from: e.currentTarget.value })}
          error={errors.from}
        />
        <TextInput
          label={t('reintegration.to')}
          required
          placeholder="53.10"
          value={v.to}
          onChange={(e) => setV({ ...v, to: e.currentTarget.value })}
          error={errors.to}
        />
      </Group>
      <Select
        label={t('reintegration.agency')}
        required
        searchable
        data={agencies}
        value={v.agencyId || null}
        onChange={(x) => setV({ ...v, agencyId: x ?? '' })}
        error={errors.agencyId}
      />
      <TextInput
        type="date"
        label={t('reintegration.planned')}
        required
        value={v.plannedDate}
        onChange={(e) => setV({ ...v, plannedDate: e.currentTarget.value })}
        error={errors.plannedDate}
      />
      <Checkbox
        label={t('reintegration.escortRequired')}
        checked={v.escortRequired}
        onChange={(e) => setV({ ...v, escortRequired: e.currentTarget.checked })}
      />
      <TextInput
        label={t('reintegration.escort')}
        value={v.escort}
        onChange={(e) => setV({ ...v, escort: e.currentTarget.value })}
      />
      <Group grow wrap="wrap">
        <TextInput
          label={t('reintegration.transport')}
          value={v.transport}
          onChange={(e) => setV({ ...v, transport: e.currentTarget.value })}
        />
        <NumberInput
          label={t('reintegration.cost')}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
          value={v.cost}
          onChange={(x) => setV({ ...v, cost: x })}
        />
        <TextInput
          label={t('reintegration.paidBy')}
          value={v.paidBy}
          onChange={(e) => setV({ ...v, paidBy: e.currentTarget.value })}
        />
      </Group>
    </Dialog>
  );
}

export function PlanDialog({
  caseId,
  persons,
  onClose,
}: {
  caseId: string;
  persons: Person[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useAddPlan(caseId);
  const agencies = useAgencySelect();
  const [v, setV] = useState({
    personId: persons[0]?.personId ?? '',
    supportType: 'economic',
    providerAgencyId: '',
    items: '',
    startDate: today(),
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
        <TextInput
          type="date"
          label={t('reintegration.start')}
          required
          value={v.startDate}
          onChange={(e) => setV({ ...v, startDate: e.currentTarget.value })}
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
  const { t } = useTranslation();
  const save = useRecordVisit(visit.id);
  const [v, setV] = useState({ visitedOn: today(), situation: 'working', findings: '', nextStep: '' });
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
      <TextInput
        type="date"
        label={t('reintegration.visitedOn')}
        required
        value={v.visitedOn}
        onChange={(e) => setV({ ...v, visitedOn: e.currentTarget.value })}
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

export function ConferenceDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useRecordConference(caseId);
  const agencies = useAgencySelect();
  const [v, setV] = useState({ heldOn: today(), agencyIds: [] as string[], summary: '', decisions: '' });
  const [actions, setActions] = useState<{ description: string; ownerAgencyId: string; dueDate: string }[]>(
    [],
  );
  const { errors, submit } = useSaveForm<ConferenceCreate>(conferenceCreateSchema, save, onClose);
  const send = () =>
    submit({
      heldOn: v.heldOn,
      agencyIds: v.agencyIds,
      summary: v.summary.trim(),
      decisions: v.decisions.trim() || null,
      actions,
    });
  return (
    <Dialog
      title={t('reintegration.addConference')}
      onClose={onClose}
      onSave={send}
      saving={save.isPending}
      error={save.error}
    >
      <TextInput
        type="date"
        label={t('reintegration.heldOn')}
        required
        value={v.heldOn}
        onChange={(e) => setV({ ...v, heldOn: e.currentTarget.value })}
        error={errors.heldOn}
      />
      <MultiSelect
        label={t('reintegration.agencies')}
        required
        searchable
        data={agencies}
        value={v.agencyIds}
        onChange={(agencyIds) => setV({ ...v, agencyIds })}
        error={errors.agencyIds}
      />
      <Textarea
        label={t('reintegration.summary')}
        required
        autosize
        minRows={3}
        value={v.summary}
        onChange={(e) => setV({ ...v, summary: e.currentTarget.value })}
        error={errors.summary}
      />
      <Textarea
        label={t('reintegration.decisions')}
        autosize
        minRows={2}
        value={v.decisions}
        onChange={(e) => setV({ ...v, decisions: e.currentTarget.value })}
      />
      {actions.map((a, i) => (
        <Group key={`action-${i.toString()}`} grow wrap="wrap" align="flex-start">
          <TextInput
            label={t('reintegration.actionDescription')}
            required
            value={a.description}
            onChange={(e) =>
              setActions(actions.map((x, j) => (j === i ? { ...x, description: e.currentTarget.value } : x)))
            }
            error={errors[`actions.${i}.description`]}
          />
          <Select
            label={t('reintegration.actionOwner')}
            required
            searchable
            data={agencies}
            value={a.ownerAgencyId || null}
            onChange={(o) =>
              setActions(actions.map((x, j) => (j === i ? { ...x, ownerAgencyId: o ?? '' } : x)))
            }
            error={errors[`actions.${i}.ownerAgencyId`]}
          />
          <TextInput
            type="date"
            label={t('reintegration.actionDue')}
            required
            value={a.dueDate}
            onChange={(e) =>
              setActions(actions.map((x, j) => (j === i ? { ...x, dueDate: e.currentTarget.value } : x)))
            }
            error={errors[`actions.${i}.dueDate`]}
          />
        </Group>
      ))}
      <Button
        variant="light"
        onClick={() => setActions([...actions, { description: '', ownerAgencyId: '', dueDate: today() }])}
      >
        {t('reintegration.addAction')}
      </Button>
    </Dialog>
  );
}
