import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDate, type ServiceView, SOP_STAGES } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { useLanguage } from '../../i18n';
import { ServiceStatusDialog } from './ServiceDialogs';
import { ServiceDocumentDialog, ServiceDocumentList } from './ServiceDocuments';
import { ServiceStatusBadge } from './service-labels';

/** Services grouped by the six SOP stages, each with its status in words and colour. */
export function ServiceBoard({ services }: { services: ServiceView[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const [editing, setEditing] = useState<ServiceView | null>(null);
  const [attaching, setAttaching] = useState<ServiceView | null>(null);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {SOP_STAGES.map((stage) => {
          const list = services.filter((s) => s.stage === stage);
          return (
            <Card key={stage} withBorder radius="md" padding="sm" data-testid={`stage-${stage}`}>
              <Title order={4} fz="sm" mb="xs">
                {t(`services.stages.${stage}`)}
              </Title>
              {list.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('services.tab.boardEmpty')}
                </Text>
              ) : (
                <Stack gap="xs">
                  {list.map((s) => (
                    <Card key={s.id} withBorder radius="sm" padding="xs" data-testid="service-item">
                      <Group justify="space-between" gap={4} wrap="wrap">
                        <Text size="sm" fw={600}>
                          {t(`services.types.${s.type}`)}
                        </Text>
                        <ServiceStatusBadge status={s.status} />
                      </Group>
                      <Text size="xs" c="dimmed">
                        {s.personInitials} · {s.providerAgency}
                        {s.dueAt && !s.completedAt
                          ? ` · ${t('services.service.due')} ${formatDate(s.dueAt, lang, zone)}`
                          : ''}
                      </Text>
                      {s.overdue ? (
                        <Badge color="red" size="xs" radius="sm" mt={2}>
                          {t('services.service.overdue')}
                        </Badge>
                      ) : null}
                      {s.outcome ? (
                        <Text size="xs">
                          {t('services.service.outcome')}: {s.outcome}
                        </Text>
                      ) : null}
                      {s.notes ? (
                        <Text size="xs">
                          {t('services.service.notes')}: {s.notes}
                        </Text>
                      ) : null}
                      <ServiceDocumentList service={s} />
                      <Group gap={6} mt={4}>
                        {s.abilities.changeStatus &&
                        s.status !== 'completed' &&
                        s.status !== 'cancelled' &&
                        s.status !== 'declined' ? (
                          <Button size="compact-xs" variant="light" onClick={() => setEditing(s)}>
                            {t('services.service.change')}
                          </Button>
                        ) : null}
                        {s.abilities.changeStatus ? (
                          <Button size="compact-xs" variant="subtle" onClick={() => setAttaching(s)}>
                            {t('services.service.attach')}
                          </Button>
                        ) : null}
                      </Group>
                    </Card>
                  ))}
                </Stack>
              )}
            </Card>
          );
        })}
      </SimpleGrid>
      {editing ? <ServiceStatusDialog service={editing} onClose={() => setEditing(null)} /> : null}
      {attaching ? <ServiceDocumentDialog service={attaching} onClose={() => setAttaching(null)} /> : null}
    </>
  );
}
