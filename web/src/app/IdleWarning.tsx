import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiState } from './api-client';
import { useSession } from './session';

const WARN_BEFORE_SECONDS = 120;
const CHECK_EVERY_MS = 10_000;
// The server writes activity at most once a minute, so its idle clock may run up to 60 s ahead of ours.
const SERVER_LAG_SECONDS = 60;

/** Warns before the server ends an idle session; staying signed in is one request. */
export function IdleWarning() {
  const { t } = useTranslation();
  const { state, refresh, signOut } = useSession();
  const idleSeconds = state.status === 'signedIn' ? state.info.idleTimeoutSeconds : 0;
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  useEffect(() => {
    if (idleSeconds <= 0) return;
    // Warn early enough even if the server's idle clock started up to a minute before ours.
    const lagSeconds = Math.min(SERVER_LAG_SECONDS, idleSeconds / 4);
    const check = () => {
      const elapsed = (Date.now() - apiState.lastActivity()) / 1000;
      if (elapsed >= idleSeconds) {
        // Certainly over on the server too, so this request cannot extend it: its 401 signs out
        // with the notice. Asking earlier would count as activity and keep an idle session alive.
        setSecondsLeft(null);
        void refresh();
        return;
      }
      const left = idleSeconds - lagSeconds - elapsed;
      setSecondsLeft(left <= WARN_BEFORE_SECONDS ? Math.max(0, left) : null);
    };
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [idleSeconds, refresh]);

  return (
    <Modal
      opened={secondsLeft !== null}
      onClose={() => setSecondsLeft(null)}
      title={t('session.idleTitle')}
      centered
    >
      <Text size="sm">
        {t('session.idleBody', { minutes: Math.max(1, Math.ceil((secondsLeft ?? 0) / 60)) })}
      </Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={() => void signOut()}>
          {t('session.signOutNow')}
        </Button>
        <Button
          data-autofocus
          onClick={() => {
            setSecondsLeft(null);
            void refresh();
          }}
        >
          {t('session.stay')}
        </Button>
      </Group>
    </Modal>
  );
}
