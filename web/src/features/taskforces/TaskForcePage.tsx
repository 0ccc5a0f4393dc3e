import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatDate, type Membership } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useLanguage } from '../../i18n';
import { AttachmentLine } from '../attachments/AttachmentLine';
import { AttachmentUpload } from '../attachments/AttachmentUpload';
import { DecreeForm } from './DecreeForm';
import { FocalPersonForm } from './FocalPersonForm';
import { decreeFilePath, useMembership, useUploadDecreeFile } from './membership.api';

/** The task force: its decrees, sub-task forces and member agencies with focal persons. */
export function TaskForcePage() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const taskForceId = session.taskForce?.id ?? null;
  const membership = useMembership(taskForceId);
  const [decreeOpen, setDecreeOpen] = useState(false);
  const [focalFor, setFocalFor] = useState<{ id: string; name: string } | null>(null);
  const data = membership.data;

  return (
    <>
      <PageHeader
        title={session.taskForce?.name ?? t('membership.title')}
        description={t('membership.description')}
        action={
          data?.can.manage ? (
            <Button onClick={() => setDecreeOpen(true)}>{t('membership.addDecree')}</Button>
          ) : null
        }
      />
      {taskForceId === null ? (
        <Text>{t('membership.noTaskForce')}</Text>
      ) : membership.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={60} radius="sm" />
          ))}
        </Stack>
      ) : membership.isError ? (
        <ErrorAlert error={membership.error} onRetry={() => void membership.refetch()} />
      ) : (
        <Stack gap="lg">
          <Decrees data={membership.data} />
          <SubTaskForces data={membership.data} />
          <Members data={membership.data} onAddFocal={setFocalFor} />
          <DecreeForm
            taskForceId={taskForceId}
            decrees={membership.data.decrees}
            opened={decreeOpen}
            onClose={() => setDecreeOpen(false)}
          />
          <FocalPersonForm taskForceId={taskForceId} agency={focalFor} onClose={() => setFocalFor(null)} />
        </Stack>
      )}
    </>
  );
}

function Decrees({ data }: { data: Membership }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const number = (id: string | null) => data.decrees.find((d) => d.id === id)?.number ?? '';
  return (
    <section aria-labelledby="decrees-title">
      <Title order={2} size="h4" id="decrees-title" mb="xs">
        {t('membership.decrees')}
      </Title>
      {data.decrees.length === 0 ? (
        <Text c="dimmed">{t('membership.noDecrees')}</Text>
      ) : (
        <Stack gap="xs">
          {data.decrees.map((d) => (
            <Card key={d.id} withBorder padding="sm" data-testid="decree">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{d.number}</Text>
                <StatusBadge
                  label={
                    d.inForce
                      ? t('membership.inForce')
                      : t('membership.replacedBy', { number: number(d.replacedById) })
                  }
                  color={d.inForce ? 'teal' : 'gray'}
                />
              </Group>
              <Text size="sm">{d.title}</Text>
              <Text size="sm" c="dimmed">
                {t('membership.signedOnValue', { date: formatDate(`${d.signedOn}T12:00:00Z`, lang, 'UTC') })}
                {d.replacesId ? ` · ${t('membership.changes', { number: number(d.replacesId) })}` : ''}
              </Text>
              <DecreeFile taskForceId={data.taskForceId} decree={d} canManage={data.can.manage} />
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** The signed decree: download for every member, upload or replace for the secretariat. */
function DecreeFile({
  taskForceId,
  decree,
  canManage,
}: {
  taskForceId: string;
  decree: Membership['decrees'][number];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const upload = useUploadDecreeFile(taskForceId, decree.id);
  return (
    <Stack gap="xs" mt="xs">
      {decree.file ? (
        <AttachmentLine
          file={decree.file}
          contentPath={decreeFilePath(taskForceId, decree.id, decree.file.id)}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('membership.noDecreeFile')}
        </Text>
      )}
      {canManage ? (
        <AttachmentUpload
          label={decree.file ? t('membership.replaceDecreeFile') : t('membership.decreeFile')}
          description={t('membership.decreeFileHelp')}
          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,application/pdf,image/*"
          buttonLabel={decree.file ? t('membership.replace') : t('documents.upload')}
          upload={upload}
          doneMessage={t('membership.decreeFileSaved')}
        />
      ) : null}
    </Stack>
  );
}

function SubTaskForces({ data }: { data: Membership }) {
  const { t } = useTranslation();
  const agencyName = (id: string | null) => data.members.find((m) => m.agencyId === id)?.agencyShortName;
  return (
    <section aria-labelledby="subs-title">
      <Title order={2} size="h4" id="subs-title" mb="xs">
        {t('membership.subTaskForces')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
        {data.subTaskForces.map((s) => (
          <Card key={s.id} withBorder padding="sm">
            <Text fw={600}>{s.name}</Text>
            <Text size="sm" c="dimmed">
              {t('membership.lead')}: {agencyName(s.leadAgencyId) ?? t('membership.noLead')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('membership.memberCount', {
                count: data.members.filter((m) => m.subTaskForceIds.includes(s.id)).length,
              })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function Members({
  data,
  onAddFocal,
}: {
  data: Membership;
  onAddFocal: (agency: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const subName = (id: string) => data.subTaskForces.find((s) => s.id === id)?.name ?? '';
  return (
    <section aria-labelledby="members-title">
      <Title order={2} size="h4" id="members-title" mb="xs">
        {t('membership.members')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        {data.members.map((m) => (
          <Card key={m.agencyId} withBorder padding="sm" data-testid="member">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>{m.agencyName}</Text>
              {m.position !== 'member' ? (
                <Badge variant="light">{t(`membership.positions.${m.position}`)}</Badge>
              ) : null}
            </Group>
            {m.subTaskForceIds.length ? (
              <Text size="sm" c="dimmed">
                {m.subTaskForceIds.map(subName).join(', ')}
              </Text>
            ) : null}
            <Stack gap={2} mt="xs">
              {m.focalPersons
                .filter((f) => f.active)
                .map((f) => (
                  <Text size="sm" key={f.id}>
                    {f.name} — {f.position}
                    {f.phone ? (
                      <>
                        {' · '}
                        <Anchor href={`tel:${f.phone}`}>{f.phone}</Anchor>
                      </>
                    ) : null}
                    {f.email ? ` · ${f.email}` : ''}
                  </Text>
                ))}
              {m.focalPersons.every((f) => !f.active) ? (
                <Text size="sm" c="dimmed">
                  {t('membership.noFocal')}
                </Text>
              ) : null}
            </Stack>
            {data.can.manage ? (
              <Button
                variant="subtle"
                size="xs"
                mt="xs"
                onClick={() => onAddFocal({ id: m.agencyId, name: m.agencyShortName })}
              >
                {t('membership.addFocalShort')}
              </Button>
            ) : null}
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}
