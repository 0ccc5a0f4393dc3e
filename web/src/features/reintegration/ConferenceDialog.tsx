import { Button, Group, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { type ConferenceCreate, conferenceCreateSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { useZonedToday } from '../../app/zoned-dates';
import { Dialog, useAgencySelect, useSaveForm } from './dialog-form';
import { useRecordConference } from './reintegration.api';

export function ConferenceDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const save = useRecordConference(caseId);
  const agencies = useAgencySelect();
  const [v, setV] = useState({ heldOn: today, agencyIds: [] as string[], summary: '', decisions: '' });
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
      <DateField
        label={t('reintegration.heldOn')}
        required
        value={v.heldOn}
        onChange={(value) => setV({ ...v, heldOn: value })}
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
          <DateField
            label={t('reintegration.actionDue')}
            required
            value={a.dueDate}
            onChange={(value) => setActions(actions.map((x, j) => (j === i ? { ...x, dueDate: value } : x)))}
            error={errors[`actions.${i}.dueDate`]}
          />
        </Group>
      ))}
      <Button
        variant="light"
        onClick={() => setActions([...actions, { description: '', ownerAgencyId: '', dueDate: today }])}
      >
        {t('reintegration.addAction')}
      </Button>
    </Dialog>
  );
}
