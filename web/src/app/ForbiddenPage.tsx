import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './ui/PageHeader';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('forbidden.title')} description={t('forbidden.body')} />
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </>
  );
}
