import { Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { formatDateTime } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { ErrorAlert } from '../../../app/ui/ErrorAlert';
import { useLanguage } from '../../../i18n';
import { useCaseTimeline } from '../case.api';
import { valueLabel } from '../case-values';
import { timelineLines } from './timeline-details';

/** Everything that happened to the case, newest first. */
export function TimelineTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const timeline = useCaseTimeline(caseId);

  if (timeline.isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={48} radius="sm" />
        ))}
      </Stack>
    );
  }
  if (timeline.isError) return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (timeline.data.length === 0) return <Text size="sm">{t('cases.timeline.empty')}</Text>;

  return (
    <Timeline bulletSize={14} lineWidth={2} active={0} aria-label={t('cases.tabs.timeline')}>
      {timeline.data.map((event) => (
        <Timeline.Item key={event.id} title={valueLabel(lang, 'timelineKinds', event.kind)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at, lang, zone)}
            {event.actor ? ` · ${event.actor}` : ''}
            {event.agency ? ` (${event.agency})` : ''}
          </Text>
          {timelineLines(t, lang, event).map((line) => (
            <Text key={line} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {line}
            </Text>
          ))}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
