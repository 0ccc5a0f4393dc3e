import {
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { formatDateTime } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { useLanguage } from '../../i18n';
import { type EmergencyGrant, useEmergencyReviews, useReviewGrant } from './emergency.api';

function ReviewForm({ grant }: { grant: EmergencyGrant }) {
  const { t } = useTranslation();
  const review = useReviewGrant();
  const [note, setNote] = useState('');
  const fieldError = isApiError(review.error) ? review.error.fields.note : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        review.mutate({ id: grant.id, note });
      }}
      noValidate
    >
      <Stack gap="xs">
        <Textarea
          label={t('emergency.reviewNote')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError}
        />
        {review.isError && !fieldError ? <ErrorAlert error={review.error} /> : null}
        <Group>
          <Button type="submit" size="xs" loading={review.isPending}>
            {t('emergency.markReviewed')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Emergency openings of cases, for review by an administrator or another coordinator. */
export function EmergencyReviewPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const [pending, setPending] = useState('true');
  const list = useEmergencyReviews(pending === 'true');
  return (
    <>
      <PageHeader title={t('emergency.reviewTitle')} description={t('emergency.reviewDescription')} />
      <SegmentedControl
        mb="md"
        value={pending}
        onChange={setPending}
        data={[
          { value: 'true', label: t('emergency.pending') },
          { value: 'false', label: t('emergency.all') },
        ]}
      />
      {list.isPending ? (
        <Skeleton height={120} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState title={t('emergency.none')} py="xl" />
      ) : (
        <Stack gap="sm">
          {list.data.map((g) => (
            <Card
              key={g.id}
              withBorder
              radius="md"
              padding="md"
              component="article"
              aria-label={g.caseNumber}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Link to={`/cases/${g.caseId}`}>{g.caseNumber}</Link>
                {g.active ? (
                  <Badge color="red" variant="light">
                    {t('emergency.activeBadge')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" mt={4}>
                {t('emergency.onCaseEnded', {
                  who: g.userDisplayName,
                  agency: g.agencyShortName,
                  from: formatDateTime(g.grantedAt, lang, zone),
                  until: formatDateTime(g.expiresAt, lang, zone),
                })}
              </Text>
              <Text size="sm" c="dimmed" mb="xs">
                {t('emergency.reasonShown', { reason: g.reason ?? '' })}
              </Text>
              {g.reviewedAt ? (
                <Text size="sm">
                  {t('emergency.reviewed', {
                    who: g.reviewedBy ?? '',
                    when: formatDateTime(g.reviewedAt, lang, zone),
                    note: g.reviewNote ?? '',
                  })}
                </Text>
              ) : (
                <ReviewForm grant={g} />
              )}
            </Card>
          ))}
        </Stack>
      )}
    </>
  );
}
