import { Alert, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { ageAtIncident, isChildAt } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { FormSection } from '../../app/ui/FormSection';
import { errorsUnder } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { type ValueList, valueOptions } from '../cases/case-values';
import { CountrySelect } from '../reference/CountrySelect';
import { RegionCascade } from '../reference/RegionCascade';
import { ConsentFields } from './ConsentFields';
import { NikInput } from './NikInput';
import { PhoneField } from './PhoneInput';
import type { PersonValues } from './person-form-values';

export interface AgeContext {
  incidentDate: string | null;
  /** The report's date (YYYY-MM-DD): the age at the incident counts back from it. */
  reportDate: string;
}

interface PersonFieldsProps {
  value: PersonValues;
  onChange: (next: PersonValues) => void;
  errors: Record<string, string>;
  ageContext: AgeContext | null;
  /** The guardians a child victim may be linked to. */
  guardianOptions: { value: string; label: string }[];
  withConsent: boolean;
}

/** The age at the incident from the birth date or the estimate, as core computes it. */
export function personAge(value: Pick<PersonValues, 'birthDate' | 'estimatedAge'>, ctx: AgeContext | null) {
  if (!ctx) return null;
  const estimate = value.estimatedAge.trim() === '' ? null : Number(value.estimatedAge);
  return ageAtIncident({
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(value.birthDate) ? value.birthDate : null,
    estimatedAge: estimate !== null && Number.isFinite(estimate) ? estimate : null,
    incidentDate: ctx.incidentDate,
    reportDate: ctx.reportDate,
  });
}

/** Identity, address and contact, background, guardian and consent of one person. */
export function PersonFields({
  value,
  onChange,
  errors,
  ageContext,
  guardianOptions,
  withConsent,
}: PersonFieldsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const set = <K extends keyof PersonValues>(key: K, next: PersonValues[K]) =>
    onChange({ ...value, [key]: next });
  const choose = (key: keyof PersonValues, list: ValueList, label: string, required = false) => (
    <Select
      label={label}
      withAsterisk={required}
      data={valueOptions(lang, list)}
      value={(value[key] as string) || null}
      onChange={(next) => set(key, next ?? '')}
      error={errors[key]}
      clearable={!required}
      allowDeselect={!required}
    />
  );
  const age = personAge(value, ageContext);
  const child = isChildAt(age);
  const isVictim = value.role === 'victim';

  return (
    <>
      <FormSection legend={t('persons.sectionIdentity')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {choose('role', 'personRoles', t('persons.role'), true)}
          {choose('sex', 'genders', t('persons.sex'), true)}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('persons.fullName')}
            withAsterisk
            maxLength={200}
            autoComplete="off"
            value={value.fullName}
            onChange={(event) => set('fullName', event.currentTarget.value)}
            error={errors.fullName}
          />
          <TextInput
            label={t('persons.alias')}
            maxLength={200}
            autoComplete="off"
            value={value.alias}
            onChange={(event) => set('alias', event.currentTarget.value)}
            error={errors.alias}
          />
        </SimpleGrid>
        <NikInput value={value.nik} onChange={(nik) => set('nik', nik)} error={errors.nik} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('persons.birthDate')}
            value={value.birthDate}
            onChange={(value) => set('birthDate', value)}
            error={errors.birthDate}
          />
          <TextInput
            type="number"
            label={t('persons.estimatedAge')}
            description={value.birthDate ? t('persons.estimatedAgeFromBirth') : t('persons.estimatedAgeHelp')}
            min={0}
            max={120}
            inputMode="numeric"
            disabled={value.birthDate !== ''}
            value={value.birthDate ? '' : value.estimatedAge}
            onChange={(event) => set('estimatedAge', event.currentTarget.value)}
            error={errors.estimatedAge}
          />
        </SimpleGrid>
        {age !== null ? (
          <Text size="sm" role="status">
            {child ? t('persons.ageChild', { age }) : t('persons.ageAdult', { age })}
          </Text>
        ) : null}
        <CountrySelect
          label={t('persons.nationality')}
          value={value.nationality}
          onChange={(code) => set('nationality', code)}
          error={errors.nationality}
        />
      </FormSection>

      {isVictim ? (
        <FormSection legend={t('persons.sectionGuardian')}>
          <Select
            label={t('persons.guardian')}
            description={child ? t('persons.guardianChildHelp') : t('persons.guardianHelp')}
            data={guardianOptions}
            value={value.guardian || null}
            onChange={(next) => set('guardian', next ?? '')}
            error={errors.guardian}
            clearable
            nothingFoundMessage={t('persons.noGuardians')}
          />
          {child && !value.guardian ? (
            <Alert color="orange" variant="light">
              {guardianOptions.length === 0
                ? t('persons.guardianMissingAdd')
                : t('persons.guardianMissingPick')}
            </Alert>
          ) : null}
        </FormSection>
      ) : null}

      <FormSection legend={t('persons.sectionAddress')}>
        <RegionCascade
          label={t('persons.addressRegion')}
          description={t('persons.addressRegionHelp')}
          value={value.addressRegionCode}
          onChange={(code) => set('addressRegionCode', code)}
          deepest="village"
          error={errors.addressRegionCode}
        />
        <TextInput
          label={t('persons.street')}
          maxLength={300}
          autoComplete="off"
          value={value.street}
          onChange={(event) => set('street', event.currentTarget.value)}
          error={errors.street}
        />
        <PhoneField value={value.phone} onChange={(phone) => set('phone', phone)} error={errors.phone} />
      </FormSection>

      <FormSection legend={t('persons.sectionBackground')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {choose('education', 'educationLevels', t('persons.education'))}
          <TextInput
            label={t('persons.occupation')}
            maxLength={120}
            value={value.occupation}
            onChange={(event) => set('occupation', event.currentTarget.value)}
            error={errors.occupation}
          />
          {choose('maritalStatus', 'maritalStatuses', t('persons.maritalStatus'))}
          {choose('religion', 'religions', t('persons.religion'))}
        </SimpleGrid>
        <TextInput
          label={t('persons.disability')}
          description={t('persons.disabilityHelp')}
          maxLength={200}
          value={value.disability}
          onChange={(event) => set('disability', event.currentTarget.value)}
          error={errors.disability}
        />
      </FormSection>

      {withConsent ? (
        <FormSection legend={t('persons.sectionConsent')}>
          <ConsentFields
            optional
            isChild={child}
            value={value.consent}
            onChange={(consent) => set('consent', consent)}
            errors={errorsUnder(errors, 'consent.')}
          />
        </FormSection>
      ) : null}
    </>
  );
}
