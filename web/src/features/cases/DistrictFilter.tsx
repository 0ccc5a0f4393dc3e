import { Select } from '@mantine/core';
import { regionLevelOf } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../app/session';
import { RegionCascade } from '../reference/RegionCascade';
import { useRegionChildren } from '../reference/region.api';

interface DistrictFilterProps {
  value: string;
  onChange: (code: string) => void;
  /** Another label where the kecamatan is not the victims' origin (where an activity was held). */
  label?: string;
}

/**
 * The victims' kecamatan of origin. A regency task force picks among its own kecamatan; a province or
 * national one first narrows down to a regency.
 */
export function DistrictFilter({ value, onChange, label }: DistrictFilterProps) {
  const { t } = useTranslation();
  const regionCode = useSessionInfo().taskForce?.regionCode ?? null;
  const regency = regionCode && regionLevelOf(regionCode) === 'regency' ? regionCode : null;
  const districts = useRegionChildren(regency, regency !== null);
  if (!regency) {
    return (
      <RegionCascade
        label={label ?? t('cases.filters.originDistrict')}
        value={value}
        onChange={onChange}
        deepest="district"
        root={regionCode}
      />
    );
  }
  return (
    <Select
      label={label ?? t('cases.filters.originDistrict')}
      placeholder={t('common.all')}
      data={(districts.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      error={districts.isError ? t('agencies.regionLoadFailed') : undefined}
      searchable
      clearable
      nothingFoundMessage={t('reference.nothingFound')}
    />
  );
}
