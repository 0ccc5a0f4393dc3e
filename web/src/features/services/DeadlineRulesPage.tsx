import {
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DEADLINE_UNITS, type DeadlineRule, type DeadlineSettings, zoneLabel } from '@sinergi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest, isApiError } from '../../app/api-client';
import { useSessionInfo } from '../../app/session';
import { DateField } from '../../app/ui/DateField';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';

type Settings = DeadlineSettings & { version: number; timeZone: string };

/** The administrator's editor of the task force's deadline rules, holidays and follow-up months. */
export function DeadlineRulesPage() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const tfId = session.taskForce?.id ?? '';
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ['deadline-rules', tfId],
    queryFn: ({ signal }) =>
      apiRequest<Settings>(`/taskforces/${encodeURIComponent(tfId)}/deadline-rules`, { signal }),
    enabled: tfId !== '',
  });
  const [draft, setDraft] = useState<Settings | null>(null);
  const [months, setMonths] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (query.data) {
      setDraft(query.data);
      setMonths(query.data.followUpMonths.join(', '));
    }
  }, [query.data]);
  const save = useMutation({
    mutationFn: (body: DeadlineSettings & { version: number }) =>
      apiRequest<Settings>(`/taskforces/${encodeURIComponent(tfId)}/deadline-rules`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      qc.setQueryData(['deadline-rules', tfId], saved);
      notifications.show({ color: 'teal', message: t('deadlines.saved') });
    },
    onError: (e) => {
      if (isApiError(e)) setErrors(e.fields);
    },
  });
  if (!tfId) return <Text>{t('deadlines.noTaskForce')}</Text>;
  const setRule = (i: number, rule: Partial<DeadlineRule>) =>
    draft && setDraft({ ...draft, rules: draft.rules.map((r, j) => (j === i ? { ...r, ...rule } : r)) });
  return (
    <>
      <PageHeader
        title={t('deadlines.title')}
        description={t('deadlines.description')}
        action={
          draft ? (
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  version: draft.version,
                  rules: draft.rules,
                  holidays: draft.holidays.filter((h) => h.date && h.name.trim()),
                  followUpMonths: months
                    .split(/[,\s]+/)
                    .filter(Boolean)
                    .map(Number),
                })
              }
            >
              {t('common.save')}
            </Button>
          ) : null
        }
      />
      {query.isPending || !draft ? (
        query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Skeleton height={240} radius="md" />
        )
      ) : (
        <Stack gap="lg">
          {save.isError && !(isApiError(save.error) && save.error.status === 400) ? (
            <ErrorAlert error={save.error} />
          ) : null}
          <Text size="sm" c="dimmed">
            {t('deadlines.timeZone', { zone: zoneLabel(draft.timeZone) })}
          </Text>
          <Card withBorder radius="md" padding="md">
            <Title order={2} fz="h4" mb="sm">
              {t('deadlines.rules')}
            </Title>
            <Stack gap="sm">
              {draft.rules.map((r, i) => (
                <Group key={r.key} gap="sm" wrap="wrap" align="flex-end">
                  <Text size="sm" fw={600} style={{ flex: '1 1 14rem' }}>
                    {t(`deadlines.keys.${r.key}`)}
                  </Text>
                  <NumberInput
                    label={t('deadlines.amount')}
                    min={0}
                    max={3650}
                    w={100}
                    value={r.amount}
                    onChange={(v) => setRule(i, { amount: Number(v) || 0 })}
                    error={errors[`rules.${i}.amount`]}
                  />
                  <Select
                    label={t('deadlines.unit')}
                    w={170}
                    allowDeselect={false}
                    data={DEADLINE_UNITS.map((u) => ({ value: u, label: t(`deadlines.units.${u}`) }))}
                    value={r.unit}
                    onChange={(v) => v && setRule(i, { unit: v as DeadlineRule['unit'] })}
                  />
                </Group>
              ))}
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="md">
            <Title order={2} fz="h4" mb="sm">
              {t('deadlines.holidays')}
            </Title>
            <Stack gap="xs">
              {draft.holidays.map((h, i) => (
                <Group key={`h-${i.toString()}`} gap="xs" wrap="wrap" align="flex-start">
                  <DateField
                    aria-label={t('deadlines.holidayDate')}
                    w={170}
                    value={h.date}
                    onChange={(value) =>
                      setDraft({
                        ...draft,
                        holidays: draft.holidays.map((x, j) => (j === i ? { ...x, date: value } : x)),
                      })
                    }
                    error={errors[`holidays.${i}.date`]}
                  />
                  <TextInput
                    aria-label={t('deadlines.holidayName')}
                    style={{ flex: '1 1 12rem' }}
                    value={h.name}
                    onChange={(e) =>
                      setDraft({
                        ...draft,
                        holidays: draft.holidays.map((x, j) =>
                          j === i ? { ...x, name: e.currentTarget.value } : x,
                        ),
                      })
                    }
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => setDraft({ ...draft, holidays: draft.holidays.filter((_, j) => j !== i) })}
                  >
                    {t('common.remove')}
                  </Button>
                </Group>
              ))}
            </Stack>
            <Button
              mt="sm"
              variant="light"
              onClick={() => setDraft({ ...draft, holidays: [...draft.holidays, { date: '', name: '' }] })}
            >
              {t('deadlines.addHoliday')}
            </Button>
          </Card>
          <TextInput
            label={t('deadlines.followUpMonths')}
            value={months}
            onChange={(e) => setMonths(e.currentTarget.value)}
            error={Object.entries(errors).find(([k]) => k.startsWith('followUpMonths'))?.[1]}
            maw={360}
          />
        </Stack>
      )}
    </>
  );
}
