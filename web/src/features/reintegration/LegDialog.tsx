import { Checkbox, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { Reintegration } from '@sinergi/core';
import { type RepatriationLegCreate, repatriationLegCreateSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { DateField } from '../../app/ui/DateField';
import { useZonedToday } from '../../app/zoned-dates';
import { useDocuments } from '../documents/document.api';
import { PlacePicker } from '../reference/PlacePicker';
import { Dialog, type Person, useAgencySelect, useSaveForm } from './dialog-form';
import { useAddLeg, useUpdateLeg } from './reintegration.api';

/** Where the person's chain stopped so far: the next leg starts there. */
function lastStop(legs: Reintegration['legs'], personId: string): string {
  return legs.filter((l) => l.personId === personId).at(-1)?.to ?? '';
}

/** Adds one hand-over of the chain home; its ends are chosen by place name (a country or a region). */
export function LegDialog({
  caseId,
  persons,
  legs = [],
  onClose,
}: {
  caseId: string;
  persons: Person[];
  legs?: Reintegration['legs'];
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const save = useAddLeg(caseId);
  const agencies = useAgencySelect();
  const firstPerson = persons[0]?.personId ?? '';
  const [v, setV] = useState({
    personId: firstPerson,
    from: lastStop(legs, firstPerson),
    to: '',
    agencyId: '',
    plannedDate: today,
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
      from: v.from,
      to: v.to,
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
        onChange={(x) => setV({ ...v, personId: x ?? '', from: v.from || lastStop(legs, x ?? '') })}
        error={errors.personId}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <PlacePicker
          label={t('reintegration.from')}
          required
          value={v.from}
          onChange={(from) => setV({ ...v, from })}
          error={errors.from}
        />
        <PlacePicker
          label={t('reintegration.to')}
          required
          value={v.to}
          onChange={(to) => setV({ ...v, to })}
          error={errors.to}
        />
      </SimpleGrid>
      <Select
        label={t('reintegration.agency')}
        required
        searchable
        data={agencies}
        value={v.agencyId || null}
        onChange={(x) => setV({ ...v, agencyId: x ?? '' })}
        error={errors.agencyId}
      />
      <DateField
        label={t('reintegration.planned')}
        required
        value={v.plannedDate}
        onChange={(value) => setV({ ...v, plannedDate: value })}
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

/** The case's documents as options for a leg's hand-over report (uploaded on the Documents tab). */
function HandoverSelect({
  caseId,
  value,
  onChange,
  error,
}: {
  caseId: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const docs = useDocuments(caseId);
  const documents = (docs.data ?? []).map((d) => ({ value: d.id, label: d.filename ?? d.id }));
  return (
    <Select
      label={t('reintegration.handover')}
      description={t('reintegration.handoverHelp')}
      placeholder={documents.length ? undefined : t('reintegration.handoverNone')}
      data={documents}
      value={value || null}
      onChange={(x) => onChange(x ?? '')}
      error={error}
      clearable
      searchable
    />
  );
}

/** Records what happened on a leg: the actual date, the escort and the hand-over report. */
export function LegEditDialog({
  caseId,
  leg,
  withDocuments = true,
  onClose,
}: {
  caseId: string;
  leg: Reintegration['legs'][number];
  /** The case's documents are readable here (the case team), so a hand-over report can be chosen. */
  withDocuments?: boolean;
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const save = useUpdateLeg();
  const [v, setV] = useState({
    actualDate: leg.actualDate ?? '',
    escort: leg.escort ?? '',
    handoverDocumentId: leg.handoverDocumentId ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = () =>
    save.mutate(
      {
        id: leg.id,
        version: leg.version,
        actualDate: v.actualDate || null,
        escort: v.escort.trim() || null,
        ...(withDocuments && { handoverDocumentId: v.handoverDocumentId || null }),
      },
      {
        onSuccess: () => onClose(),
        onError: (e: unknown) => setErrors(isApiError(e) ? e.fields : {}),
      },
    );
  return (
    <Dialog
      title={t('reintegration.editLeg', { from: leg.fromName, to: leg.toName })}
      onClose={onClose}
      onSave={send}
      saving={save.isPending}
      error={save.error}
    >
      <DateField
        label={t('reintegration.actual')}
        max={today}
        value={v.actualDate}
        onChange={(value) => setV({ ...v, actualDate: value })}
        error={errors.actualDate}
      />
      <TextInput
        label={t('reintegration.escort')}
        value={v.escort}
        onChange={(e) => setV({ ...v, escort: e.currentTarget.value })}
        error={errors.escort}
      />
      {withDocuments ? (
        <HandoverSelect
          caseId={caseId}
          value={v.handoverDocumentId}
          onChange={(handoverDocumentId) => setV({ ...v, handoverDocumentId })}
          error={errors.handoverDocumentId}
        />
      ) : null}
    </Dialog>
  );
}
