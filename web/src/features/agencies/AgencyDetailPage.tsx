import { Button, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/NotFoundPage';
import { usePermission } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { AgencyEditForm } from './AgencyEditForm';
import { AgencyReadOnly } from './AgencyReadOnly';
import { useAgency } from './agency.api';

/** One agency: an edit form for administrators, a read-only record for everyone else. */
export function AgencyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const canManage = usePermission('agency.manage');
  const agency = useAgency(id);
  const back = (
    <Button component={Link} to="/agencies" variant="default">
      {t('common.back')}
    </Button>
  );

  if (agency.isError && isApiError(agency.error) && agency.error.status === 404) return <NotFoundPage />;
  const title = agency.data?.shortName ?? t('agencies.title');
  const description = canManage ? t('agencies.editDescription') : t('agencies.viewDescription');

  return (
    <>
      <PageHeader title={title} description={description} action={back} />
      {agency.isPending ? (
        <Stack gap="sm" maw={760} aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={120} radius="md" />
          <Skeleton height={120} radius="md" />
        </Stack>
      ) : agency.isError ? (
        <ErrorAlert error={agency.error} onRetry={() => void agency.refetch()} />
      ) : canManage ? (
        <AgencyEditForm key={agency.data.id} agency={agency.data} />
      ) : (
        <AgencyReadOnly agency={agency.data} />
      )}
    </>
  );
}
