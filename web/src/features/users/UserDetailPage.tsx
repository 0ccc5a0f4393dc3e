import { Button, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { SessionsCard } from '../auth/SessionsCard';
import { UserEditForm } from './UserEditForm';
import { UserMfaSection } from './UserMfaSection';
import { useUser } from './user.api';

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser(id);

  if (user.isError && isApiError(user.error) && user.error.status === 404) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={user.data?.displayName ?? t('users.title')}
        description={t('users.editDescription')}
        action={
          <Button component={Link} to="/users" variant="default">
            {t('common.back')}
          </Button>
        }
      />
      {user.isPending ? (
        <Stack gap="sm" maw={760} aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={120} radius="md" />
          <Skeleton height={200} radius="md" />
        </Stack>
      ) : user.isError ? (
        <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />
      ) : (
        <Stack gap="md">
          <UserEditForm key={user.data.id} user={user.data} />
          <UserMfaSection user={user.data} onReset={() => void user.refetch()} />
          <SessionsCard userId={user.data.id} />
        </Stack>
      )}
    </>
  );
}
