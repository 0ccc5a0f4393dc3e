import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ActiveSession, formatDateTime } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';

/** "Chrome · Android" from a user-agent string; the raw string when nothing is recognised. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return '—';
  const browser =
    [
      ['Edg/', 'Edge'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Safari/', 'Safari'],
    ].find(([marker]) => userAgent.includes(marker!))?.[1] ?? null;
  const system =
    [
      ['Android', 'Android'],
      ['iPhone', 'iPhone'],
      ['iPad', 'iPad'],
      ['Windows', 'Windows'],
      ['Mac OS', 'macOS'],
      ['Linux', 'Linux'],
    ].find(([marker]) => userAgent.includes(marker!))?.[1] ?? null;
  return browser || system ? [browser, system].filter(Boolean).join(' · ') : userAgent.slice(0, 60);
}

/** Sessions of the signed-in user (`/auth/sessions`) or of a user an administrator looks at. */
export function SessionsCard({ userId }: { userId?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const queryClient = useQueryClient();
  const base = userId ? `/users/${encodeURIComponent(userId)}/sessions` : '/auth/sessions';
  const sessions = useQuery({
    queryKey: ['sessions', userId ?? 'mine'],
    queryFn: ({ signal }) => apiRequest<{ items: ActiveSession[] }>(base, { signal }),
    select: (data) => data.items,
  });
  const end = useMutation({
    mutationFn: (id: string) => apiRequest<void>(`${base}/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('sessions.ended') });
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby={`sessions-${userId ?? 'mine'}`}
    >
      <Title order={2} fz="h4" id={`sessions-${userId ?? 'mine'}`}>
        {t('sessions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(userId ? 'sessions.adminHelp' : 'sessions.help')}
      </Text>
      {sessions.isPending ? (
        <Skeleton height={60} />
      ) : sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <Text size="sm">{t('sessions.none')}</Text>
      ) : (
        <Stack gap="xs">
          {end.isError ? <ErrorAlert error={end.error} /> : null}
          {sessions.data.map((s) => (
            <Group key={s.id} justify="space-between" wrap="wrap" gap="xs" py={4}>
              <div>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {describeDevice(s.userAgent)}
                  </Text>
                  {s.current ? (
                    <Badge size="xs" variant="light">
                      {t('sessions.current')}
                    </Badge>
                  ) : null}
                  {s.waitingForSecondStep ? (
                    <Badge size="xs" color="orange" variant="light">
                      {t('sessions.waiting')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {t('sessions.detail', {
                    ip: s.ip ?? '—',
                    lastSeen: formatDateTime(s.lastSeenAt, lang, zone),
                    since: formatDateTime(s.createdAt, lang, zone),
                  })}
                </Text>
              </div>
              {s.current ? null : (
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  loading={end.isPending && end.variables === s.id}
                  onClick={() => end.mutate(s.id)}
                >
                  {t('sessions.end')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
