import { Button, EmptyState, Group, Select, Skeleton, Stack } from '@mantine/core';
import { ROLES } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { ListPaging } from '../../app/ui/ListPaging';
import { PageHeader } from '../../app/ui/PageHeader';
import { SearchField } from '../../app/ui/SearchField';
import {
  allowedOrEmpty,
  BOOLEAN_FILTER_VALUES,
  useUrlFilters,
  uuidOrEmpty,
} from '../../app/ui/use-url-filters';
import { useAgencyOptions } from '../agencies/agency.api';
import { MfaPolicyCard } from './MfaPolicyCard';
import { UserResults } from './UserResults';
import { USER_PAGE_SIZE, useUserList } from './user.api';

const FILTER_KEYS = ['q', 'agencyId', 'role', 'active'] as const;

export function UserListPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(FILTER_KEYS);
  const { q } = filters.values;
  const agencyId = uuidOrEmpty(filters.values.agencyId);
  const role = allowedOrEmpty(filters.values.role, ROLES);
  const active = allowedOrEmpty(filters.values.active, BOOLEAN_FILTER_VALUES);
  const agencies = useAgencyOptions({ activeOnly: false });
  const list = useUserList({ q, agencyId, role, active, page: filters.page });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        action={
          <Button component={Link} to="/users/new">
            {t('users.create')}
          </Button>
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchField
          label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
          value={q}
          onChange={(value) => filters.setFilter('q', value)}
        />
        <Select
          label={t('users.agency')}
          placeholder={t('common.all')}
          data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.shortName }))}
          value={agencyId || null}
          onChange={(value) => filters.setFilter('agencyId', value ?? '')}
          clearable
          searchable
          style={{ flex: '1 1 12rem' }}
        />
        <Select
          label={t('users.role')}
          placeholder={t('common.all')}
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}.name`) }))}
          value={role || null}
          onChange={(value) => filters.setFilter('role', value ?? '')}
          clearable
          style={{ flex: '1 1 11rem' }}
        />
        <Select
          label={t('common.status')}
          placeholder={t('common.all')}
          data={[
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
          ]}
          value={active || null}
          onChange={(value) => filters.setFilter('active', value ?? '')}
          clearable
          style={{ flex: '1 1 9rem' }}
        />
        {filters.hasFilters ? (
          <Button variant="subtle" onClick={filters.clear}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Group>

      {list.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} height={52} radius="sm" />
          ))}
        </Stack>
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title={t('users.emptyTitle')}
          description={filters.hasFilters ? t('users.emptyFiltered') : t('users.emptyAll')}
          py="xl"
        >
          {filters.hasFilters ? (
            <EmptyState.Actions>
              <Button variant="light" onClick={filters.clear}>
                {t('common.clearFilters')}
              </Button>
            </EmptyState.Actions>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <UserResults users={list.data.items} />
          <ListPaging
            page={filters.page}
            pageSize={USER_PAGE_SIZE}
            total={list.data.total}
            onPageChange={filters.setPage}
          />
        </>
      )}
      <MfaPolicyCard />
    </>
  );
}
