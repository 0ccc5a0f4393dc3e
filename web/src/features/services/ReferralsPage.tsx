import { Group, SegmentedControl, Select, Skeleton, Stack, Text } from '@mantine/core';
import { REFERRAL_STATUSES } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { ListPaging } from '../../app/ui/ListPaging';
import { PageHeader } from '../../app/ui/PageHeader';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { ReferralCard } from './ReferralCard';
import { useReferralQueue } from './service.api';

const KEYS = ['box', 'status'] as const;

/** The agency's incoming and outgoing referrals (and consent overrides for a coordinator). */
export function ReferralsPage() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const { values, page, setFilter, setPage } = useUrlFilters(KEYS);
  const box = values.box || 'incoming';
  const list = useReferralQueue(box, values.status, page);
  const boxes: ('incoming' | 'outgoing' | 'overrides')[] = session.user.roles.includes('coordinator')
    ? ['incoming', 'outgoing', 'overrides']
    : ['incoming', 'outgoing'];
  return (
    <>
      <PageHeader title={t('services.queue.title')} description={t('services.queue.description')} />
      <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={box}
          onChange={(v) => setFilter('box', v === 'incoming' ? '' : v)}
          data={boxes.map((b) => ({ value: b, label: t(`services.queue.${b}`) }))}
          aria-label={t('services.queue.title')}
        />
        <Select
          aria-label={t('services.service.status')}
          placeholder={t('services.queue.allStatuses')}
          clearable
          data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`services.referralStatuses.${s}`) }))}
          value={values.status || null}
          onChange={(v) => setFilter('status', v ?? '')}
          w={220}
        />
      </Group>
      {list.isPending ? (
        <Skeleton height={200} radius="md" />
      ) : !list.data ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('services.queue.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {list.data.items.map((r) => (
            <ReferralCard key={r.id} referral={r} showCase />
          ))}
          <ListPaging page={page} pageSize={25} total={list.data.total} onPageChange={setPage} />
        </Stack>
      )}
    </>
  );
}
