import { Alert, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegionChildren } from './region.api';

interface RegionLevelSelectProps {
  label: string;
  /** Whose children are offered; null for the provinces. */
  parent: string | null;
  enabled: boolean;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  disabled?: boolean;
}

/** One level of a region cascade. */
export function RegionLevelSelect({
  label,
  parent,
  enabled,
  value,
  onChange,
  error,
  disabled,
}: RegionLevelSelectProps) {
  const { t } = useTranslation();
  const regions = useRegionChildren(parent, enabled);
  return (
    <Select
      label={label}
      data={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      error={error}
      searchable
      clearable
      disabled={disabled || !enabled || regions.isPending}
      placeholder={enabled ? undefined : t('reference.chooseAbove')}
      nothingFoundMessage={t('reference.nothingFound')}
    />
  );
}

export function SelectLoadFailed() {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light">
      {t('agencies.regionLoadFailed')}
    </Alert>
  );
}
