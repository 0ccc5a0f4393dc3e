import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import type { SessionInfo } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { MfaEnrolment } from './MfaEnrolment';
import { useMfaVerify } from './mfa.api';

interface SecondStepProps {
  step: 'verify' | 'enrol';
  onSignedIn: (info: SessionInfo) => void;
  onCancel: () => void;
}

/** After the password: a code from the authenticator app, or setting it up when the role requires it. */
export function SecondStep({ step, onSignedIn, onCancel }: SecondStepProps) {
  const { t } = useTranslation();
  const verify = useMfaVerify();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const fieldError = isApiError(verify.error) ? verify.error.fields.code : undefined;

  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz="h3">
          {t(step === 'verify' ? 'mfa.verifyTitle' : 'mfa.enrolTitle')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t(step === 'verify' ? 'mfa.verifyHelp' : 'mfa.enrolHelp')}
        </Text>
      </div>
      {step === 'enrol' ? (
        <MfaEnrolment onEnabled={(result) => onSignedIn(result.session)} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            verify.mutate(code, { onSuccess: onSignedIn });
          }}
          noValidate
        >
          <Stack gap="sm">
            <TextInput
              key={recovery ? 'recovery' : 'totp'}
              label={t(recovery ? 'mfa.recoveryCode' : 'mfa.code')}
              description={t(recovery ? 'mfa.recoveryCodeHelp' : 'mfa.codeHelp')}
              inputMode={recovery ? 'text' : 'numeric'}
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fieldError}
              withAsterisk
              data-autofocus
            />
            {verify.isError && !fieldError ? <ErrorAlert error={verify.error} /> : null}
            <Button type="submit" fullWidth loading={verify.isPending}>
              {t('mfa.verify')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setRecovery((r) => !r);
                setCode('');
                verify.reset();
              }}
            >
              {t(recovery ? 'mfa.useApp' : 'mfa.useRecovery')}
            </Anchor>
          </Stack>
        </form>
      )}
      <Button variant="subtle" onClick={onCancel}>
        {t('mfa.cancel')}
      </Button>
    </Stack>
  );
}
