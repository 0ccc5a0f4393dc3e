import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ServicePlan, SOP_STAGES, type SopStage } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { ReferralCard } from './ReferralCard';
import { ReferralDialog } from './ReferralDialog';
import { ServiceBoard } from './ServiceBoard';
import { ServiceCreateDialog } from './ServiceDialogs';
import { useCaseReferrals, useServicePlan, useSetNeeds } from './service.api';

function NeedsDialog({
  caseId,
  person,
  onClose,
}: {
  caseId: string;
  person: ServicePlan['persons'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSetNeeds(caseId, person.personId);
  const [stages, setStages] = useState<string[]>(person.needs);
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${t('services.tab.editNeeds')}: ${person.name ?? person.initials}`}
    >
      <Stack gap="md">
        <Checkbox.Group value={stages} onChange={setStages} label={t('services.tab.needs')}>
          <Stack gap={6} mt={6}>
            {SOP_STAGES.map((s) => (
              <Checkbox key={s} value={s} label={t(`services.stages.${s}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ stages: stages as SopStage[] }, { onSuccess: onClose })}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The case's services: plan per victim, status board by SOP stage, and referrals with their state. */
export function ServicesTab({ caseId, canSeeCase }: { caseId: string; canSeeCase: boolean }) {
  const { t } = useTranslation();
  const plan = useServicePlan(caseId);
  const referrals = useCaseReferrals(caseId, canSeeCase);
  const [dialog, setDialog] = useState<'refer' | 'service' | null>(null);
  const [needsFor, setNeedsFor] = useState<ServicePlan['persons'][number] | null>(null);
  if (plan.isPending) return <Skeleton height={240} radius="md" />;
  if (!plan.data) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const data = plan.data;
  return (
    <Stack gap="lg">
      {!canSeeCase ? (
        <Alert color="blue" variant="light">
          {t('services.tab.receiverNote')}
        </Alert>
      ) : null}
      <Group gap="sm">
        {data.abilities.refer && data.persons.length ? (
          <Button onClick={() => setDialog('refer')}>{t('services.tab.refer')}</Button>
        ) : null}
        {data.abilities.addService && data.persons.length ? (
          <Button variant="default" onClick={() => setDialog('service')}>
            {t('services.tab.addService')}
          </Button>
        ) : null}
      </Group>
      {canSeeCase || data.persons.length ? (
        <section aria-labelledby="plan-heading">
          <Title order={2} fz="h4" mb="sm" id="plan-heading">
            {t('services.tab.planTitle')}
          </Title>
          {data.persons.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('services.tab.planEmpty')}
            </Text>
          ) : (
            <Stack gap="sm">
              {data.persons.map((p) => (
                <Card key={p.personId} withBorder radius="md" padding="sm">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text fw={600}>{p.name ?? p.initials}</Text>
                    {data.abilities.editNeeds ? (
                      <Button size="xs" variant="light" onClick={() => setNeedsFor(p)}>
                        {t('services.tab.editNeeds')}
                      </Button>
                    ) : null}
                  </Group>
                  <Group gap={6} mt={6}>
                    {p.needs.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('services.tab.needsNone')}
                      </Text>
                    ) : (
                      p.needs.map((n) => {
                        const served = data.services.some(
                          (s) =>
                            s.personId === p.personId &&
                            s.stage === n &&
                            s.status !== 'declined' &&
                            s.status !== 'cancelled',
                        );
                        return (
                          <Badge
                            key={n}
                            variant={served ? 'light' : 'outline'}
                            color={served ? 'teal' : 'orange'}
                            radius="sm"
                          >
                            {t(`services.stages.${n}`)}
                          </Badge>
                        );
                      })
                    )}
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </section>
      ) : null}
      <section aria-labelledby="board-heading">
        <Title order={2} fz="h4" mb="sm" id="board-heading">
          {t('services.tab.boardTitle')}
        </Title>
        <ServiceBoard services={data.services} />
      </section>
      {canSeeCase ? (
        <section aria-labelledby="referrals-heading">
          <Title order={2} fz="h4" mb="sm" id="referrals-heading">
            {t('services.tab.referralsTitle')}
          </Title>
          {referrals.data?.length ? (
            <Stack gap="sm">
              {referrals.data.map((r) => (
                <ReferralCard key={r.id} referral={r} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              {t('services.tab.referralsEmpty')}
            </Text>
          )}
        </section>
      ) : null}
      {dialog === 'refer' ? (
        <ReferralDialog caseId={caseId} persons={data.persons} opened onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'service' ? (
        <ServiceCreateDialog caseId={caseId} persons={data.persons} opened onClose={() => setDialog(null)} />
      ) : null}
      {needsFor ? <NeedsDialog caseId={caseId} person={needsFor} onClose={() => setNeedsFor(null)} /> : null}
    </Stack>
  );
}
