import { Card, SimpleGrid, Text } from '@mantine/core';
import { formatTime, zoneLabel } from '@sinergi/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo, useTimeZone } from '../../app/session';
import { useLanguage } from '../../i18n';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Who the user is here: agency, roles, task force and the zone times are shown in. */
export function AccountSummary() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const { user, taskForce } = useSessionInfo();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('home.account')}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        <Fact label={t('home.agency')}>
          {user.agencyName} ({user.agencyShortName})
        </Fact>
        <Fact label={t('home.roles')}>{user.roles.map((role) => t(`roles.${role}.name`)).join(', ')}</Fact>
        <Fact label={t('home.taskForce')}>
          {taskForce ? (
            <>
              {taskForce.name}
              <Text size="xs" c="dimmed" span display="block">
                {t(`taskForceLevels.${taskForce.level}`)}
              </Text>
            </>
          ) : (
            t('home.noTaskForce')
          )}
        </Fact>
        <Fact label={t('home.timeZone')}>
          {zoneLabel(zone)}
          <Text size="xs" c="dimmed" span display="block">
            {t('home.timeNow', { time: formatTime(new Date(), lang, zone) })}
          </Text>
        </Fact>
      </SimpleGrid>
    </Card>
  );
}
