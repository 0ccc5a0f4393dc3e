import { Checkbox, Group, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { valueOptions } from '../cases/case-values';
import type { ConsentValues } from './person-form-values';

interface ConsentFieldsProps {
  value: ConsentValues;
  onChange: (next: ConsentValues) => void;
  errors: Record<string, string>;
  /** In the intake a consent is optional (it can be recorded later); in the consent dialog it is the point. */
  optional?: boolean;
}

/** What the person agreed to, when, and who gave the agreement (HTCDS AgreementToManagePersonalData). */
export function ConsentFields({ value, onChange, errors, optional }: ConsentFieldsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const set = <K extends keyof ConsentValues>(key: K, next: ConsentValues[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <Stack gap="sm">
      {optional ? (
        <Checkbox
          label={t('persons.consent.recordNow')}
          description={t('persons.consent.recordNowHelp')}
          checked={value.record}
          onChange={(event) => set('record', event.currentTarget.checked)}
        />
      ) : null}
      {value.record || !optional ? (
        <>
          <Checkbox.Group
            label={t('persons.consent.scopes')}
            withAsterisk
            value={value.scopes}
            onChange={(scopes) => set('scopes', scopes)}
            error={errors.scopes}
          >
            <Stack gap={6} mt={6}>
              {valueOptions(lang, 'consentScopes').map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('persons.consent.givenOn')}
              withAsterisk
              value={value.givenOn}
              onChange={(event) => set('givenOn', event.currentTarget.value)}
              error={errors.givenOn}
            />
            <Radio.Group
              label={t('persons.consent.givenBy')}
              withAsterisk
              value={value.givenBy}
              onChange={(by) => set('givenBy', by === 'guardian' ? 'guardian' : 'self')}
              error={errors.givenBy}
            >
              <Group gap="md" mt={6}>
                {valueOptions(lang, 'givenBy').map((option) => (
                  <Radio key={option.value} value={option.value} label={option.label} />
                ))}
              </Group>
            </Radio.Group>
          </SimpleGrid>
          <Textarea
            label={t('persons.consent.note')}
            autosize
            minRows={2}
            maxLength={500}
            value={value.note}
            onChange={(event) => set('note', event.currentTarget.value)}
            error={errors.note}
          />
        </>
      ) : null}
    </Stack>
  );
}
