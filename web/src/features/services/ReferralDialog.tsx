import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  consentCovers,
  type PersonView,
  REFERRAL_REASONS,
  REFERRAL_URGENCIES,
  type ReferralCreate,
  referralCreateSchema,
  type ServicePlan,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { useSessionInfo, useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { schemaFieldErrors } from '../../app/ui/form-validation';
import { zonedDate } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { ConsentDialog } from '../persons/ConsentDialog';
import { usePersons } from '../persons/person.api';
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
  const people = usePersons(caseId);
  const zone = useTimeZone();
  const [consentFor, setConsentFor] = useState<PersonView | null>(null);
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
  /** Whether a person's current consent lets the chosen agency receive them (the server's rule). */
  const covered = (personId: string) => {
    const person = people.data?.find((p) => p.id === personId);
    return !!person?.consents.some((c) => consentCovers(c, value.toAgencyId));
  };
  const uncovered = value.toAgencyId ? value.personIds.filter((id) => people.data && !covered(id)) : [];
  const personLabel = (id: string) => {
    const p = persons.find((x) => x.personId === id);
    return p?.name ?? p?.initials ?? '';
  };

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
              <Group key={p.personId} gap="xs" wrap="wrap">
                <Checkbox value={p.personId} label={p.name ?? p.initials} />
                {value.toAgencyId && value.personIds.includes(p.personId) && people.data ? (
                  // Words, not colour alone; dark shades keep the contrast above 4.5:1.
                  covered(p.personId) ? (
                    <Text size="sm" fw={500} c="teal.9">
                      {t('services.referral.consentOk')}
                    </Text>
                  ) : (
                    <Text size="sm" fw={500} c="red.9">
                      {t('services.referral.consentMissing')}
                    </Text>
                  )
                ) : null}
              </Group>
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
        {uncovered.length > 0 ? (
          <Alert color="orange" variant="light" title={t('services.referral.consentNeededTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('services.referral.consentNeeded')}</Text>
              {uncovered.map((id) => {
                const person = people.data?.find((p) => p.id === id);
                return person ? (
                  <Button
                    key={id}
                    variant="light"
                    color="orange"
                    fullWidth
                    h="auto"
                    py={8}
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                    onClick={() => setConsentFor(person)}
                    aria-label={t('services.referral.recordConsentFor', { who: personLabel(id) })}
                  >
                    {t('persons.consent.recordNow')}: {personLabel(id)}
                  </Button>
                ) : null;
              })}
              {coordinator ? <Text size="sm">{t('services.referral.overrideHint')}</Text> : null}
            </Stack>
          </Alert>
        ) : personError ? (
          <Alert color="orange" variant="light">
            {personError}
          </Alert>
        ) : null}
        {consentFor ? (
          <ConsentDialog
            key={consentFor.id}
            caseId={caseId}
            personId={consentFor.id}
            who={personLabel(consentFor.id)}
            isChild={consentFor.isChild}
            today={zonedDate(new Date(), zone)}
            sharingAgencyIds={[value.toAgencyId]}
            opened
            onRecorded={() =>
              setErrors((e) =>
                Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('personIds'))),
              )
            }
            onClose={() => setConsentFor(null)}
          />
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
