import { Button, Collapse, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { fieldMessage } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { SearchField } from '../../app/ui/SearchField';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { CountrySelect } from '../reference/CountrySelect';
import type { CaseListFilter } from './case.api';
import { activeFilterCount, CASE_SORTS, type CaseFilterKey } from './case-list-filters';
import { coreOptions } from './case-values';
import { DistrictFilter } from './DistrictFilter';

interface CaseFiltersProps {
  filter: CaseListFilter;
  rangeInvalid: boolean;
  hasFilters: boolean;
  onChange: (key: CaseFilterKey, value: string) => void;
  onClear: () => void;
}

/** Search, order and the list's filters; on a phone the filters fold away behind one button. */
export function CaseFilters({ filter, rangeInvalid, hasFilters, onChange, onClear }: CaseFiltersProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const phone = usePhoneLayout();
  const agencies = useAgencyOptions({ activeOnly: false });
  const active = activeFilterCount(filter);
  const [opened, setOpened] = useState(!phone || active > 0);
  const select = (key: CaseFilterKey) => ({
    value: filter[key] || null,
    onChange: (value: string | null) => onChange(key, value ?? ''),
    placeholder: t('common.all'),
    clearable: true,
  });

  return (
    <Stack gap="sm" mb="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchField
          label={t('cases.searchLabel')}
          placeholder={t('cases.searchPlaceholder')}
          value={filter.q}
          onChange={(value) => onChange('q', value)}
        />
        <Select
          label={t('cases.sort.label')}
          data={CASE_SORTS.map((value) => ({ value, label: t(`cases.sort.${value}`) }))}
          value={filter.sort || '-reported_at'}
          onChange={(value) => onChange('sort', value === '-reported_at' ? '' : (value ?? ''))}
          allowDeselect={false}
          style={{ flex: '1 1 12rem' }}
        />
        <Button
          variant="default"
          onClick={() => setOpened((o) => !o)}
          aria-expanded={opened}
          aria-controls="case-filters"
        >
          {active > 0 ? t('cases.filters.toggleActive', { count: active }) : t('cases.filters.toggle')}
        </Button>
      </Group>
      <Collapse expanded={opened} id="case-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select label={t('cases.caseType')} data={coreOptions(lang, 'caseType')} {...select('type')} />
          <Select label={t('cases.stage')} data={coreOptions(lang, 'stage')} {...select('stage')} />
          <Select label={t('cases.risk')} data={coreOptions(lang, 'risk')} {...select('risk')} />
          <Select
            label={t('cases.filters.overdue')}
            data={[
              { value: 'true', label: t('cases.filters.overdueYes') },
              { value: 'false', label: t('cases.filters.overdueNo') },
            ]}
            {...select('overdue')}
          />
          <DateField
            label={t('cases.filters.from')}
            value={filter.from}
            onChange={(value) => onChange('from', value)}
          />
          <DateField
            label={t('cases.filters.to')}
            value={filter.to}
            min={filter.from || undefined}
            onChange={(value) => onChange('to', value)}
            error={rangeInvalid ? fieldMessage('date_range', lang) : undefined}
          />
          <DistrictFilter
            value={filter.originDistrict}
            onChange={(code) => onChange('originDistrict', code)}
          />
          <CountrySelect
            label={t('cases.filters.destinationCountry')}
            placeholder={t('common.all')}
            value={filter.destinationCountry}
            onChange={(code) => onChange('destinationCountry', code)}
          />
          <Select
            label={t('cases.exploitationType')}
            data={coreOptions(lang, 'exploitationType')}
            {...select('exploitationType')}
          />
          <Select
            label={t('cases.leadAgency')}
            data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.shortName }))}
            searchable
            {...select('leadAgencyId')}
          />
        </SimpleGrid>
        {hasFilters ? (
          <Button variant="subtle" onClick={onClear} mt="sm">
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Collapse>
    </Stack>
  );
}
