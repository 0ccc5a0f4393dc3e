import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/NotFoundPage';
import { PageHeader } from '../../app/ui/PageHeader';
import { LegalTab } from './LegalTab';
import { useLegalTrack } from './legal.api';

/**
 * One case's legal track on its own page: police and prosecutors who are not on the case team work
 * here without seeing the rest of the case.
 */
export function LegalCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const track = useLegalTrack(id);
  if (track.isError && isApiError(track.error) && track.error.status === 404) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={track.data ? t('legal.page.title', { number: track.data.caseNumber }) : t('legal.list.title')}
        description={t('legal.page.description')}
        action={
          <Button component={Link} to="/legal" variant="default">
            {t('common.back')}
          </Button>
        }
      />
      <LegalTab caseId={id} />
    </>
  );
}
