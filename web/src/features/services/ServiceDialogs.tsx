import { Button, Group, Modal, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  fieldMessage,
  type ServiceCreate,
  type ServicePlan,
  type ServiceStatus,
  type ServiceView,
  serviceMovesFrom,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { useChangeServiceStatus, useCreateService } from './service.api';
import { serviceTypeOptions } from './service-labels';

/** Records a service delivered by the caller's own agency. */
export function ServiceCreateDialog({
  caseId,
  persons,
  opened,
  onClose,
}: {
  caseId: string;
  persons: ServicePlan['persons'];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useCreateService(caseId);
  const [v, setV] = useState({
    personId: persons.length === 1 ? persons[0]!.personId : '',
    type: '',
    status: 'in_progress',
    notes: '',
    cost: '' as number | string,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!v.personId) problems.personId = fieldMessage('required', lang);
    if (!v.type) problems.type = fieldMessage('required', lang);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    create.mutate(
      {
        personId: v.personId,
        type: v.type as ServiceCreate['type'],
        status: v.status as ServiceCreate['status'],
        notes: v.notes.trim() || null,
        cost: v.cost === '' ? null : Number(v.cost),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('services.service.saved') });
          onClose();
        },
        onError: (e) => {
          if (isApiError(e)) setErrors(e.fields);
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('services.service.recordTitle')} size="lg">
      <Stack gap="md">
        <Select
          label={t('services.service.person')}
          required
          data={persons.map((p) => ({ value: p.personId, label: p.name ?? p.initials }))}
          value={v.personId || null}
          onChange={(x) => setV({ ...v, personId: x ?? '' })}
          error={errors.personId}
        />
        <Select
          label={t('services.service.type')}
          required
          searchable
          data={serviceTypeOptions(t)}
          value={v.type || null}
          onChange={(x) => setV({ ...v, type: x ?? '' })}
          error={errors.type}
        />
        <Select
          label={t('services.service.initialStatus')}
          allowDeselect={false}
          data={(['requested', 'accepted', 'in_progress'] as const).map((s) => ({
            value: s,
            label: t(`services.statuses.${s}`),
          }))}
          value={v.status}
          onChange={(x) => setV({ ...v, status: x ?? v.status })}
        />
        <NumberInput
          label={t('services.service.cost')}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
          value={v.cost}
          onChange={(x) => setV({ ...v, cost: x })}
          error={errors.cost}
        />
        <Textarea
          label={t('services.service.notes')}
          autosize
          minRows={2}
          value={v.notes}
          onChange={(e) => setV({ ...v, notes: e.currentTarget.value })}
          error={errors.notes}
        />
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Moves one service to its next status; completion asks for the outcome, decline and cancel for a reason. */
export function ServiceStatusDialog({ service, onClose }: { service: ServiceView; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangeServiceStatus(service.id);
  const moves = serviceMovesFrom(service.status);
  const [to, setTo] = useState<ServiceStatus>(moves[0] ?? service.status);
  const [text, setText] = useState('');
  const [notes, setNotes] = useState(service.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const needsOutcome = to === 'completed';
  const needsReason = to === 'declined' || to === 'cancelled';
  const submit = () => {
    change.mutate(
      {
        version: service.version,
        to,
        ...(needsOutcome && { outcome: text.trim() || null }),
        ...(needsReason && { reason: text.trim() || null }),
        notes: notes.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('services.service.saved') });
          onClose();
        },
        onError: (e) => {
          if (isApiError(e)) setErrors(e.fields);
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('services.service.changeTitle')} size="lg">
      <Stack gap="md">
        <Select
          label={t('services.service.to')}
          allowDeselect={false}
          data={moves.map((s) => ({ value: s, label: t(`services.statuses.${s}`) }))}
          value={to}
          onChange={(x) => setTo((x as ServiceStatus) ?? to)}
          error={errors.to}
        />
        {needsOutcome || needsReason ? (
          <Textarea
            label={needsOutcome ? t('services.service.outcome') : t('services.service.reason')}
            required
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.outcome ?? errors.reason}
          />
        ) : null}
        <Textarea
          label={t('services.service.notes')}
          autosize
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        {change.isError && !(isApiError(change.error) && change.error.status === 400) ? (
          <ErrorAlert error={change.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
