import { ScrollArea, Stack, Text } from '@mantine/core';
import { formatNumber, type RetentionPreview } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';

/** What a retention period would replace: counts and, for the secretariat, the case numbers. */
export function RetentionImpact({ impact }: { impact: RetentionPreview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (impact.cases === 0)
    return (
      <Text size="sm">
        {t('retention.impactNone', { years: formatNumber(impact.closedCaseYears, lang) })}
      </Text>
    );
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('retention.impactCounts', {
          count: impact.cases,
          cases: formatNumber(impact.cases, lang),
          persons: formatNumber(impact.persons, lang),
          documents: formatNumber(impact.documents, lang),
        })}
      </Text>
      {impact.dueAnyway > 0 ? (
        <Text size="sm" c="dimmed">
          {t('retention.impactAnyway', { n: formatNumber(impact.dueAnyway, lang) })}
        </Text>
      ) : null}
      {impact.caseNumbers?.length ? (
        <div>
          <Text size="sm">{t('retention.impactNumbers')}</Text>
          <ScrollArea.Autosize mah={140} type="auto">
            <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {impact.caseNumbers.join(', ')}
            </Text>
          </ScrollArea.Autosize>
        </div>
      ) : null}
    </Stack>
  );
}
