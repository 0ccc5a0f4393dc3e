import { Anchor, Button, Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { useLanguage } from '../../i18n';
import { valueLabel } from '../cases/case-values';
import { ReferralRepatriation } from '../reintegration/ReferralRepatriation';
import { ReferralCard } from './ReferralCard';
import { ServicesTab } from './ServicesTab';
import { useReferral } from './service.api';

/** One referral: its state and actions, the referred persons as far as the caller may see them, and the services. */
export function ReferralPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id = '' } = useParams();
  const referral = useReferral(id);
  if (referral.isError && isApiError(referral.error) && referral.error.status === 404)
    return <NotFoundPage />;
  const r = referral.data;
  return (
    <>
      <PageHeader
        title={r ? `${t('services.referral.title')} ${r.caseNumber}` : t('services.referral.title')}
        description={r ? `${r.fromAgency} → ${r.toAgency}` : t('services.queue.description')}
        action={
          <Button component={Link} to="/referrals" variant="default">
            {t('common.back')}
          </Button>
        }
      />
      {referral.isPending ? (
        <Skeleton height={200} radius="md" />
      ) : !r ? (
        <ErrorAlert error={referral.error} onRetry={() => void referral.refetch()} />
      ) : (
        <Stack gap="lg">
          <ReferralCard referral={r} link={false} />
          {r.side !== 'receiver' ? (
            <Anchor component={Link} to={`/cases/${r.caseId}?tab=services`}>
              {r.caseNumber}
            </Anchor>
          ) : null}
          <Card withBorder radius="md" padding="md">
            <Title order={2} fz="h4" mb="sm">
              {t('services.referral.persons')}
            </Title>
            {r.persons.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('services.referral.personsHidden')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={320}>
                <Table>
                  <Table.Tbody>
                    {r.persons.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td fw={600}>{p.fullName ?? p.initials}</Table.Td>
                        <Table.Td>
                          {valueLabel(lang, 'genders', p.sex)}
                          {p.ageYears !== null ? ` · ${p.ageYears}` : ''}
                        </Table.Td>
                        <Table.Td>{p.phone ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {r.details ? (
              <Text size="sm" mt="sm">
                {t('services.referral.details')}: {r.details}
              </Text>
            ) : null}
          </Card>
          {r.side === 'receiver' && r.status !== 'pending' ? (
            <ServicesTab caseId={r.caseId} canSeeCase={false} />
          ) : null}
          {r.side === 'receiver' && r.status === 'accepted' && r.services.includes('repatriation') ? (
            <ReferralRepatriation
              caseId={r.caseId}
              persons={r.persons.map((p) => ({ personId: p.id, label: p.fullName ?? p.initials }))}
            />
          ) : null}
        </Stack>
      )}
    </>
  );
}
