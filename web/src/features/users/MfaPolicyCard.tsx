import { Button, Card, Checkbox, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLES, type Role } from '@sinergi/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useMfaPolicy, useSetMfaPolicy } from '../auth/mfa.api';

/** Which roles must use two-step verification (administrators). */
export function MfaPolicyCard() {
  const { t } = useTranslation();
  const policy = useMfaPolicy();
  const save = useSetMfaPolicy();
  const [roles, setRoles] = useState<string[]>([]);
  useEffect(() => {
    if (policy.data) setRoles(policy.data.requiredRoles);
  }, [policy.data]);
  const changed = policy.data && [...roles].sort().join() !== [...policy.data.requiredRoles].sort().join();

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      mt="lg"
      component="section"
      aria-labelledby="mfa-policy-heading"
    >
      <Title order={2} fz="h5" id="mfa-policy-heading">
        {t('mfa.policyTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('mfa.policyHelp')}
      </Text>
      {policy.isPending ? (
        <Skeleton height={80} />
      ) : policy.isError ? (
        <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <Stack gap="sm">
          <Checkbox.Group value={roles} onChange={setRoles} aria-labelledby="mfa-policy-heading">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs">
              {ROLES.map((role) => (
                <Checkbox key={role} value={role} label={t(`roles.${role}.name`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <Group>
            <Button
              size="xs"
              disabled={!changed}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { requiredRoles: roles as Role[] },
                  { onSuccess: () => notifications.show({ color: 'teal', message: t('mfa.policySaved') }) },
                )
              }
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
