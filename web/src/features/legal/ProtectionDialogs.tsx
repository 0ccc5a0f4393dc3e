import { Alert, Button, Group, Modal, MultiSelect, Select, Stack } from '@mantine/core';
import type { LegalTrack } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { useZonedToday } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { useApplyProtection, useDecideProtection } from './legal.api';
import { fieldError, formError, legalOptions } from './legal-form';

/** An application to LPSK for a victim or witness. */
export function ProtectionApplyDialog({
  caseId,
  people,
  onClose,
}: {
  caseId: string;
  people: { value: string; label: string }[];
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const save = useApplyProtection(caseId);
  const [personId, setPersonId] = useState<string | null>(people[0]?.value ?? null);
  const [appliedOn, setAppliedOn] = useState(today);
  return (
    <Modal opened onClose={onClose} title={t('legal.protection.applyTitle')}>
      <Stack gap="sm">
        {formError(save.error, ['personId', 'appliedOn']) ? (
          <Alert color="red">{formError(save.error, [])}</Alert>
        ) : null}
        <Select
          label={t('legal.protection.person')}
          required
          data={people}
          value={personId}
          onChange={setPersonId}
          error={fieldError(save.error, 'personId')}
        />
        <DateField
          label={t('legal.protection.appliedOn')}
          required
          value={appliedOn}
          onChange={(value) => setAppliedOn(value)}
          error={fieldError(save.error, 'appliedOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ personId: personId ?? '', appliedOn }, { onSuccess: onClose })}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** LPSK's decision: granted with the kinds of protection, or refused. */
export function ProtectionDecideDialog({
  caseId,
  p,
  onClose,
}: {
  caseId: string;
  p: LegalTrack['protections'][number];
  onClose: () => void;
}) {
  const today = useZonedToday();
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useDecideProtection(caseId);
  const [decision, setDecision] = useState<string | null>('granted');
  const [decidedOn, setDecidedOn] = useState(today);
  const [kinds, setKinds] = useState<string[]>([]);
  return (
    <Modal opened onClose={onClose} title={t('legal.protection.decideTitle')}>
      <Stack gap="sm">
        {formError(save.error, ['decision', 'decidedOn', 'kinds']) ? (
          <Alert color="red">{formError(save.error, [])}</Alert>
        ) : null}
        <Select
          label={t('legal.protection.decision')}
          data={legalOptions(lang, 'decisions')}
          value={decision}
          onChange={setDecision}
          allowDeselect={false}
        />
        <DateField
          label={t('legal.protection.decidedOn')}
          value={decidedOn}
          onChange={(value) => setDecidedOn(value)}
          error={fieldError(save.error, 'decidedOn')}
        />
        {decision === 'granted' ? (
          <MultiSelect
            label={t('legal.protection.kinds')}
            data={legalOptions(lang, 'protectionKinds')}
            value={kinds}
            onChange={setKinds}
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
                { id: p.id, version: p.version, decision: decision!, decidedOn, kinds },
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
