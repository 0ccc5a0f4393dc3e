import { Badge, Button, Card, Group, Text, Timeline, Title } from '@mantine/core';
import type { LegalTrack, RestitutionView, SuspectView } from '@sinergi/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatDay } from '../cases/format-day';
import { legalLabel, rupiah } from './legal-form';

export function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </section>
  );
}

/** The stages as a timeline, with dates, document numbers, charges and verdicts. */
export function StageTimeline({ track }: { track: LegalTrack }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!track.stages.length) return <Text size="sm">{t('legal.stagesEmpty')}</Text>;
  return (
    <Timeline
      bulletSize={14}
      lineWidth={2}
      active={track.stages.length - 1}
      aria-label={t('legal.stagesTitle')}
    >
      {track.stages.map((s) => (
        <Timeline.Item key={s.id} title={legalLabel(lang, 'stages', s.stage)}>
          <Text size="xs" c="dimmed">
            {[formatDay(s.on, lang), s.documentNumber, s.recordedAgency].filter(Boolean).join(' · ')}
          </Text>
          {s.prosecutionAgency ? (
            <Text size="sm">{t('legal.handedTo', { agency: s.prosecutionAgency })}</Text>
          ) : null}
          {s.charges?.length ? (
            <Text size="sm">{t('legal.chargesLine', { charges: s.charges.join('; ') })}</Text>
          ) : null}
          {s.verdict ? (
            <Text size="sm">
              {[
                s.verdict.court,
                legalLabel(lang, 'outcomes', s.verdict.outcome),
                s.verdict.outcome === 'guilty'
                  ? t('legal.verdict.months', { count: s.verdict.prisonMonths })
                  : null,
                s.verdict.fineRupiah
                  ? `${t('legal.verdict.fine')} ${rupiah(s.verdict.fineRupiah, lang)}`
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          ) : null}
          {s.reason ? <Text size="sm">{s.reason}</Text> : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

export function SuspectCard({ s, onStatus }: { s: SuspectView; onStatus?: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const name = s.kind === 'corporation' ? s.companyName : (s.identity?.fullName ?? t('legal.suspect.hidden'));
  const detention = s.detentions.at(-1);
  return (
    <Card withBorder radius="md" padding="sm" component="article">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              legalLabel(lang, 'suspectKinds', s.kind),
              legalLabel(lang, 'suspectRoles', s.roleInProcess),
              s.identity?.nik ? `NIK ${s.identity.nik}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Text size="xs">
            {s.statusHistory
              .map((h) => `${legalLabel(lang, 'suspectStatuses', h.status)} (${formatDay(h.on, lang)})`)
              .join(' → ')}
          </Text>
          {detention ? (
            <Text size="xs">
              {t('legal.suspect.detention', {
                place: detention.place,
                from: formatDay(detention.from, lang),
                until: detention.until ? formatDay(detention.until, lang) : t('legal.suspect.ongoing'),
              })}
            </Text>
          ) : null}
        </div>
        <Group gap="xs">
          <Badge variant="light">{legalLabel(lang, 'suspectStatuses', s.status)}</Badge>
          {onStatus ? (
            <Button size="xs" variant="default" onClick={onStatus}>
              {t('legal.suspect.changeStatus')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Card>
  );
}

const STATUS_COLOR: Record<string, string> = {
  paid: 'green',
  partially_paid: 'yellow',
  granted: 'blue',
  unpaid_detention: 'red',
};

export function RestitutionCard({ r, actions }: { r: RestitutionView; actions?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      component="article"
      aria-label={t('legal.restitution.cardLabel', { victim: r.victimInitials ?? '' })}
    >
      <Group justify="space-between" wrap="wrap" gap="xs" mb={4}>
        <Text fw={600} size="sm">
          {t('legal.restitution.forVictim', {
            victim: r.victimInitials ?? t('legal.restitution.victimHidden'),
          })}
        </Text>
        <Group gap={4}>
          <Badge color={STATUS_COLOR[r.status] ?? 'gray'} variant="light" maw="100%">
            {legalLabel(lang, 'restitutionStatuses', r.status)}
          </Badge>
          {r.overdue ? (
            <Badge color="red" maw="100%">
              {t('legal.restitution.overdue', { date: formatDay(r.dueOn, lang) })}
            </Badge>
          ) : null}
          {r.requirementsOverdue ? (
            <Badge color="red" maw="100%">
              {t('legal.restitution.requirementsOverdue', { date: formatDay(r.requirementsDueOn, lang) })}
            </Badge>
          ) : null}
        </Group>
      </Group>
      <Text size="sm">
        {t('legal.restitution.requested')}: {rupiah(r.requestedAmount, lang)} ·{' '}
        {t('legal.restitution.lpskAmount')}: {rupiah(r.lpskAmount, lang)} ·{' '}
        {t('legal.restitution.grantedAmount')}: {rupiah(r.grantedAmount, lang)}
      </Text>
      <Text size="sm">
        {t('legal.restitution.paid')}: {rupiah(r.paid, lang)} ·{' '}
        <Text span fw={700}>
          {t('legal.restitution.owed')}: {rupiah(r.owed, lang)}
        </Text>
        {r.dueOn ? ` · ${t('legal.restitution.due')}: ${formatDay(r.dueOn, lang)}` : ''}
      </Text>
      {r.requirementsNoticeOn ? (
        <Text size="sm">
          {r.requirementsCompletedOn
            ? t('legal.restitution.requirementsCompleted', {
                date: formatDay(r.requirementsCompletedOn, lang),
              })
            : t('legal.restitution.requirementsDue', {
                notice: formatDay(r.requirementsNoticeOn, lang),
                date: formatDay(r.requirementsDueOn, lang),
              })}
        </Text>
      ) : null}
      {r.replacedByDetention ? (
        <Text size="sm">{t('legal.restitution.detentionLine', { count: r.detentionMonths ?? 0 })}</Text>
      ) : null}
      {actions ? (
        <Group gap="xs" mt="xs">
          {actions}
        </Group>
      ) : null}
    </Card>
  );
}
