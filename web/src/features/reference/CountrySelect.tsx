import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { useCountries } from './country.api';

interface CountrySelectProps {
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  description?: string;
  placeholder?: string;
  withAsterisk?: boolean;
  style?: React.CSSProperties;
}

/** A searchable country list (ISO 3166 alpha-2) with names in the chosen language. */
export function CountrySelect({ label, value, onChange, error, ...rest }: CountrySelectProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const countries = useCountries();
  const data = useMemo(
    () =>
      (countries.data ?? [])
        .map((c) => ({ value: c.code, label: lang === 'en' ? c.nameEn : c.nameId }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [countries.data, lang],
  );
  return (
    <Select
      label={label}
      data={data}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      error={error ?? (countries.isError ? t('reference.countriesFailed') : undefined)}
      searchable
      clearable
      disabled={countries.isPending}
      nothingFoundMessage={t('reference.nothingFound')}
      {...rest}
    />
  );
}
