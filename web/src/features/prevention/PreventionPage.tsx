import { Anchor, Button, Card, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import type { AlertStatus, PreventionActivity, RecruitmentAlert, WatchGroup } from '@sinergi/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { useLanguage } from '../../i18n';
import { formatDay } from '../cases/format-day';
import { AlertForm } from './AlertForm';
import { AlertStatusDialog } from './AlertStatusDialog';
import { OutreachForm, WatchGroupForm } from './PreventionForms';
import { useAlerts, useOutreach, useWatchGroups } from './prevention.api';
import { RemoveRecordDialog } from './RemoveRecordDialog';

const ALERT_COLOR: Record<AlertStatus, string> = {
  reported: 'orange',
  verified: 'yellow',
  forwarded_police: 'red',
  forwarded_bp3mi: 'grape',
  closed: 'gray',
};
const TABS = ['outreach', 'groups', 'alerts'] as const;

function ListState<T>({
  query,
  empty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: T[]; refetch: () => unknown };
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <Skeleton height={160} radius="md" />;
  if (query.isError || !query.data)
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <Text c="dimmed">{empty}</Text>;
  return <Stack gap="xs">{children(query.data)}</Stack>;
}

/** Prevention work: outreach sessions by village, community-watch groups, recruitment alerts. */
export function PreventionPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const canRecord = usePermission('plan.report');
  const filters = useUrlFilters(['tab'] as const);
  const tab = (TABS as readonly string[]).includes(filters.values.tab) ? filters.values.tab : 'outreach';
  const outreach = useOutreach();
  const groups = useWatchGroups();
  const alerts = useAlerts();
  const [open, setOpen] = useState<'outreach' | 'groups' | 'alerts' | null>(null);
  const [changing, setChanging] = useState<RecruitmentAlert | null>(null);
  const [editing, setEditing] = useState<
    | { kind: 'outreach'; record: PreventionActivity }
    | { kind: 'groups'; record: WatchGroup }
    | { kind: 'alerts'; record: RecruitmentAlert }
    | null
  >(null);
  const [removing, setRemoving] = useState<{
    kind: 'activities' | 'watch-groups' | 'alerts';
    record: { id: string; version: number; label: string };
  } | null>(null);
  const addLabel = {
    outreach: t('prevention.outreach.add'),
    groups: t('prevention.groups.add'),
    alerts: t('prevention.alerts.add'),
  };
  return (
    <>
      <PageHeader
        title={t('prevention.title')}
        description={t('prevention.description')}
        action={
          canRecord ? (
            <Button onClick={() => setOpen(tab as (typeof TABS)[number])}>
              {addLabel[tab as (typeof TABS)[number]]}
            </Button>
          ) : null
        }
      />
      <Tabs value={tab} onChange={(v) => filters.setFilter('tab', v ?? 'outreach')}>
        <Tabs.List mb="md">
          <Tabs.Tab value="outreach">{t('prevention.outreach.title')}</Tabs.Tab>
          <Tabs.Tab value="groups">{t('prevention.groups.title')}</Tabs.Tab>
          <Tabs.Tab value="alerts">{t('prevention.alerts.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="outreach">
          <ListState query={outreach} empty={t('prevention.outreach.empty')}>
            {(items) =>
              items.map((a) => (
                <Card key={a.id} withBorder radius="md" padding="sm" data-testid="outreach">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      {a.topic}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {formatDay(a.heldOn, lang)}
                    </Text>
                  </Group>
                  <Text size="sm">
                    {a.villageName}, {a.districtName} · {t(`prevention.targetGroups.${a.targetGroup}`)} ·{' '}
                    {a.agencyShortName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('prevention.outreach.participantsLine', {
                      total: a.participantsTotal,
                      am: a.participants.adultMale,
                      af: a.participants.adultFemale,
                      cm: a.participants.childMale,
                      cf: a.participants.childFemale,
                    })}
                  </Text>
                  {a.activityTitle ? (
                    <Text size="sm" c="dimmed">
                      {t('meetings.activity', { title: a.activityTitle })}
                    </Text>
                  ) : null}
                  {a.can.edit ? (
                    <RecordActions
                      label={a.topic}
                      onEdit={() => setEditing({ kind: 'outreach', record: a })}
                      onRemove={() =>
                        setRemoving({
                          kind: 'activities',
                          record: { id: a.id, version: a.version, label: a.topic },
                        })
                      }
                    />
                  ) : null}
                </Card>
              ))
            }
          </ListState>
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <ListState query={groups} empty={t('prevention.groups.empty')}>
            {(items) =>
              items.map((g) => (
                <Card key={g.id} withBorder radius="md" padding="sm" data-testid="watch-group">
                  <Text size="sm" fw={600}>
                    {g.name}
                  </Text>
                  <Text size="sm">
                    {g.villageName}, {g.districtName} ·{' '}
                    {t('prevention.groups.membersLine', {
                      count: g.membersCount,
                      date: formatDay(g.formedOn, lang),
                    })}
                  </Text>
                  {g.contact ? (
                    <Text size="sm" c="dimmed">
                      {g.contact}
                    </Text>
                  ) : null}
                  {g.can.edit ? (
                    <RecordActions
                      label={g.name}
                      onEdit={() => setEditing({ kind: 'groups', record: g })}
                      onRemove={() =>
                        setRemoving({
                          kind: 'watch-groups',
                          record: { id: g.id, version: g.version, label: g.name },
                        })
                      }
                    />
                  ) : null}
                </Card>
              ))
            }
          </ListState>
        </Tabs.Panel>
        <Tabs.Panel value="alerts">
          <ListState query={alerts} empty={t('prevention.alerts.empty')}>
            {(items) =>
              items.map((a) => (
                <Card key={a.id} withBorder radius="md" padding="sm" data-testid="alert">
                  <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                    <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      {a.channel === 'Offline' ? t('prevention.alerts.offline') : a.channel} ·{' '}
                      {formatDay(a.seenOn, lang)}
                    </Text>
                    <StatusBadge
                      label={t(`prevention.alertStatuses.${a.status}`)}
                      color={ALERT_COLOR[a.status]}
                    />
                  </Group>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {a.description}
                  </Text>
                  {a.link ? (
                    <Anchor
                      href={a.link}
                      target="_blank"
                      rel="noreferrer"
                      size="sm"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {a.link}
                    </Anchor>
                  ) : null}
                  <Text size="sm" c="dimmed">
                    {[a.villageName, a.placeNote].filter(Boolean).join(' · ')}
                    {a.villageName || a.placeNote ? ' · ' : ''}
                    {t('prevention.alerts.reportedByLine', { who: a.reportedBy, agency: a.agencyShortName })}
                  </Text>
                  {a.statusNote ? <Text size="sm">{a.statusNote}</Text> : null}
                  {a.caseNumber ? (
                    <Text size="sm" c="dimmed">
                      {t('meetings.case', { number: a.caseNumber })}
                    </Text>
                  ) : null}
                  {a.next.length || a.can.edit ? (
                    <Group justify="flex-end" mt="xs" gap="xs">
                      {a.can.edit ? (
                        <RecordActions
                          label={a.channel}
                          onEdit={() => setEditing({ kind: 'alerts', record: a })}
                          onRemove={() =>
                            setRemoving({
                              kind: 'alerts',
                              record: { id: a.id, version: a.version, label: formatDay(a.seenOn, lang) },
                            })
                          }
                        />
                      ) : null}
                      {a.next.length ? (
                        <Button size="xs" onClick={() => setChanging(a)}>
                          {t('prevention.alerts.changeStatus')}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Card>
              ))
            }
          </ListState>
        </Tabs.Panel>
      </Tabs>
      <OutreachForm opened={open === 'outreach'} onClose={() => setOpen(null)} />
      <WatchGroupForm opened={open === 'groups'} onClose={() => setOpen(null)} />
      <AlertForm opened={open === 'alerts'} onClose={() => setOpen(null)} />
      <AlertStatusDialog alert={changing} onClose={() => setChanging(null)} />
      {editing?.kind === 'outreach' ? (
        <OutreachForm
          key={editing.record.id}
          opened
          record={editing.record}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'groups' ? (
        <WatchGroupForm
          key={editing.record.id}
          opened
          record={editing.record}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'alerts' ? (
        <AlertForm key={editing.record.id} opened record={editing.record} onClose={() => setEditing(null)} />
      ) : null}
      <RemoveRecordDialog
        kind={removing?.kind ?? 'activities'}
        record={removing?.record ?? null}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}

/** Correct and remove, for those who may change the record. */
function RecordActions({
  label,
  onEdit,
  onRemove,
}: {
  label: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="flex-end" mt="xs">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={t('prevention.editLabel', { label })}>
        {t('prevention.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={onRemove}
        aria-label={t('prevention.remove.label', { label })}
      >
        {t('common.remove')}
      </Button>
    </Group>
  );
}
