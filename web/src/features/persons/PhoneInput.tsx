import { TextInput } from '@mantine/core';
import { normalisePhone } from '@sinergi/core';
import { useTranslation } from 'react-i18next';

interface PhoneFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** A phone number, shown as it will be stored (E.164, 08… becomes +628…), tidied when leaving the field. */
export function PhoneField({ value, onChange, error }: PhoneFieldProps) {
  const { t } = useTranslation();
  const typed = value.trim();
  const normalised = typed ? normalisePhone(typed) : null;
  const description =
    typed === ''
      ? t('persons.phoneHelp')
      : normalised === null
        ? t('persons.phoneUnreadable')
        : normalised !== typed
          ? t('persons.phoneNormalised', { phone: normalised })
          : undefined;
  return (
    <TextInput
      label={t('persons.phone')}
      type="tel"
      autoComplete="off"
      maxLength={30}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={() => {
        if (normalised && normalised !== value) onChange(normalised);
      }}
      description={description}
      error={error}
    />
  );
}
