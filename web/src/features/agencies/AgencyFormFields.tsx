import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { AGENCY_SECTORS, HTCDS_ORGANISATION_TYPES } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { FormSection } from '../../app/ui/FormSection';
import { RegionPicker } from '../reference/RegionPicker';
import { useTaskForces } from '../taskforces/taskforce.api';
import type { AgencyFormValues } from './agency-form-values';

/** The sections of the agency form, shared by create and edit. */
export function AgencyFormFields({ form }: { form: UseFormReturnType<AgencyFormValues> }) {
  const { t } = useTranslation();
  const taskForces = useTaskForces();
  const values = form.getValues();

  return (
    <>
      <FormSection legend={t('agencies.sectionIdentity')}>
        <TextInput
          label={t('agencies.name')}
          withAsterisk
          maxLength={200}
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('agencies.shortName')}
          description={t('agencies.shortNameHelp')}
          withAsterisk
          maxLength={40}
          autoComplete="off"
          {...form.getInputProps('shortName')}
        />
      </FormSection>

      <FormSection legend={t('agencies.sectionClassification')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('agencies.htcdsType')}
            withAsterisk
            data={HTCDS_ORGANISATION_TYPES.map((value) => ({ value, label: t(`htcdsTypes.${value}`) }))}
            {...form.getInputProps('htcdsType')}
            value={values.htcdsType || null}
            onChange={(value) => form.setFieldValue('htcdsType', value ?? '')}
          />
          <Select
            label={t('agencies.sector')}
            withAsterisk
            searchable
            data={AGENCY_SECTORS.map((value) => ({ value, label: t(`sectors.${value}`) }))}
            {...form.getInputProps('sector')}
            value={values.sector || null}
            onChange={(value) => form.setFieldValue('sector', value ?? '')}
          />
        </SimpleGrid>
      </FormSection>

      <FormSection legend={t('agencies.sectionRegion')}>
        <RegionPicker
          required
          provinceCode={values.provinceCode}
          regencyCode={values.regencyCode}
          provinceError={form.errors.provinceCode as string | undefined}
          regencyError={form.errors.regencyCode as string | undefined}
          onChange={({ provinceCode, regencyCode }) => {
            form.setFieldValue('provinceCode', provinceCode);
            form.setFieldValue('regencyCode', regencyCode);
          }}
        />
        <Select
          label={t('agencies.taskForce')}
          placeholder={t('agencies.noTaskForce')}
          data={(taskForces.data ?? []).map((tf) => ({ value: tf.id, label: tf.name }))}
          clearable
          disabled={taskForces.isPending}
          {...form.getInputProps('taskForceId')}
          value={values.taskForceId || null}
          onChange={(value) => form.setFieldValue('taskForceId', value ?? '')}
        />
      </FormSection>

      <FormSection legend={t('agencies.sectionStatus')}>
        <Switch
          label={t('agencies.active')}
          description={t('agencies.activeHelp')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
      </FormSection>
    </>
  );
}
