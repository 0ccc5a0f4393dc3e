import { Alert, List, Text } from '@mantine/core';
import { formatDateTime } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { useLanguage } from '../../i18n';
import { useCaseEmergencyAccess } from './emergency.api';

/** On the case: every emergency opening by someone outside its access, so the team knows. */
export function EmergencyAccessAlert({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const grants = useCaseEmergencyAccess(caseId);
  if (!grants.data?.length) return null;
  return (
    <Alert color="red" variant="light" mb="md" title={t('emergency.onCaseTitle')}>
      <List size="sm" spacing={4}>
        {grants.data.map((g) => (
          <List.Item key={g.id}>
            <Text size="sm">
              {t(g.active ? 'emergency.onCaseActive' : 'emergency.onCaseEnded', {
                who: g.userDisplayName,
                agency: g.agencyShortName,
                from: formatDateTime(g.grantedAt, lang, zone),
                until: formatDateTime(g.expiresAt, lang, zone),
              })}
            </Text>
            {g.reason ? (
              <Text size="xs" c="dimmed">
                {t('emergency.reasonShown', { reason: g.reason })}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
