import { Alert, Badge, Button, Card, Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import type { LegalTrack, RestitutionView, SuspectView } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { valueLabel } from '../cases/case-values';
import { formatDay } from '../cases/format-day';
import { RestitutionCard, Section, StageTimeline, SuspectCard } from './LegalSections';
import { useAssignPolice, useLegalTrack } from './legal.api';
import { fieldError, legalLabel, rupiah } from './legal-form';
import { ProtectionApplyDialog, ProtectionDecideDialog } from './ProtectionDialogs';
import { ReportDialog } from './ReportDialog';
import { PaymentDialog, RestitutionRequestDialog, RestitutionUpdateDialog } from './RestitutionDialogs';
import { StageDialog } from './StageDialog';
import { SuspectDialog, SuspectStatusDialog } from './SuspectDialog';

type Dialog =
  | { kind: 'stage' | 'report' | 'suspect' | 'restitution' | 'protection' }
  | { kind: 'status'; suspect: SuspectView }
  | { kind: 'updateRestitution' | 'payment'; r: RestitutionView }
  | { kind: 'decide'; p: LegalTrack['protections'][number] };

/** The case team names the police agency that takes the case on. */
function AssignPolice({ track }: { track: LegalTrack }) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions({ activeOnly: true });
  const assign = useAssignPolice(track.caseId);
  const [agency, setAgency] = useState<string | null>(track.policeAgencyId);
  const police = (agencies.data ?? []).filter((a) => a.sector === 'police');
  return (
    <Card withBorder radius="md" padding="sm">
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          style={{ flex: '1 1 14rem' }}
          label={t('legal.police.label')}
          description={t('legal.police.help')}
          data={police.map((a) => ({ value: a.id, label: a.shortName }))}
          value={agency}
          onChange={setAgency}
          error={fieldError(assign.error, 'policeAgencyId')}
        />
        <Button
          variant="default"
          disabled={!agency || agency === track.policeAgencyId}
          loading={assign.isPending}
          onClick={() => assign.mutate({ version: track.version, policeAgencyId: agency! })}
        >
          {t('legal.police.save')}
        </Button>
      </Group>
    </Card>
  );
}

/** The law-enforcement track of a case: stages, police reports, suspects, restitution, LPSK protection. */
export function LegalTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const query = useLegalTrack(caseId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (query.isPending) return <Skeleton height={200} radius="md" aria-label={t('app.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const track = query.data;
  const edit = track.abilities.edit;
  const personLabel = (p: LegalTrack['people'][number], i: number) =>
    `${valueLabel(lang, 'personRoles', p.role)} ${i + 1}${p.initials ? ` (${p.initials})` : ''}`;
  const victims = track.people
    .filter((p) => p.role === 'victim')
    .map((p, i) => ({ value: p.id, label: personLabel(p, i) }));
  const people = track.people.map((p, i) => ({ value: p.id, label: personLabel(p, i) }));
  const owed = track.restitutions.reduce((sum, r) => sum + r.owed, 0);
  const close = () => setDialog(null);

  return (
    // Document numbers are long tokens: let them break rather than widen the page on a phone.
    <Stack gap="lg" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
      <Card withBorder radius="md" padding="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Text size="xs" c="dimmed">
              {t('legal.currentStage')}
            </Text>
            <Group gap="xs">
              <Badge size="lg" variant="light" color={track.stage === 'sp3' ? 'gray' : 'indigo'}>
                {track.stage ? legalLabel(lang, 'stages', track.stage) : t('legal.notStarted')}
              </Badge>
              {track.stageOn ? (
                <Text size="sm">{t('legal.since', { date: formatDay(track.stageOn, lang) })}</Text>
              ) : null}
            </Group>
          </div>
          <Text size="sm" aria-label={t('legal.restitution.totalOwed')}>
            {t('legal.restitution.totalOwed')}: <b>{rupiah(owed, lang)}</b>
          </Text>
          {edit && track.abilities.nextStages.length && track.stage ? (
            <Button onClick={() => setDialog({ kind: 'stage' })}>{t('legal.stage.action')}</Button>
          ) : null}
        </Group>
      </Card>
      {track.abilities.assignPolice ? <AssignPolice track={track} /> : null}
      {!track.stage && !edit ? <Alert color="blue">{t('legal.emptyReader')}</Alert> : null}

      <Section id="legal-stages" title={t('legal.stagesTitle')}>
        <StageTimeline track={track} />
      </Section>

      <Section
        id="legal-reports"
        title={t('legal.reportsTitle')}
        action={
          edit ? (
            <Button variant="default" size="sm" onClick={() => setDialog({ kind: 'report' })}>
              {t('legal.report.action')}
            </Button>
          ) : null
        }
      >
        {track.reports.length === 0 ? (
          <Text size="sm">{edit ? t('legal.reportsEmptyEditor') : t('legal.reportsEmpty')}</Text>
        ) : (
          <Stack gap="xs">
            {track.reports.map((r) => (
              <Text key={r.id} size="sm">
                {r.number} · {formatDay(r.reportDate, lang)} · {legalLabel(lang, 'units', r.unit)} ·{' '}
                {legalLabel(lang, 'reportTypes', r.type)}
              </Text>
            ))}
          </Stack>
        )}
      </Section>

      <Section
        id="legal-suspects"
        title={t('legal.suspectsTitle')}
        action={
          edit ? (
            <Button variant="default" size="sm" onClick={() => setDialog({ kind: 'suspect' })}>
              {t('legal.suspect.action')}
            </Button>
          ) : null
        }
      >
        {track.suspects.length === 0 ? (
          <Text size="sm">{t('legal.suspectsEmpty')}</Text>
        ) : (
          <Stack gap="xs">
            {track.suspects.map((s) => (
              <SuspectCard
                key={s.id}
                s={s}
                onStatus={edit ? () => setDialog({ kind: 'status', suspect: s }) : undefined}
              />
            ))}
          </Stack>
        )}
      </Section>

      <Section
        id="legal-restitution"
        title={t('legal.restitutionTitle')}
        action={
          edit && victims.length ? (
            <Button variant="default" size="sm" onClick={() => setDialog({ kind: 'restitution' })}>
              {t('legal.restitution.action')}
            </Button>
          ) : null
        }
      >
        {track.restitutions.length === 0 ? (
          <Text size="sm">{t('legal.restitutionEmpty')}</Text>
        ) : (
          <Stack gap="xs">
            {track.restitutions.map((r) => (
              <RestitutionCard
                key={r.id}
                r={r}
                actions={
                  edit ? (
                    <>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setDialog({ kind: 'updateRestitution', r })}
                      >
                        {t('legal.restitution.update')}
                      </Button>
                      {r.grantedAmount !== null && r.owed > 0 ? (
                        <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'payment', r })}>
                          {t('legal.restitution.payment')}
                        </Button>
                      ) : null}
                    </>
                  ) : null
                }
              />
            ))}
          </Stack>
        )}
      </Section>

      <Section
        id="legal-protection"
        title={t('legal.protectionTitle')}
        action={
          edit && people.length ? (
            <Button variant="default" size="sm" onClick={() => setDialog({ kind: 'protection' })}>
              {t('legal.protection.action')}
            </Button>
          ) : null
        }
      >
        {track.protections.length === 0 ? (
          <Text size="sm">{t('legal.protectionEmpty')}</Text>
        ) : (
          <Stack gap="xs">
            {track.protections.map((p) => (
              <Group key={p.id} gap="xs" wrap="wrap">
                <Text size="sm">
                  {valueLabel(lang, 'personRoles', p.personRole)} {p.personInitials ?? ''} ·{' '}
                  {t('legal.protection.appliedOn')} {formatDay(p.appliedOn, lang)}
                  {p.kinds.length
                    ? ` · ${p.kinds.map((k) => legalLabel(lang, 'protectionKinds', k)).join(', ')}`
                    : ''}
                </Text>
                <Badge
                  variant="light"
                  color={p.decision === 'granted' ? 'green' : p.decision === 'refused' ? 'red' : 'gray'}
                >
                  {legalLabel(lang, 'decisions', p.decision)}
                </Badge>
                {edit && p.decision === 'pending' ? (
                  <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'decide', p })}>
                    {t('legal.protection.decide')}
                  </Button>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
      </Section>

      {dialog?.kind === 'stage' ? <StageDialog track={track} onClose={close} /> : null}
      {dialog?.kind === 'report' ? <ReportDialog track={track} victims={victims} onClose={close} /> : null}
      {dialog?.kind === 'suspect' ? <SuspectDialog caseId={caseId} onClose={close} /> : null}
      {dialog?.kind === 'status' ? (
        <SuspectStatusDialog caseId={caseId} suspect={dialog.suspect} onClose={close} />
      ) : null}
      {dialog?.kind === 'restitution' ? (
        <RestitutionRequestDialog caseId={caseId} victims={victims} onClose={close} />
      ) : null}
      {dialog?.kind === 'updateRestitution' ? (
        <RestitutionUpdateDialog caseId={caseId} r={dialog.r} onClose={close} />
      ) : null}
      {dialog?.kind === 'payment' ? <PaymentDialog caseId={caseId} r={dialog.r} onClose={close} /> : null}
      {dialog?.kind === 'protection' ? (
        <ProtectionApplyDialog caseId={caseId} people={people} onClose={close} />
      ) : null}
      {dialog?.kind === 'decide' ? (
        <ProtectionDecideDialog caseId={caseId} p={dialog.p} onClose={close} />
      ) : null}
    </Stack>
  );
}
