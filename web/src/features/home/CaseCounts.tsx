import { Anchor, Card, Group, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { formatNumber } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n';
import { type CaseListFilter, useCaseCount } from '../cases/case.api';

interface CountCardProps {
  title: string;
  body: string;
  filter: Partial<CaseListFilter>;
  /** Where the card leads: the list with the same filter. */
  to: string;
  color?: string;
}

function CountCard({ title, body, filter, to, color }: CountCardProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const count = useCaseCount(filter);
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Anchor component={Link} to={to} fw={600}>
          {title}
        </Anchor>
        {count.isPending ? (
          <Skeleton height={28} width={40} aria-label={t('app.loading')} />
        ) : (
          <Text fz={28} fw={700} lh={1} c={count.data && count.data.total > 0 ? color : undefined}>
            {count.isError
              ? '—'
              : `${formatNumber(count.data?.total ?? 0, lang)}${count.data?.exact === false ? '+' : ''}`}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed" mt={6}>
        {count.isError ? t('home.cases.countFailed') : body}
      </Text>
    </Card>
  );
}

/** Counts from the case list (its total only), each leading to the list with that filter. */
export function CaseCounts() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-counts-heading">
      <Title order={2} fz="h4" mb="sm" id="case-counts-heading">
        {t('home.cases.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <CountCard
          title={t('home.cases.overdue')}
          body={t('home.cases.overdueBody')}
          filter={{ overdue: 'true' }}
          to="/cases?overdue=true"
          color="red.8"
        />
        <CountCard
          title={t('home.cases.reported')}
          body={t('home.cases.reportedBody')}
          filter={{ stage: 'reported' }}
          to="/cases?stage=reported"
        />
        <CountCard
          title={t('home.cases.highRisk')}
          body={t('home.cases.highRiskBody')}
          filter={{ risk: 'high' }}
          to="/cases?risk=high"
        />
        <CountCard title={t('home.cases.all')} body={t('home.cases.allBody')} filter={{}} to="/cases" />
      </SimpleGrid>
    </section>
  );
}
