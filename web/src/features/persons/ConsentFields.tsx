import { Checkbox, Group, MultiSelect, Radio, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { CONSENT_GIVERS } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { valueOptions } from '../cases/case-values';
import type { ConsentValues, GivenBy } from './person-form-values';

interface ConsentFieldsProps {
  value: ConsentValues;
  onChange: (next: ConsentValues) => void;
  errors: Record<string, string>;
  /** In the intake a consent is optional (it can be recorded later); in the consent dialog it is the point. */
  optional?: boolean;
  /** A child cannot consent alone: only a guardian or the social worker (with a reason). */
  isChild?: boolean;
}

/** What the person agreed to, when, and who gave the agreement (HTCDS AgreementToManagePersonalData). */
export function ConsentFields({ value, onChange, errors, optional, isChild }: ConsentFieldsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const agencies = useAgencyOptions({ activeOnly: true });
  const sharing = value.scopes.includes('sharing');
  const givers = valueOptions(lang, 'givenBy').filter((o) => !(isChild && o.value === 'self'));
  const set = <K extends keyof ConsentValues>(key: K, next: ConsentValues[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <Stack gap="sm">
      {optional ? (
        <Checkbox
          label={t('persons.consent.recordNow')}
          description={t('persons.consent.recordNowHelp')}
          checked={value.record}
          onChange={(event) => set('record', event.currentTarget.checked)}
        />
      ) : null}
      {value.record || !optional ? (
        <>
          <Checkbox.Group
            label={t('persons.consent.scopes')}
            withAsterisk
            value={value.scopes}
            onChange={(scopes) => set('scopes', scopes)}
            error={errors.scopes}
          >
            <Stack gap={6} mt={6}>
              {valueOptions(lang, 'consentScopes').map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          {sharing ? (
            <MultiSelect
              label={t('persons.consent.sharingAgencies')}
              description={t('persons.consent.sharingAgenciesHelp')}
              withAsterisk
              searchable
              data={(agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }))}
              value={value.sharingAgencyIds}
              onChange={(ids) => set('sharingAgencyIds', ids)}
              error={errors.sharingAgencyIds}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={t('persons.consent.givenOn')}
              withAsterisk
              value={value.givenOn}
              onChange={(value) => set('givenOn', value)}
              error={errors.givenOn}
            />
            <Radio.Group
              label={t('persons.consent.givenBy')}
              withAsterisk
              value={isChild && value.givenBy === 'self' ? '' : value.givenBy}
              onChange={(by) =>
                set('givenBy', (CONSENT_GIVERS as readonly string[]).includes(by) ? (by as GivenBy) : 'self')
              }
              description={isChild ? t('persons.consent.childHelp') : undefined}
              error={errors.givenBy}
            >
              <Group gap="md" mt={6}>
                {givers.map((option) => (
                  <Radio key={option.value} value={option.value} label={option.label} />
                ))}
              </Group>
            </Radio.Group>
          </SimpleGrid>
          <Textarea
            label={
              value.givenBy === 'social_worker'
                ? t('persons.consent.socialWorkerReason')
                : t('persons.consent.note')
            }
            withAsterisk={value.givenBy === 'social_worker'}
            autosize
            minRows={2}
            maxLength={500}
            value={value.note}
            onChange={(event) => set('note', event.currentTarget.value)}
            error={errors.note}
          />
        </>
      ) : null}
    </Stack>
  );
}
