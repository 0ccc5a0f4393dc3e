import { MultiSelect, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormSection } from '../../app/ui/FormSection';
import { errorsUnder } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { CountrySelect } from '../reference/CountrySelect';
import { RegionCascade } from '../reference/RegionCascade';
import type { ProfileValues, YesNo } from './case-form-values';
import { coreOptions, type ValueList, valueOptions } from './case-values';
import { EventsFields } from './EventsFields';

interface ProfileFieldsProps {
  value: ProfileValues;
  onChange: (next: ProfileValues) => void;
  errors: Record<string, string>;
}

type ListKey = {
  [K in keyof ProfileValues]: ProfileValues[K] extends string[] ? K : never;
}[keyof ProfileValues];

/** The trafficking profile (HTCDS victim context): recruitment, exploitation, documents, route. */
export function ProfileFields({ value, onChange, errors }: ProfileFieldsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const set = <K extends keyof ProfileValues>(key: K, next: ProfileValues[K]) =>
    onChange({ ...value, [key]: next });
  const many = (key: ListKey, label: string, data: { value: string; label: string }[]) => (
    <MultiSelect
      label={label}
      data={data}
      value={value[key]}
      onChange={(next) => set(key, next)}
      error={errors[key]}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('reference.nothingFound')}
    />
  );
  const one = (key: 'recruiterRelation' | 'passportKind' | 'departure', label: string, list: ValueList) => (
    <Select
      label={label}
      data={valueOptions(lang, list)}
      value={value[key] || null}
      onChange={(next) => set(key, next ?? '')}
      error={errors[key]}
      clearable
    />
  );
  const yesNo = (key: 'forgedDocuments' | 'documentsWithheld', label: string) => (
    <Select
      label={label}
      data={[
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
      ]}
      placeholder={t('common.unknown')}
      value={value[key] || null}
      onChange={(next) => set(key, (next ?? '') as YesNo)}
      error={errors[key]}
      clearable
    />
  );

  return (
    <>
      <FormSection legend={t('cases.profile.sectionRecruitment')}>
        {many(
          'recruitmentMethods',
          t('cases.profile.recruitmentMethods'),
          valueOptions(lang, 'recruitmentMethods'),
        )}
        {many(
          'recruitmentPlatforms',
          t('cases.profile.recruitmentPlatforms'),
          valueOptions(lang, 'recruitmentPlatforms'),
        )}
        {one('recruiterRelation', t('cases.profile.recruiterRelation'), 'recruiterRelations')}
      </FormSection>
      <FormSection legend={t('cases.profile.sectionExploitation')}>
        {many('exploitationTypes', t('cases.exploitationType'), coreOptions(lang, 'exploitationType'))}
        {many('labourSectors', t('cases.profile.labourSectors'), valueOptions(lang, 'labourSectors'))}
        {many(
          'methodsOfControl',
          t('cases.profile.methodsOfControl'),
          valueOptions(lang, 'methodsOfControl'),
        )}
      </FormSection>
      <FormSection legend={t('cases.profile.sectionDocuments')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {one('passportKind', t('cases.profile.passportKind'), 'passportKinds')}
          {one('departure', t('cases.profile.departure'), 'departureKinds')}
          {yesNo('forgedDocuments', t('cases.profile.forgedDocuments'))}
          {yesNo('documentsWithheld', t('cases.profile.documentsWithheld'))}
        </SimpleGrid>
        <CountrySelect
          label={t('cases.filters.destinationCountry')}
          value={value.destinationCountry}
          onChange={(code) => set('destinationCountry', code)}
          error={errors.destinationCountry}
        />
        {value.destinationCountry === 'ID' ? (
          <RegionCascade
            label={t('cases.profile.destinationRegion')}
            description={t('cases.profile.destinationRegionHelp')}
            value={value.destinationRegionCode}
            onChange={(code) => set('destinationRegionCode', code)}
            deepest="regency"
            error={errors.destinationRegionCode}
          />
        ) : null}
      </FormSection>
      <FormSection legend={t('cases.profile.sectionEvents')}>
        <EventsFields
          value={value.events}
          onChange={(events) => set('events', events)}
          errors={errorsUnder(errors, 'events.')}
        />
      </FormSection>
    </>
  );
}
