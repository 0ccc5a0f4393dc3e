import { Text, TextInput } from '@mantine/core';
import { fieldMessage, isPlausibleNik } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';

interface NikInputProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** The NIK with feedback while typing: how many digits so far, and whether it reads as a NIK. */
export function NikInput({ value, onChange, error }: NikInputProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const digits = value.replace(/\s/g, '');
  const wellFormed = /^\d*$/.test(digits);
  const complete = digits.length === 16;
  const plausible = complete && isPlausibleNik(digits);
  const problem =
    error ??
    (!wellFormed || digits.length > 16 || (complete && !plausible)
      ? fieldMessage('nik_format', lang)
      : undefined);
  const description =
    digits === ''
      ? t('persons.nikHelp')
      : plausible
        ? undefined
        : wellFormed && digits.length < 16
          ? t('persons.nikProgress', { count: digits.length })
          : undefined;
  return (
    <div>
      <TextInput
        label={t('persons.nik')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        description={description}
        error={problem}
      />
      {plausible && !error ? (
        <Text size="xs" c="teal.8" mt={4} role="status">
          ✓ {t('persons.nikPlausible')}
        </Text>
      ) : null}
    </div>
  );
}
