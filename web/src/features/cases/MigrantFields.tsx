import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { FormSection } from '../../app/ui/FormSection';
import { useLanguage } from '../../i18n';
import { CountrySelect } from '../reference/CountrySelect';
import type { DeceasedValues, DeporteeValues, MigrantValues } from './case-form-values';
import { type ValueList, valueOptions } from './case-values';

interface MigrantFieldsProps {
  caseType: string;
  value: MigrantValues;
  onChange: (next: MigrantValues) => void;
  errors: Record<string, string>;
}

/** BP2MI complaint category, and the deportee (Nunukan) or deceased-repatriation record by case type. */
export function MigrantFields({ caseType, value, onChange, errors }: MigrantFieldsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const setDeportee = <K extends keyof DeporteeValues>(key: K, next: string) =>
    onChange({ ...value, deportee: { ...value.deportee, [key]: next } });
  const setDeceased = <K extends keyof DeceasedValues>(key: K, next: string) =>
    onChange({ ...value, deceased: { ...value.deceased, [key]: next } });
  const deporteeSelect = (
    key: 'depot' | 'reason' | 'documentUsed' | 'wish',
    label: string,
    list: ValueList,
  ) => (
    <Select
      label={label}
      data={valueOptions(lang, list)}
      value={value.deportee[key] || null}
      onChange={(next) => setDeportee(key, next ?? '')}
      error={errors[`deportee.${key}`]}
      clearable
    />
  );
  const deceasedText = (
    key: Exclude<keyof DeceasedValues, 'countryOfDeath'>,
    label: string,
    type = 'text',
  ) => (
    <TextInput
      type={type}
      label={label}
      value={value.deceased[key]}
      onChange={(event) => setDeceased(key, event.currentTarget.value)}
      error={errors[`deceased.${key}`]}
      min={type === 'number' ? 0 : undefined}
    />
  );

  return (
    <>
      <FormSection legend={t('cases.migrant.section')}>
        <Select
          label={t('cases.migrant.bp2miCategory')}
          data={valueOptions(lang, 'bp2miCategories')}
          value={value.bp2miCategory || null}
          onChange={(next) => onChange({ ...value, bp2miCategory: next ?? '' })}
          error={errors.bp2miCategory}
          clearable
        />
      </FormSection>
      {caseType === 'pmi_deportee' ? (
        <FormSection legend={t('cases.migrant.deporteeSection')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {deporteeSelect('depot', t('cases.migrant.depot'), 'deporteeDepots')}
            {deporteeSelect('reason', t('cases.migrant.reason'), 'deportationReasons')}
            {deporteeSelect('documentUsed', t('cases.migrant.documentUsed'), 'passportKinds')}
            {deporteeSelect('wish', t('cases.migrant.wish'), 'deporteeWishes')}
            <TextInput
              label={t('cases.migrant.consulateReference')}
              maxLength={100}
              value={value.deportee.consulateReference}
              onChange={(event) => setDeportee('consulateReference', event.currentTarget.value)}
              error={errors['deportee.consulateReference']}
            />
            <DateField
              label={t('cases.migrant.arrivalDate')}
              value={value.deportee.arrivalDate}
              onChange={(value) => setDeportee('arrivalDate', value)}
              error={errors['deportee.arrivalDate']}
            />
          </SimpleGrid>
        </FormSection>
      ) : null}
      {caseType === 'pmi_deceased' ? (
        <FormSection legend={t('cases.migrant.deceasedSection')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {deceasedText('placeOfDeath', t('cases.migrant.placeOfDeath'))}
            <CountrySelect
              label={t('cases.migrant.countryOfDeath')}
              value={value.deceased.countryOfDeath}
              onChange={(code) => setDeceased('countryOfDeath', code)}
              error={errors['deceased.countryOfDeath']}
            />
            {deceasedText('dateOfDeath', t('cases.migrant.dateOfDeath'), 'date')}
            {deceasedText('cause', t('cases.migrant.cause'))}
            {deceasedText('yearsAbroad', t('cases.migrant.yearsAbroad'), 'number')}
            {deceasedText('arrivalDate', t('cases.migrant.bodyArrivalDate'), 'date')}
            {deceasedText('arrivalFlight', t('cases.migrant.arrivalFlight'))}
            {deceasedText('onwardTransport', t('cases.migrant.onwardTransport'))}
            {deceasedText('transportPaidBy', t('cases.migrant.transportPaidBy'))}
          </SimpleGrid>
        </FormSection>
      ) : null}
    </>
  );
}
