import { Alert, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegionChildren } from './region.api';

interface RegionPickerProps {
  provinceCode: string;
  regencyCode: string;
  onChange: (value: { provinceCode: string; regencyCode: string }) => void;
  provinceError?: string;
  regencyError?: string;
  required?: boolean;
  disabled?: boolean;
}

/** Province, then one of its regencies or cities (Kemendagri codes from the server). */
export function RegionPicker({
  provinceCode,
  regencyCode,
  onChange,
  provinceError,
  regencyError,
  required,
  disabled,
}: RegionPickerProps) {
  const { t } = useTranslation();
  const provinces = useRegionChildren(null);
  const regencies = useRegionChildren(provinceCode || null, provinceCode !== '');
  const failed = provinces.isError || regencies.isError;

  return (
    <>
      <Group grow align="flex-start" gap="sm" wrap="wrap" preventGrowOverflow={false}>
        <Select
          label={t('agencies.province')}
          withAsterisk={required}
          data={(provinces.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          value={provinceCode || null}
          onChange={(value) => onChange({ provinceCode: value ?? '', regencyCode: '' })}
          error={provinceError}
          searchable
          disabled={disabled || provinces.isPending}
          style={{ minWidth: '14rem' }}
        />
        <Select
          label={t('agencies.regency')}
          description={t('agencies.regencyHelp')}
          data={(regencies.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          value={regencyCode || null}
          onChange={(value) => onChange({ provinceCode, regencyCode: value ?? '' })}
          error={regencyError}
          searchable
          clearable
          disabled={disabled || provinceCode === '' || regencies.isPending}
          style={{ minWidth: '14rem' }}
        />
      </Group>
      {failed ? (
        <Alert color="red" variant="light">
          {t('agencies.regionLoadFailed')}
        </Alert>
      ) : null}
    </>
  );
}
