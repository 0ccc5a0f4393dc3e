import { Button, Group, Select, TextInput } from '@mantine/core';
import { fieldMessage } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { useUserOptions } from '../users/user.api';
import {
  AUDIT_ENTITY_TYPES,
  AUDIT_OUTCOMES,
  actionLabel,
  entityLabel,
  KNOWN_AUDIT_ACTIONS,
} from './audit-labels';

export const AUDIT_FILTER_KEYS = [
  'actor',
  'agency',
  'action',
  'entityType',
  'entityId',
  'outcome',
  'from',
  'to',
] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

interface Props {
  values: Record<AuditFilterKey, string>;
  setFilter: (key: AuditFilterKey, value: string) => void;
  clear: () => void;
  hasFilters: boolean;
  rangeInvalid: boolean;
}

/** The audit view's filters: who, which agency, what, on which record, when. */
export function AuditFilters({ values, setFilter, clear, hasFilters, rangeInvalid }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const users = useUserOptions();
  const agencies = useAgencyOptions({ activeOnly: false });
  return (
    <Group align="flex-start" gap="sm" mb="xs" wrap="wrap">
      <Select
        label={t('audit.user')}
        placeholder={t('common.all')}
        data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
        value={values.actor || null}
        onChange={(value) => setFilter('actor', value ?? '')}
        clearable
        searchable
        nothingFoundMessage={t('audit.nothingFound')}
        style={{ flex: '2 1 13rem' }}
      />
      <Select
        label={t('audit.agency')}
        placeholder={t('common.all')}
        data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.shortName }))}
        value={values.agency || null}
        onChange={(value) => setFilter('agency', value ?? '')}
        clearable
        searchable
        nothingFoundMessage={t('audit.nothingFound')}
        style={{ flex: '1 1 10rem' }}
      />
      <Select
        label={t('audit.action')}
        placeholder={t('common.all')}
        data={KNOWN_AUDIT_ACTIONS.map((value) => ({ value, label: actionLabel(t, value) }))}
        value={values.action || null}
        onChange={(value) => setFilter('action', value ?? '')}
        clearable
        searchable
        nothingFoundMessage={t('audit.nothingFound')}
        style={{ flex: '2 1 13rem' }}
      />
      <Select
        label={t('audit.outcome')}
        placeholder={t('common.all')}
        data={AUDIT_OUTCOMES.map((value) => ({ value, label: t(`audit.outcomes.${value}`) }))}
        value={values.outcome || null}
        onChange={(value) => setFilter('outcome', value ?? '')}
        clearable
        style={{ flex: '1 1 9rem' }}
      />
      <Select
        label={t('audit.recordType')}
        placeholder={t('common.all')}
        data={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: entityLabel(t, value) }))}
        value={values.entityType || null}
        onChange={(value) => setFilter('entityType', value ?? '')}
        clearable
        style={{ flex: '1 1 10rem' }}
      />
      <TextInput
        label={t('audit.recordId')}
        description={t('audit.recordIdHint')}
        value={values.entityId}
        maxLength={100}
        onChange={(event) => setFilter('entityId', event.currentTarget.value.trim())}
        style={{ flex: '2 1 14rem' }}
      />
      <DateField
        label={t('audit.from')}
        value={values.from}
        onChange={(value) => setFilter('from', value)}
        style={{ flex: '1 1 10rem' }}
      />
      <DateField
        label={t('audit.to')}
        value={values.to}
        min={values.from || undefined}
        onChange={(value) => setFilter('to', value)}
        error={rangeInvalid ? fieldMessage('date_range', lang) : undefined}
        style={{ flex: '1 1 10rem' }}
      />
      {hasFilters ? (
        <Button variant="subtle" onClick={clear} mt={{ base: 0, sm: 24 }}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
