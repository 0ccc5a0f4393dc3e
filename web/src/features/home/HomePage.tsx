import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionInfo } from '../../app/session';
import { PageHeader } from '../../app/ui/PageHeader';
import { PendingRetentionAlert } from '../retention/PendingRetentionAlert';
import { AccountSummary } from './AccountSummary';
import { CaseCounts } from './CaseCounts';
import { WorkQueue } from './WorkQueue';

interface NextStep {
  path: string;
  title: string;
  body: string;
}

export function HomePage() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const can = (permission: (typeof session.permissions)[number]) => session.permissions.includes(permission);

  const steps: NextStep[] = [];
  if (can('case.create'))
    steps.push({ path: '/cases/new', title: t('cases.create'), body: t('home.cards.caseCreate') });
  if (can('stats.read')) {
    steps.push({ path: '/dashboard', title: t('nav.statsDashboard'), body: t('home.cards.statsDashboard') });
    steps.push({ path: '/analysis', title: t('nav.statsAnalysis'), body: t('home.cards.statsAnalysis') });
    steps.push({ path: '/reports/yearly', title: t('nav.yearlyReport'), body: t('home.cards.yearlyReport') });
  }
  if (can('screening.checklist.manage'))
    steps.push({
      path: '/settings/screening-checklist',
      title: t('nav.checklist'),
      body: t('home.cards.checklist'),
    });
  if (can('agency.manage'))
    steps.push({ path: '/agencies', title: t('nav.agencies'), body: t('home.cards.agenciesManage') });
  else if (can('agency.read'))
    steps.push({ path: '/agencies', title: t('nav.agencies'), body: t('home.cards.agenciesRead') });
  if (can('user.manage')) steps.push({ path: '/users', title: t('nav.users'), body: t('home.cards.users') });
  if (can('audit.read')) steps.push({ path: '/audit', title: t('nav.audit'), body: t('home.cards.audit') });
  steps.push({ path: '/profile', title: t('nav.profile'), body: t('home.cards.profile') });

  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.description')} />
      <Stack gap="lg">
        <Title order={2} fz="h3">
          {t('home.greeting', { name: session.user.displayName })}
        </Title>
        <PendingRetentionAlert />
        {/* The user's work first: on a phone it is what they open the app for. */}
        <WorkQueue />
        {can('case.create') || can('stats.read') ? <CaseCounts /> : null}
        <AccountSummary />
        <section aria-labelledby="next-steps-heading">
          <Title order={2} fz="h4" mb="sm" id="next-steps-heading">
            {t('home.nextSteps')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            {steps.map((step) => (
              <Card key={step.path} withBorder radius="md" padding="md">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Anchor component={Link} to={step.path} fw={600}>
                    {step.title}
                  </Anchor>
                  <Badge variant="light" radius="sm" aria-hidden="true">
                    →
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed" mt={6}>
                  {step.body}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}
