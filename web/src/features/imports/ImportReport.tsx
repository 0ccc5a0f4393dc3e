import { Badge, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import type { ImportJob } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';

/** Rejected and skipped rows with their reasons, as a table on a desktop and cards on a phone. */
export function ImportRows({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const phone = usePhoneLayout();
  const field = (f: string) =>
    f === '_' ? t('imports.wholeRow') : t(`imports.fields.${f}` as 'imports.fields.importKey');
  if (job.rejected.length === 0) return <Text size="sm">{t('imports.noProblems')}</Text>;
  const badge = (kind: 'rejected' | 'skipped') => (
    <Badge
      color={kind === 'rejected' ? 'red' : 'gray'}
      variant="light"
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {t(`imports.kind.${kind}`)}
    </Badge>
  );
  if (phone)
    return (
      <Stack gap="xs">
        {job.rejected.map((r) => (
          <Card key={r.row} withBorder radius="md" padding="sm">
            <Group justify="space-between" gap="xs">
              <Text fw={600} size="sm">
                {t('imports.rowNumber', { row: r.row })}
                {r.key ? ` · ${r.key}` : ''}
              </Text>
              {badge(r.kind)}
            </Group>
            <List size="xs" spacing={2} mt={4}>
              {r.reasons.map((x) => (
                <List.Item key={`${x.field}-${x.message}`}>
                  <b>{field(x.field)}</b>: {x.message}
                </List.Item>
              ))}
            </List>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('imports.row')}</Table.Th>
          <Table.Th>{t('imports.fields.importKey')}</Table.Th>
          <Table.Th>{t('imports.outcome')}</Table.Th>
          <Table.Th>{t('imports.reasons')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {job.rejected.map((r) => (
          <Table.Tr key={r.row}>
            <Table.Td>{r.row}</Table.Td>
            <Table.Td>{r.key ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{badge(r.kind)}</Table.Td>
            <Table.Td>
              <List size="sm" spacing={2}>
                {r.reasons.map((x) => (
                  <List.Item key={`${x.field}-${x.message}`}>
                    <b>{field(x.field)}</b>: {x.message}
                  </List.Item>
                ))}
              </List>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The counts of a dry run or an import. */
export function ImportCounts({ job, after }: { job: ImportJob; after: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" wrap="wrap" data-testid="import-counts">
      <Text size="sm">{t('imports.counts.total', { count: job.totalRows })}</Text>
      {after ? (
        <Text size="sm" fw={600} c="teal">
          {t('imports.counts.imported', { count: job.importedRows })}
        </Text>
      ) : (
        <Text size="sm" fw={600} c="teal">
          {t('imports.counts.valid', { count: job.validRows })}
        </Text>
      )}
      <Text size="sm" c={job.rejectedRows ? 'red' : undefined}>
        {t('imports.counts.rejected', { count: job.rejectedRows })}
      </Text>
      <Text size="sm">{t('imports.counts.skipped', { count: job.skippedRows })}</Text>
    </Group>
  );
}
