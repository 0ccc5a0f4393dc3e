import { Alert, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type CaseDetail, formatDateTime } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { Fact } from '../../../app/ui/Fact';
import { useLanguage } from '../../../i18n';
import { FirstResponseBadge, RiskBadge, StageBadge } from '../CaseBadges';
import { coreLabel, valueLabel } from '../case-values';
import { formatDay } from '../format-day';
import { ReportEditForm } from './ReportEditForm';
import { StageActions } from './StageActions';
import { TeamEditForm } from './TeamEditForm';

/** The case at a glance: stage, risk, deadlines, who leads it, what is missing, and the stage moves. */
export function SummaryTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const [editing, setEditing] = useState(false);
  const [editingTeam, setEditingTeam] = useState(false);
  const full = detail.access === 'full';

  if (editingTeam) {
    return (
      <Stack gap="md">
        <Title order={2} fz="h4">
          {t('cases.teamSection.edit')}
        </Title>
        <TeamEditForm detail={detail} onDone={() => setEditingTeam(false)} />
      </Stack>
    );
  }
  if (editing) {
    return (
      <Stack gap="md">
        <Title order={2} fz="h4">
          {t('cases.editReport')}
        </Title>
        <ReportEditForm detail={detail} onDone={() => setEditing(false)} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <StageBadge stage={detail.stage} />
        <RiskBadge risk={detail.risk} />
        <FirstResponseBadge firstResponse={detail.firstResponse} />
        {detail.flags.map((f) => (
          <Badge key={f.flag} color="red" variant="filled" radius="sm" maw="100%">
            {t(`reintegration.flags.${f.flag}`)} · {formatDay(f.setAt.slice(0, 10), lang)}
          </Badge>
        ))}
      </Group>
      {detail.warnings.length > 0 ? (
        <Alert color="orange" variant="light" title={t('cases.warningsTitle')}>
          <List size="sm" spacing={2}>
            {detail.warnings.map((warning) => (
              <List.Item key={warning}>{valueLabel(lang, 'warnings', warning)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <StageActions detail={detail} />
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="summary-report">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} fz="h5" id="summary-report">
            {t('cases.intake.sectionReport')}
          </Title>
          {detail.abilities.edit ? (
            <Button size="xs" variant="light" onClick={() => setEditing(true)} className="no-print">
              {t('cases.editReport')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label={t('cases.caseType')}>{coreLabel(lang, 'caseType', detail.caseType)}</Fact>
          <Fact label={t('cases.intake.reportedAt')}>{formatDateTime(detail.reportedAt, lang, zone)}</Fact>
          <Fact label={t('cases.intake.incidentDate')}>{formatDay(detail.incidentDate, lang)}</Fact>
          <Fact label={t('cases.channel')}>{valueLabel(lang, 'channels', detail.channel)}</Fact>
          <Fact label={t('cases.reportingParty')}>
            {valueLabel(lang, 'reportingParties', detail.reportingParty)}
          </Fact>
          <Fact label={t('cases.risk')}>{coreLabel(lang, 'risk', detail.risk)}</Fact>
          <Fact label={t('cases.occurrenceRegion')}>{detail.occurrenceRegion?.name}</Fact>
          {full ? <Fact label={t('cases.placeOfOccurrence')}>{detail.placeOfOccurrence}</Fact> : null}
          <Fact label={t('cases.simfoniId')}>{detail.simfoniId}</Fact>
        </SimpleGrid>
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="summary-deadlines">
        <Title order={2} fz="h5" mb="sm" id="summary-deadlines">
          {t('cases.deadlinesTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label={t('cases.firstResponseDue')}>
            {formatDateTime(detail.firstResponse.dueAt, lang, zone)}
          </Fact>
          <Fact label={t('cases.firstResponseDone')}>
            {detail.firstResponse.doneAt
              ? formatDateTime(detail.firstResponse.doneAt, lang, zone)
              : t('cases.notYet')}
          </Fact>
          <Fact label={t('cases.firstResponse')}>
            <FirstResponseBadge firstResponse={detail.firstResponse} />
          </Fact>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          {t('cases.firstResponseExplained')}
        </Text>
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="summary-handling">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} fz="h5" id="summary-handling">
            {t('cases.handlingTitle')}
          </Title>
          {detail.abilities.edit ? (
            <Button size="xs" variant="light" onClick={() => setEditingTeam(true)} className="no-print">
              {t('cases.teamSection.edit')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label={t('cases.leadAgency')}>{detail.leadAgency.shortName}</Fact>
          <Fact label={t('cases.team')}>{detail.team.map((m) => m.displayName).join(', ')}</Fact>
          <Fact label={t('cases.latestScreening')}>
            {detail.latestScreening
              ? valueLabel(lang, 'screeningResults', detail.latestScreening)
              : t('cases.notYet')}
          </Fact>
          <Fact label={t('cases.victimsColumn')}>
            {detail.childVictimCount > 0
              ? t('cases.victimsWithChildren', {
                  count: detail.victimCount,
                  children: detail.childVictimCount,
                })
              : t('cases.victims', { count: detail.victimCount })}
          </Fact>
          {detail.closureReason ? (
            <Fact label={t('cases.transition.closureReason')}>
              {valueLabel(lang, 'closureReasons', detail.closureReason)}
            </Fact>
          ) : null}
        </SimpleGrid>
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="summary-narrative">
        <Title order={2} fz="h5" mb="sm" id="summary-narrative">
          {t('cases.narrative')}
        </Title>
        {full ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {detail.narrative || t('common.notSet')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('cases.narrativeHidden')}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
