import { Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../app/session';
import { useRegionChildren } from '../reference/region.api';

interface VillageSelectProps {
  value: string;
  onChange: (code: string) => void;
  error?: string;
  required?: boolean;
}

/** A village of the task force's regency: the district first, then its villages (Kemendagri codes). */
export function VillageSelect({ value, onChange, error, required }: VillageSelectProps) {
  const { t } = useTranslation();
  const regency = useSessionInfo().taskForce?.regionCode ?? null;
  const [district, setDistrict] = useState(value ? value.split('.').slice(0, 3).join('.') : '');
  const districts = useRegionChildren(regency, regency !== null);
  const villages = useRegionChildren(district || null, district !== '');
  return (
    <Group grow align="flex-start" gap="sm" wrap="wrap" preventGrowOverflow={false}>
      <Select
        label={t('prevention.district')}
        data={(districts.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={district || null}
        onChange={(v) => {
          setDistrict(v ?? '');
          onChange('');
        }}
        searchable
        withAsterisk={required}
        style={{ minWidth: '12rem' }}
      />
      <Select
        label={t('prevention.village')}
        data={(villages.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        searchable
        disabled={!district}
        withAsterisk={required}
        error={error}
        style={{ minWidth: '12rem' }}
      />
    </Group>
  );
}
