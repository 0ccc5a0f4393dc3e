import {
  Button,
  Checkbox,
  Code,
  Group,
  Image,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { MfaEnabled } from '@sinergi/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useMfaEnable, useMfaSetup } from './mfa.api';

/** The secret in groups of four, as people type it into an app by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Sets up two-step verification: scan the QR code (or type the key), confirm with a first code,
 * then keep the ten recovery codes, which are shown only here.
 */
export function MfaEnrolment({ onEnabled }: { onEnabled: (result: MfaEnabled) => void }) {
  const { t } = useTranslation();
  const setup = useMfaSetup();
  const enable = useMfaEnable();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<MfaEnabled | null>(null);
  const [kept, setKept] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

  if (done) {
    const text = done.recoveryCodes.join('\n');
    const download = () => {
      const url = URL.createObjectURL(
        new Blob([`${t('mfa.recoveryFileTitle')}\n\n${text}\n`], { type: 'text/plain' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = 'sinergi-kode-pemulihan.txt';
      a.click();
      URL.revokeObjectURL(url);
    };
    return (
      <Stack gap="sm">
        <Text fw={600}>{t('mfa.recoveryTitle')}</Text>
        <Text size="sm">{t('mfa.recoveryHelp')}</Text>
        <SimpleGrid cols={2} spacing={4} aria-label={t('mfa.recoveryTitle')}>
          {done.recoveryCodes.map((c) => (
            <Code key={c} fz="md">
              {c}
            </Code>
          ))}
        </SimpleGrid>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => void navigator.clipboard?.writeText(text)}>
            {t('mfa.copy')}
          </Button>
          <Button variant="default" size="xs" onClick={download}>
            {t('mfa.download')}
          </Button>
        </Group>
        <Checkbox
          label={t('mfa.recoveryKept')}
          checked={kept}
          onChange={(e) => setKept(e.currentTarget.checked)}
        />
        <Button disabled={!kept} onClick={() => onEnabled(done)}>
          {t('mfa.continue')}
        </Button>
      </Stack>
    );
  }

  const fieldError = isApiError(enable.error) ? enable.error.fields.code : undefined;
  return (
    <Stack gap="sm">
      {setup.isError ? <ErrorAlert error={setup.error} onRetry={() => setup.mutate()} /> : null}
      <List type="ordered" size="sm" spacing="xs">
        <List.Item>{t('mfa.stepApp')}</List.Item>
        <List.Item>{t('mfa.stepScan')}</List.Item>
        <List.Item>{t('mfa.stepCode')}</List.Item>
      </List>
      {setup.data ? (
        <Stack gap={4} align="flex-start">
          <Image
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.data.qrSvg)}`}
            alt={t('mfa.qrAlt')}
            w={200}
            h={200}
          />
          <Text size="xs" c="dimmed">
            {t('mfa.manualKey')}
          </Text>
          <Code fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {grouped(setup.data.secret)}
          </Code>
        </Stack>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          enable.mutate(code, { onSuccess: setDone });
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('mfa.code')}
            description={t('mfa.codeHelp')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldError}
            withAsterisk
          />
          {enable.isError && !fieldError ? <ErrorAlert error={enable.error} /> : null}
          <Button type="submit" loading={enable.isPending} disabled={!setup.data}>
            {t('mfa.enable')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
