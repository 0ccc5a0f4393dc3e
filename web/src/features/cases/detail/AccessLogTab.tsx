import { Badge, Skeleton, Stack, Table, Text } from '@mantine/core';
import { type AccessLogEntry, formatDateTime } from '@sinergi/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest, type Page } from '../../../app/api-client';
import { useTimeZone } from '../../../app/session';
import { ErrorAlert } from '../../../app/ui/ErrorAlert';
import { ListPaging } from '../../../app/ui/ListPaging';
import { useLanguage } from '../../../i18n';

const PAGE_SIZE = 25;
const KIND_COLORS: Record<AccessLogEntry['kind'], string> = {
  read: 'blue',
  search: 'grape',
  export: 'orange',
  change: 'teal',
};

/** Who saw or changed this case, its people and documents (from the audit trail), newest first. */
export function AccessLogTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['cases', caseId, 'access-log', page],
    queryFn: ({ signal }) =>
      apiRequest<Page<AccessLogEntry>>(`/cases/${encodeURIComponent(caseId)}/access-log`, {
        query: { page, pageSize: PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const actions = t('accessLog.actions', { returnObjects: true }) as Record<string, string>;
  const actionLabel = (action: string): string => actions[action] ?? action;

  if (log.isPending) return <Skeleton height={160} radius="md" aria-label={t('app.loading')} />;
  if (log.isError) return <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('accessLog.help')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs" aria-label={t('cases.tabs.accessLog')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accessLog.when')}</Table.Th>
              <Table.Th>{t('accessLog.who')}</Table.Th>
              <Table.Th>{t('accessLog.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.items.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>
                  <Text size="sm">{formatDateTime(e.at, lang, zone)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.userDisplayName ?? t('accessLog.system')}</Text>
                  {e.agencyShortName ? (
                    <Text size="xs" c="dimmed">
                      {e.agencyShortName}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={KIND_COLORS[e.kind]} mr={6}>
                    {t(`accessLog.kinds.${e.kind}`)}
                  </Badge>
                  <Text span size="sm">
                    {actionLabel(e.action)}
                  </Text>
                  {e.outcome !== 'success' ? (
                    <Badge size="xs" color="red" variant="light" ml={6}>
                      {t(`accessLog.outcomes.${e.outcome as 'failure' | 'denied'}`)}
                    </Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListPaging page={page} pageSize={PAGE_SIZE} total={log.data.total} onPageChange={setPage} />
    </Stack>
  );
}
