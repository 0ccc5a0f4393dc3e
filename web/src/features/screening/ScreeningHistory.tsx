import { Card, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useLanguage } from '../../i18n';
import { valueLabel } from '../cases/case-values';
import { ElementFindingsBadges } from './ElementFindingsBadges';
import type { Checklist, ScreeningView } from './screening.api';
import { indicatorLabel, RESULT_COLORS } from './screening-labels';

interface ScreeningHistoryProps {
  screenings: ScreeningView[];
  /** "Korban 1" for a person id. */
  personLabel: (personId: string) => string;
  checklist: Checklist | undefined;
}

/** Earlier screenings, newest first, each with the checklist version it used. */
export function ScreeningHistory({ screenings, personLabel, checklist }: ScreeningHistoryProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  if (screenings.length === 0) return <Text size="sm">{t('screening.noneYet')}</Text>;
  const label = (id: string, version: number) => {
    const indicator =
      checklist?.version === version ? checklist.indicators.find((i) => i.id === id) : undefined;
    return indicator ? indicatorLabel(indicator, lang) : id;
  };
  return (
    <Stack gap="sm">
      {screenings.map((s) => (
        <Card key={s.id} withBorder radius="md" padding="sm" component="article">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" fw={600}>
              {formatDateTime(s.screenedAt, lang, zone)}
              {s.screenedBy ? ` · ${s.screenedBy}` : ''}
            </Text>
            <StatusBadge
              label={valueLabel(lang, 'screeningResults', s.result)}
              color={RESULT_COLORS[s.result] ?? 'gray'}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {s.personId ? personLabel(s.personId) : t('screening.wholeCase')}
            {s.isChild ? ` · ${t('persons.child')}` : ''}
            {' · '}
            {t('screening.checklistVersion', { version: s.checklistVersion })}
          </Text>
          <Stack gap={6} mt="xs">
            <ElementFindingsBadges elements={s.elements} />
            {s.result !== s.computedResult ? (
              <Text size="sm">
                {t('screening.overriddenFrom', {
                  result: valueLabel(lang, 'screeningResults', s.computedResult),
                })}
              </Text>
            ) : null}
            {s.checked.length > 0 ? (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('screening.checkedList', {
                  list: s.checked.map((id) => label(id, s.checklistVersion)).join('; '),
                })}
              </Text>
            ) : null}
            {s.note ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.note}
              </Text>
            ) : null}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
