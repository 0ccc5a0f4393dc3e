import { type ComboboxItem, type ComboboxItemGroup, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { RegionLevel } from '@sinergi/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { useCountries } from './country.api';
import { countryLabel, matchCountries, regionLabel } from './place-label';
import { useRegion, useRegionSearch } from './region.api';

const COUNTRY_CODE = /^[A-Z]{2}$/;

export interface PlacePickerProps {
  label: string;
  /** An ISO country code (MY), a Kemendagri region code (53.10.06.2002), or '' for none. */
  value: string;
  onChange: (code: string) => void;
  /** `place`: a country or an Indonesian region in one list; `region`: regions only. */
  kind?: 'place' | 'region';
  /** Only regions inside this one (e.g. the task force's regency). */
  within?: string | null;
  level?: RegionLevel;
  description?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

/**
 * One searchable field for a place: the user types a name ("Nunukan", "Cibal", "Malaysia") and
 * chooses from matches that show the full path ("Kab. Nunukan, Kalimantan Utara"); the code is what
 * is stored. A value already chosen is shown by name when the form opens.
 */
export function PlacePicker({
  label,
  value,
  onChange,
  kind = 'place',
  within = null,
  level,
  description,
  error,
  required,
  disabled,
}: PlacePickerProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const isCountry = COUNTRY_CODE.test(value);
  const countries = useCountries();
  const current = useRegion(value && !isCountry ? value : null);

  const selected: ComboboxItem | null = useMemo(() => {
    if (!value) return null;
    if (isCountry) {
      const country = countries.data?.find((c) => c.code === value);
      return { value, label: country ? countryLabel(country, lang) : value };
    }
    return current.data ? { value, label: regionLabel(current.data, current.data.path) } : null;
  }, [value, isCountry, countries.data, current.data, lang]);

  // Typing the chosen name back (as the field shows it) is not a new search.
  const typed = search === selected?.label ? '' : debounced.trim();
  const typing = search.trim() !== '' && search !== selected?.label;
  const regions = useRegionSearch(typed, { within, level, enabled: !disabled });

  const data = useMemo(() => {
    const groups: ComboboxItemGroup<ComboboxItem>[] = [];
    const seen = new Set<string>();
    const add = (group: string, items: ComboboxItem[]) => {
      const fresh = items.filter((i) => !seen.has(i.value));
      for (const i of fresh) seen.add(i.value);
      if (fresh.length) groups.push({ group, items: fresh });
    };
    if (kind === 'place' && typed.length >= 2)
      add(
        t('reference.groupCountries'),
        matchCountries(countries.data ?? [], typed).map((c) => ({
          value: c.code,
          label: countryLabel(c, lang),
        })),
      );
    add(
      t('reference.groupRegions'),
      (regions.data ?? []).map((r) => ({ value: r.code, label: regionLabel(r, r.path) })),
    );
    // The chosen place is the option offered until something else is typed.
    if (selected && !typing && !seen.has(selected.value))
      groups.push({
        group: isCountry ? t('reference.groupCountries') : t('reference.groupRegions'),
        items: [selected],
      });
    return groups;
  }, [kind, typed, typing, countries.data, regions.data, selected, isCountry, lang, t]);

  const nothingFound =
    search.trim().length < 2
      ? t('reference.typeMore')
      : regions.isError
        ? t('reference.searchFailed')
        : typing && (regions.isFetching || debounced !== search)
          ? t('reference.searching')
          : t('reference.nothingFound');

  return (
    <Select
      label={label}
      description={description ?? t(kind === 'place' ? 'reference.placeHelp' : 'reference.regionHelp')}
      required={required}
      disabled={disabled}
      error={error}
      data={data}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server and the country list already chose the matches.
      filter={({ options }) => options}
      clearable
      nothingFoundMessage={nothingFound}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
      autoComplete="off"
    />
  );
}
