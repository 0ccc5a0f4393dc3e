import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { formatDateTime, type ReferralView } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../app/session';
import { useLanguage } from '../../i18n';
import { ReferralActionDialog, type ReferralActionName } from './ReferralActionDialog';
import { ReferralStatusBadge } from './service-labels';

/** One referral with its state and the actions the caller may take (from the server's abilities). */
export function ReferralCard({
  referral: r,
  showCase = false,
  link = true,
}: {
  referral: ReferralView;
  showCase?: boolean;
  /** Off on the referral's own page. */
  link?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const [action, setAction] = useState<ReferralActionName | null>(null);
  const actions = (['accept', 'decline', 'complete', 'revoke'] as const).filter((a) => r.abilities[a]);
  return (
    <Card withBorder radius="md" padding="md" data-testid="referral-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <ReferralStatusBadge status={r.status} />
            {r.overdue ? (
              <Badge color="red" variant="filled" radius="sm">
                {t('services.referral.overdueBy')}
              </Badge>
            ) : null}
            {r.crossTaskForce ? (
              <Badge color="grape" variant="light" radius="sm">
                {t('services.referral.crossTaskForce')}
              </Badge>
            ) : null}
            {r.consentOverride ? (
              <Badge color="orange" variant="light" radius="sm">
                {t('services.referral.overrideBadge')}
              </Badge>
            ) : null}
          </Group>
          {link ? (
            <Anchor component={Link} to={`/referrals/${r.id}`} size="sm" fw={600}>
              {showCase ? r.caseNumber : t('services.referral.open')}
            </Anchor>
          ) : null}
        </Group>
        <Text size="sm">
          {t('services.referral.from')} <b>{r.fromAgency}</b> → {t('services.referral.to')}{' '}
          <b>{r.toAgency}</b>
        </Text>
        <Text size="sm">{r.services.map((s) => t(`services.types.${s}`)).join(', ')}</Text>
        <Text size="sm" c="dimmed">
          {r.persons.map((p) => p.fullName ?? p.initials).join(', ')}
          {r.persons.length ? ' · ' : ''}
          {t(`services.urgencies.${r.urgency}`)} · {t('services.referral.sentAt')}{' '}
          {formatDateTime(r.sentAt, lang, zone)}
          {r.status === 'pending'
            ? ` · ${t('services.referral.responseDue')} ${formatDateTime(r.responseDueAt, lang, zone)}`
            : ''}
        </Text>
        {r.answerReason ? (
          <Text size="sm">
            {t('services.referral.answerReason')}: {r.answerReason}
          </Text>
        ) : null}
        {r.outcome ? (
          <Text size="sm">
            {t('services.referral.outcome')}: {r.outcome}
          </Text>
        ) : null}
        {actions.length ? (
          <Group gap="xs" mt={4}>
            {actions.map((a) => (
              <Button
                key={a}
                size="xs"
                variant={a === 'accept' || a === 'complete' ? 'filled' : 'default'}
                color={a === 'decline' || a === 'revoke' ? 'red' : undefined}
                onClick={() => setAction(a)}
              >
                {t(`services.referral.${a}`)}
              </Button>
            ))}
          </Group>
        ) : null}
      </Stack>
      {action ? <ReferralActionDialog referral={r} action={action} onClose={() => setAction(null)} /> : null}
    </Card>
  );
}
