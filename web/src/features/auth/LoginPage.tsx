import {
  Alert,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { loginSchema } from '@sinergi/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FullPageLoader } from '../../app/guards';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { DemoNotice } from './DemoNotice';
import { announceFailedSignIns } from './failed-sign-in-notice';
import { SecondStep } from './SecondStep';

/** Only paths inside this app: never another site, whatever the link said. */
function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { state, signIn, completeSignIn, signOut } = useSession();
  const login = useMutation({ mutationFn: signIn, onSuccess: () => navigate(next, { replace: true }) });
  const form = useForm({ initialValues: { username: '', password: '', rememberDevice: false } });
  useDocumentTitle(`${t('login.title')} · ${t('app.name')}`);
  // Whichever way the sign-in ends (password, code, enrolment), the user hears about failed tries.
  useEffect(() => {
    if (state.status === 'signedIn')
      announceFailedSignIns(state.info, t, lang, state.info.taskForce?.timeZone ?? 'Asia/Makassar');
  }, [state, t, lang]);

  if (state.status === 'loading') return <FullPageLoader />;
  if (state.status === 'signedIn' && !login.isPending) return <Navigate to={next} replace />;

  const submit = form.onSubmit((values) => {
    const problems = schemaFieldErrors(loginSchema, values, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    login.mutate({
      username: values.username.trim().toLowerCase(),
      password: values.password,
      rememberDevice: values.rememberDevice,
    });
  });

  const reason = state.status === 'signedOut' ? state.reason : null;

  if (state.status === 'secondStep') {
    return (
      <LoginFrame>
        <SecondStep
          step={state.step}
          onSignedIn={(info) => {
            completeSignIn(info);
            navigate(next, { replace: true });
          }}
          onCancel={() => {
            login.reset();
            void signOut();
          }}
        />
      </LoginFrame>
    );
  }

  return (
    <LoginFrame>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} fz="h3">
              {t('login.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('login.description')}
            </Text>
          </div>
          {reason === 'expired' && !login.isError ? (
            <Alert color="yellow" variant="light" role="status">
              {t('session.expired')}
            </Alert>
          ) : null}
          {reason === 'signedOut' && !login.isError ? (
            <Alert color="blue" variant="light" role="status">
              {t('session.signedOut')}
            </Alert>
          ) : null}
          {login.isError ? <ErrorAlert error={login.error} title={t('login.failedTitle')} /> : null}
          <TextInput
            label={t('login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            withAsterisk
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            withAsterisk
            {...form.getInputProps('password')}
          />
          <Checkbox
            label={t('login.rememberDevice')}
            description={t('login.rememberDeviceHelp')}
            {...form.getInputProps('rememberDevice', { type: 'checkbox' })}
          />
          <Button type="submit" fullWidth loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </LoginFrame>
  );
}

/** The sign-in card with the product name, the language switch and the demo notice. */
function LoginFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="sm" bg="gray.0">
      <Stack w="100%" maw={440} gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} fz="xl" c="blue.8">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Card withBorder radius="md" padding="lg" shadow="xs">
          {children}
        </Card>
        <DemoNotice />
      </Stack>
    </Center>
  );
}
