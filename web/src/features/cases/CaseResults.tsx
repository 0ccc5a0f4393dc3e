import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { type CaseSummary, formatDate } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../app/session';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';
import { useLanguage } from '../../i18n';
import { FirstResponseBadge, RiskBadge, StageBadge } from './CaseBadges';
import { coreLabel } from './case-values';

/** "2 korban (1 anak)" and, for the case team only, the victims' initials. */
function Victims({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {item.childVictimCount > 0
          ? t('cases.victimsWithChildren', { count: item.victimCount, children: item.childVictimCount })
          : t('cases.victims', { count: item.victimCount })}
      </Text>
      {item.victimInitials && item.victimInitials.length > 0 ? (
        <Text size="xs" c="dimmed">
          {item.victimInitials.join(', ')}
        </Text>
      ) : null}
    </Stack>
  );
}

function CaseLink({ item, nowrap = false }: { item: CaseSummary; nowrap?: boolean }) {
  return (
    <Anchor
      component={Link}
      to={`/cases/${item.id}`}
      fw={600}
      style={nowrap ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }}
    >
      {item.caseNumber}
    </Anchor>
  );
}

/** Cases as a table on a desktop and as cards on a phone. */
export function CaseResults({ cases }: { cases: CaseSummary[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const phone = usePhoneLayout();

  if (phone) {
    return (
      <Stack gap="sm">
        {cases.map((item) => (
          <Card key={item.id} withBorder padding="sm" radius="md" component="article">
            <CaseLink item={item} />
            <Text size="sm" mt={4}>
              {coreLabel(lang, 'caseType', item.caseType)}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDate(item.reportedAt, lang, zone)} · {item.leadAgency.shortName}
            </Text>
            <Group gap="xs" mt={6} wrap="wrap">
              <StageBadge stage={item.stage} />
              <RiskBadge risk={item.risk} />
              <FirstResponseBadge firstResponse={item.firstResponse} />
            </Group>
            <Group mt={6}>
              <Victims item={item} />
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.caseNumber')}</Table.Th>
            <Table.Th scope="col">{t('cases.stageAndRisk')}</Table.Th>
            <Table.Th scope="col">{t('cases.reportedAt')}</Table.Th>
            <Table.Th scope="col">{t('cases.leadAgencyShort')}</Table.Th>
            <Table.Th scope="col">{t('cases.victimsColumn')}</Table.Th>
            <Table.Th scope="col">{t('cases.firstResponse')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <CaseLink item={item} nowrap />
                <Text size="xs" c="dimmed">
                  {coreLabel(lang, 'caseType', item.caseType)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StageBadge stage={item.stage} />
                  <RiskBadge risk={item.risk} />
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.reportedAt, lang, zone)}</Table.Td>
              <Table.Td>{item.leadAgency.shortName}</Table.Td>
              <Table.Td>
                <Victims item={item} />
              </Table.Td>
              <Table.Td>
                <FirstResponseBadge firstResponse={item.firstResponse} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
