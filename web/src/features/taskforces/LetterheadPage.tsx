import { Button, Card, Code, Group, Image, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatLetterNumber, type Letterhead, letterheadInputSchema } from '@sinergi/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { useSessionInfo } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { FormSection } from '../../app/ui/FormSection';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { PageHeader } from '../../app/ui/PageHeader';
import { VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../i18n';
import { AttachmentUpload } from '../attachments/AttachmentUpload';
import { logoUrl, useLetterhead, useSaveLetterhead, useUploadLogo } from './letterhead.api';

type Values = Pick<Letterhead, 'governmentName' | 'agencyName' | 'address' | 'contact' | 'numberPattern'>;
const FIELDS = ['governmentName', 'agencyName', 'address', 'contact', 'numberPattern'] as const;

function valuesOf(l: Letterhead): Values {
  return {
    governmentName: l.governmentName,
    agencyName: l.agencyName,
    address: l.address,
    contact: l.contact,
    numberPattern: l.numberPattern,
  };
}

/** The secretariat's settings for printed letters: the letterhead (kop surat) and letter numbers. */
export function LetterheadPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const taskForceId = useSessionInfo().taskForce?.id ?? null;
  const query = useLetterhead(taskForceId);
  const save = useSaveLetterhead(taskForceId ?? '');
  const logo = useUploadLogo(taskForceId ?? '');
  const [version, setVersion] = useState(0);
  const [conflict, setConflict] = useState<Letterhead | null>(null);
  const form = useForm<Values>({
    initialValues: { governmentName: '', agencyName: '', address: '', contact: '', numberPattern: '' },
  });
  const data = query.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the saved values once per version read
  useEffect(() => {
    if (data) {
      form.setValues(valuesOf(data));
      form.resetDirty(valuesOf(data));
      setVersion(data.version);
    }
  }, [data?.version]);

  if (taskForceId === null) return <Text>{t('membership.noTaskForce')}</Text>;

  const submit = form.onSubmit((values) => {
    const input = { ...values, version };
    const problems = schemaFieldErrors(letterheadInputSchema, input, lang);
    if (Object.keys(problems).length) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    save.mutate(letterheadInputSchema.parse(input), {
      onSuccess: () => notifications.show({ color: 'teal', message: t('letterhead.saved') }),
      onError: (e) => {
        if (isApiError(e) && e.code === 'version_conflict' && e.current) setConflict(e.current as Letterhead);
        else if (isApiError(e)) form.setErrors(e.fields);
        focusFirstInvalidField();
      },
    });
  });

  const now = new Date();
  const example = (() => {
    try {
      return formatLetterNumber(form.values.numberPattern, 7, now.getFullYear(), now.getMonth() + 1);
    } catch {
      return '';
    }
  })();
  const saveFailed = save.isError && !(isApiError(save.error) && save.error.code === 'version_conflict');

  return (
    <>
      <PageHeader title={t('letterhead.title')} description={t('letterhead.description')} />
      {query.isPending ? (
        <Skeleton height={240} />
      ) : query.isError || !data ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg" maw={760}>
          <Card withBorder padding="md" aria-label={t('letterhead.preview')} data-testid="letterhead-preview">
            <Text size="xs" c="dimmed" mb="xs">
              {t('letterhead.preview')}
            </Text>
            <Group wrap="nowrap" gap="sm" align="center">
              {data.logo ? (
                <Image
                  src={logoUrl(taskForceId, data.logo.id)}
                  alt={t('letterhead.logoAlt')}
                  w={56}
                  h={56}
                  fit="contain"
                />
              ) : null}
              <Stack gap={0} style={{ flex: 1, minWidth: 0, textAlign: 'center' }}>
                <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                  {form.values.governmentName}
                </Text>
                <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
                  {form.values.agencyName}
                </Text>
                {[form.values.address, form.values.contact].filter(Boolean).map((l) => (
                  <Text key={l} size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {l}
                  </Text>
                ))}
              </Stack>
            </Group>
            <div style={{ borderBottom: '2px solid currentColor', marginTop: 8 }} />
          </Card>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {saveFailed ? <ErrorAlert error={save.error} /> : null}
              <FormSection legend={t('letterhead.kop')}>
                <TextInput
                  label={t('letterhead.governmentName')}
                  description={t('letterhead.governmentNameHelp')}
                  required
                  {...form.getInputProps('governmentName')}
                />
                <TextInput
                  label={t('letterhead.agencyName')}
                  description={t('letterhead.agencyNameHelp')}
                  required
                  {...form.getInputProps('agencyName')}
                />
                <TextInput label={t('letterhead.address')} {...form.getInputProps('address')} />
                <TextInput
                  label={t('letterhead.contact')}
                  description={t('letterhead.contactHelp')}
                  {...form.getInputProps('contact')}
                />
              </FormSection>
              <FormSection legend={t('letterhead.numbering')}>
                <TextInput
                  label={t('letterhead.numberPattern')}
                  description={t('letterhead.numberPatternHelp')}
                  required
                  {...form.getInputProps('numberPattern')}
                />
                <Text size="sm">
                  {t('letterhead.tokens')} <Code>{'{seq}'}</Code> <Code>{'{seq3}'}</Code>{' '}
                  <Code>{'{roman_month}'}</Code> <Code>{'{month}'}</Code> <Code>{'{year}'}</Code>
                </Text>
                {example ? (
                  <Text size="sm" c="dimmed" data-testid="number-example">
                    {t('letterhead.example', { number: example })}
                  </Text>
                ) : null}
                <Text size="sm" c="dimmed">
                  {t('letterhead.next', { number: data.example })}
                </Text>
              </FormSection>
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending} disabled={!data.can.manage}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
          {data.can.manage ? (
            <FormSection legend={t('letterhead.logo')}>
              {data.logo ? (
                <Text size="sm">{t('letterhead.logoCurrent', { name: data.logo.filename })}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('letterhead.noLogo')}
                </Text>
              )}
              <AttachmentUpload
                label={data.logo ? t('letterhead.replaceLogo') : t('letterhead.logoFile')}
                description={t('letterhead.logoHelp')}
                accept=".png,.jpg,.jpeg,image/png,image/jpeg"
                buttonLabel={t('documents.upload')}
                upload={logo}
                doneMessage={t('letterhead.logoSaved')}
              />
            </FormSection>
          ) : null}
        </Stack>
      )}
      <VersionConflictDialog
        opened={conflict !== null}
        rows={
          conflict
            ? FIELDS.map((f) => ({ label: t(`letterhead.${f}`), yours: form.values[f], theirs: conflict[f] }))
            : []
        }
        onReload={() => {
          if (conflict) {
            form.setValues(valuesOf(conflict));
            setVersion(conflict.version);
          }
          setConflict(null);
        }}
        onKeepMine={() => {
          if (conflict) setVersion(conflict.version);
          setConflict(null);
        }}
      />
    </>
  );
}
