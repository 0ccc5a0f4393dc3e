import { Button, EmptyState, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatNumber } from '@sinergi/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { usePermission } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { ListPaging } from '../../app/ui/ListPaging';
import { PageHeader } from '../../app/ui/PageHeader';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { useLanguage } from '../../i18n';
import { BreakGlassButton } from '../emergency/BreakGlassDialog';
import { CaseFilters } from './CaseFilters';
import { CaseResults } from './CaseResults';
import { CASE_PAGE_SIZE, downloadCaseExport, useCaseList } from './case.api';
import { CASE_FILTER_KEYS, caseFilterFromUrl } from './case-list-filters';

export function CaseListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const canCreate = usePermission('case.create');
  const canBreakGlass = usePermission('case.break_glass');
  const filters = useUrlFilters(CASE_FILTER_KEYS);
  const { filter, rangeInvalid } = caseFilterFromUrl(filters.values);
  const list = useCaseList(filter, filters.page);
  const exportList = useMutation({
    mutationFn: () => downloadCaseExport(filter, lang === 'id' ? 'kasus.xlsx' : 'cases.xlsx'),
    onSuccess: ({ rows, truncated }) =>
      notifications.show({
        color: truncated ? 'orange' : 'teal',
        message: truncated
          ? t('cases.exportTruncated', { rows: formatNumber(rows, lang) })
          : t('cases.exported', { rows: formatNumber(rows, lang) }),
      }),
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, lang, t('errors.network')) }),
  });

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        description={t('cases.description')}
        action={
          <>
            <Button
              variant="default"
              onClick={() => exportList.mutate()}
              loading={exportList.isPending}
              disabled={list.data?.total === 0}
            >
              {t('cases.export')}
            </Button>
            {canBreakGlass ? <BreakGlassButton /> : null}
            {canCreate ? (
              <Button component={Link} to="/cases/new">
                {t('cases.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <CaseFilters
        filter={filter}
        rangeInvalid={rangeInvalid}
        hasFilters={filters.hasFilters}
        onChange={filters.setFilter}
        onClear={filters.clear}
      />

      {list.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} height={56} radius="sm" />
          ))}
        </Stack>
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} showFieldMessages />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title={t('cases.emptyTitle')}
          description={
            filters.hasFilters
              ? t('cases.emptyFiltered')
              : canCreate
                ? t('cases.emptyCreator')
                : t('cases.emptyReader')
          }
          py="xl"
        >
          <EmptyState.Actions>
            {filters.hasFilters ? (
              <Button variant="light" onClick={filters.clear}>
                {t('common.clearFilters')}
              </Button>
            ) : canCreate ? (
              <Button component={Link} to="/cases/new">
                {t('cases.create')}
              </Button>
            ) : null}
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <>
          <CaseResults cases={list.data.items} />
          <ListPaging
            page={filters.page}
            pageSize={CASE_PAGE_SIZE}
            total={list.data.total}
            totalExact={list.data.totalExact ?? true}
            onPageChange={filters.setPage}
          />
        </>
      )}
    </>
  );
}
