import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  REFERRAL_REASONS,
  REFERRAL_URGENCIES,
  type ReferralCreate,
  referralCreateSchema,
  type ServicePlan,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { useSessionInfo } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { useCreateReferral } from './service.api';
import { serviceTypeOptions } from './service-labels';

interface Props {
  caseId: string;
  persons: ServicePlan['persons'];
  opened: boolean;
  onClose: () => void;
}

/** Refers named victims of the case to another agency for named services. */
export function ReferralDialog({ caseId, persons, opened, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSessionInfo();
  const agencies = useAgencyOptions({ activeOnly: true });
  const create = useCreateReferral();
  const [value, setValue] = useState({
    toAgencyId: '',
    personIds: persons.length === 1 ? [persons[0]!.personId] : ([] as string[]),
    services: [] as string[],
    reason: 'AdditionalServicesRequired',
    urgency: 'normal',
    details: '',
    consentOverrideReason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const coordinator = session.user.roles.includes('coordinator');

  const submit = () => {
    const input = {
      caseId,
      ...value,
      details: value.details.trim() || null,
      consentOverrideReason: value.consentOverrideReason.trim() || null,
    } as ReferralCreate;
    const problems = schemaFieldErrors(referralCreateSchema, input, lang);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    create.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('services.referral.sent') });
        onClose();
      },
      onError: (e) => {
        if (isApiError(e)) setErrors(e.fields);
      },
    });
  };
  const personError = Object.entries(errors).find(([k]) => k.startsWith('personIds'))?.[1];

  return (
    <Modal opened={opened} onClose={onClose} title={t('services.referral.createTitle')} size="lg">
      <Stack gap="md">
        <Select
          label={t('services.referral.toAgency')}
          required
          searchable
          data={(agencies.data ?? [])
            .filter((a) => a.id !== session.user.agencyId)
            .map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }))}
          value={value.toAgencyId || null}
          onChange={(v) => setValue({ ...value, toAgencyId: v ?? '' })}
          error={errors.toAgencyId}
        />
        <Checkbox.Group
          label={t('services.referral.persons')}
          withAsterisk
          value={value.personIds}
          onChange={(ids) => setValue({ ...value, personIds: ids })}
          error={personError}
        >
          <Stack gap={6} mt={6}>
            {persons.map((p) => (
              <Checkbox key={p.personId} value={p.personId} label={p.name ?? p.initials} />
            ))}
          </Stack>
        </Checkbox.Group>
        <MultiSelect
          label={t('services.referral.services')}
          required
          searchable
          data={serviceTypeOptions(t)}
          value={value.services}
          onChange={(services) => setValue({ ...value, services })}
          error={errors.services ?? errors['services.0']}
        />
        <Group grow wrap="wrap">
          <Select
            label={t('services.referral.reason')}
            required
            allowDeselect={false}
            data={REFERRAL_REASONS.map((r) => ({ value: r, label: t(`services.reasons.${r}`) }))}
            value={value.reason}
            onChange={(v) => setValue({ ...value, reason: v ?? value.reason })}
          />
          <Select
            label={t('services.referral.urgency')}
            required
            allowDeselect={false}
            data={REFERRAL_URGENCIES.map((r) => ({ value: r, label: t(`services.urgencies.${r}`) }))}
            value={value.urgency}
            onChange={(v) => setValue({ ...value, urgency: v ?? value.urgency })}
          />
        </Group>
        <Textarea
          label={t('services.referral.details')}
          autosize
          minRows={2}
          value={value.details}
          onChange={(e) => setValue({ ...value, details: e.currentTarget.value })}
          error={errors.details}
        />
        {coordinator ? (
          <Textarea
            label={t('services.referral.override')}
            description={t('services.referral.overrideHelp')}
            autosize
            minRows={2}
            value={value.consentOverrideReason}
            onChange={(e) => setValue({ ...value, consentOverrideReason: e.currentTarget.value })}
            error={errors.consentOverrideReason}
          />
        ) : null}
        {create.isError && !isApiError(create.error) ? <ErrorAlert error={create.error} /> : null}
        {create.isError && isApiError(create.error) && create.error.status !== 400 ? (
          <ErrorAlert error={create.error} />
        ) : null}
        {personError ? (
          <Alert color="orange" variant="light">
            {personError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            {t('services.referral.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
