import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatRupiah } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { formatDay } from '../cases/format-day';
import { useServicePlan } from '../services/service.api';
import { ConferenceDialog } from './ConferenceDialog';
import { PlanDialog, VisitDialog } from './PlanDialogs';
import { RepatriationChain } from './RepatriationChain';
import { useActionDone, useConferences, useReintegration } from './reintegration.api';

/** The chain home leg by leg, reintegration with its follow-up visits, and case conferences, on one screen. */
export function ReintegrationTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const data = useReintegration(caseId);
  const plan = useServicePlan(caseId);
  const conferences = useConferences(caseId);
  const actionDone = useActionDone();
  const [dialog, setDialog] = useState<'plan' | 'conference' | null>(null);
  const [visit, setVisit] = useState<{ id: string; version: number } | null>(null);
  if (data.isPending) return <Skeleton height={240} radius="md" />;
  if (!data.data) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const r = data.data;
  const persons = (plan.data?.persons ?? []).map((p) => ({
    personId: p.personId,
    label: p.name ?? p.initials,
  }));
  return (
    <Stack gap="lg">
      {r.flags.map((f) => (
        <Alert
          key={f.flag}
          color="red"
          variant="filled"
          title={t(`reintegration.flags.${f.flag as 'retrafficked' | 'remigrated'}`)}
        >
          {formatDay(f.setAt.slice(0, 10), lang)}
        </Alert>
      ))}
      {r.abilities.edit ? (
        <Group gap="sm">
          <Button variant="default" onClick={() => setDialog('plan')} disabled={!persons.length}>
            {t('reintegration.addPlan')}
          </Button>
          <Button variant="default" onClick={() => setDialog('conference')}>
            {t('reintegration.addConference')}
          </Button>
        </Group>
      ) : null}
      <RepatriationChain
        caseId={caseId}
        legs={r.legs}
        persons={persons}
        canRecord={r.abilities.addLeg}
        withDocuments
      />
      <section aria-labelledby="plan-r-heading">
        <Title order={2} fz="h4" mb="sm" id="plan-r-heading">
          {t('reintegration.planTitle')}
        </Title>
        {r.plans.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reintegration.planEmpty')}
          </Text>
        ) : (
          <Stack gap="sm">
            {r.plans.map((p) => (
              <Card key={p.id} withBorder radius="md" padding="sm">
                <Text fw={600}>
                  {t(`reintegration.supports.${p.supportType}`)} · {p.providerAgency} · {p.personInitials}
                </Text>
                <Text size="sm" c="dimmed">
                  {p.items ? `${p.items} · ` : ''}
                  {p.amount !== null ? `${formatRupiah(p.amount, lang)} · ` : ''}
                  {t('reintegration.start')} {formatDay(p.startDate, lang)}
                </Text>
                <Stack gap={6} mt="xs">
                  {p.visits.map((v) => (
                    <Group key={v.id} data-testid="follow-up" gap="xs" wrap="wrap" align="flex-start">
                      <Text size="sm" fw={600}>
                        {t('reintegration.month', { month: v.month })}
                      </Text>
                      <Text size="sm">{formatDay(v.visitedOn ?? v.dueDate, lang)}</Text>
                      {v.situation ? (
                        <Badge
                          radius="sm"
                          color={
                            v.situation === 're_trafficked' || v.situation === 're_migrated' ? 'red' : 'teal'
                          }
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          {t(`reintegration.situations.${v.situation}`)}
                        </Badge>
                      ) : v.overdue ? (
                        <Badge
                          radius="sm"
                          color="red"
                          variant="light"
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          {t('services.service.overdue')}
                        </Badge>
                      ) : null}
                      {!v.visitedOn && r.abilities.edit ? (
                        <Button size="compact-xs" variant="light" onClick={() => setVisit(v)}>
                          {t('reintegration.record')}
                        </Button>
                      ) : null}
                      {v.findings ? (
                        <Text size="sm" c="dimmed" w="100%">
                          {v.findings}
                        </Text>
                      ) : null}
                    </Group>
                  ))}
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="conf-heading">
        <Title order={2} fz="h4" mb="sm" id="conf-heading">
          {t('reintegration.conferencesTitle')}
        </Title>
        {!conferences.data?.length ? (
          <Text size="sm" c="dimmed">
            {t('reintegration.conferencesEmpty')}
          </Text>
        ) : (
          <Stack gap="sm">
            {conferences.data.map((c) => (
              <Card key={c.id} withBorder radius="md" padding="sm">
                <Text fw={600}>
                  {formatDay(c.heldOn, lang)} · {c.agencies.join(', ')}
                </Text>
                {c.summary ? <Text size="sm">{c.summary}</Text> : null}
                {c.decisions ? (
                  <Text size="sm">
                    {t('reintegration.decisions')}: {c.decisions}
                  </Text>
                ) : null}
                {c.actions.map((a) => (
                  <Group key={a.id} gap="xs" mt={4} wrap="wrap">
                    <Badge radius="sm" color={a.doneAt ? 'teal' : a.overdue ? 'red' : 'blue'} variant="light">
                      {a.doneAt ? t('reintegration.done') : formatDay(a.dueDate, lang)}
                    </Badge>
                    <Text size="sm">
                      {a.description ?? ''} · {a.ownerAgency}
                    </Text>
                    {!a.doneAt && r.abilities.edit ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => actionDone.mutate({ id: a.id, version: a.version })}
                      >
                        {t('reintegration.markActionDone')}
                      </Button>
                    ) : null}
                  </Group>
                ))}
              </Card>
            ))}
          </Stack>
        )}
      </section>
      {dialog === 'plan' ? (
        <PlanDialog caseId={caseId} persons={persons} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'conference' ? <ConferenceDialog caseId={caseId} onClose={() => setDialog(null)} /> : null}
      {visit ? <VisitDialog visit={visit} onClose={() => setVisit(null)} /> : null}
    </Stack>
  );
}
