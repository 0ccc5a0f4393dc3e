import { Button, EmptyState, Group, Select, Skeleton, Stack } from '@mantine/core';
import { AGENCY_SECTORS } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermission } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { ListPaging } from '../../app/ui/ListPaging';
import { PageHeader } from '../../app/ui/PageHeader';
import { SearchField } from '../../app/ui/SearchField';
import { allowedOrEmpty, BOOLEAN_FILTER_VALUES, useUrlFilters } from '../../app/ui/use-url-filters';
import { AgencyResults } from './AgencyResults';
import { AGENCY_PAGE_SIZE, useAgencyList } from './agency.api';

const FILTER_KEYS = ['q', 'sector', 'active'] as const;

export function AgencyListPage() {
  const { t } = useTranslation();
  const canManage = usePermission('agency.manage');
  const filters = useUrlFilters(FILTER_KEYS);
  const { q } = filters.values;
  const sector = allowedOrEmpty(filters.values.sector, AGENCY_SECTORS);
  const active = allowedOrEmpty(filters.values.active, BOOLEAN_FILTER_VALUES);
  const list = useAgencyList({ q, sector, active, page: filters.page });

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.description')}
        action={
          canManage ? (
            <Button component={Link} to="/agencies/new">
              {t('agencies.create')}
            </Button>
          ) : null
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchField
          label={t('agencies.searchLabel')}
          placeholder={t('agencies.searchPlaceholder')}
          value={q}
          onChange={(value) => filters.setFilter('q', value)}
        />
        <Select
          label={t('agencies.sector')}
          placeholder={t('common.all')}
          data={AGENCY_SECTORS.map((value) => ({ value, label: t(`sectors.${value}`) }))}
          value={sector || null}
          onChange={(value) => filters.setFilter('sector', value ?? '')}
          clearable
          searchable
          style={{ flex: '1 1 10rem' }}
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
          style={{ flex: '1 1 8rem' }}
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
            <Skeleton key={i} height={44} radius="sm" />
          ))}
        </Stack>
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title={t('agencies.emptyTitle')}
          description={
            filters.hasFilters
              ? t('agencies.emptyFiltered')
              : canManage
                ? t('agencies.emptyAdmin')
                : t('agencies.emptyReader')
          }
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
          <AgencyResults agencies={list.data.items} />
          <ListPaging
            page={filters.page}
            pageSize={AGENCY_PAGE_SIZE}
            total={list.data.total}
            onPageChange={filters.setPage}
          />
        </>
      )}
    </>
  );
}
