import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  consentCreateSchema,
  fieldMessage,
  type PersonView,
  personCreateSchema,
  personPatchSchema,
  personViewSchema,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import {
  focusFirstInvalidField,
  prefixErrors,
  renameErrorFields,
  schemaFieldErrors,
  withoutErrorsOf,
} from '../../app/ui/form-validation';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';
import { VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../i18n';
import { type AgeContext, PersonFields } from './PersonFields';
import { type DuplicateWarning, recordConsent, useCreatePerson, useUpdatePerson } from './person.api';
import { personConflictRows } from './person-conflict';
import {
  PERSON_ERROR_FIELDS,
  type PersonValues,
  personToValues,
  valuesToConsent,
  valuesToPersonCreate,
  valuesToPersonPatch,
} from './person-form-values';

interface PersonFormDialogProps {
  caseId: string;
  opened: boolean;
  /** The person to change; null to add one with `initial` values. */
  person: PersonView | null;
  initial: PersonValues;
  ageContext: AgeContext;
  guardianOptions: { value: string; label: string }[];
  today: string;
  onClose: () => void;
  /** After a save; with the possible duplicates the server found. */
  onSaved: (person: PersonView, duplicates: DuplicateWarning[]) => void;
}

/** Adds a person (with a consent, optionally) or changes one, with the version it read. */
export function PersonFormDialog(props: PersonFormDialogProps) {
  const { caseId, opened, person, initial, ageContext, guardianOptions, today, onClose, onSaved } = props;
  const { t } = useTranslation();
  const lang = useLanguage();
  const phone = usePhoneLayout();
  const create = useCreatePerson(caseId);
  const update = useUpdatePerson(caseId, person?.id ?? '');
  const [base, setBase] = useState(person);
  const [conflict, setConflict] = useState<PersonView | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A person saved whose consent then failed: a retry records only the consent.
  const [created, setCreated] = useState<{ person: PersonView; duplicates: DuplicateWarning[] } | null>(null);
  const form = useForm<PersonValues>({ initialValues: initial });
  const values = form.getValues();

  const fail = (problems: Record<string, string>) => {
    form.setErrors(problems);
    focusFirstInvalidField();
  };

  const add = async (v: PersonValues) => {
    const input = valuesToPersonCreate(v, v.guardian || null);
    const problems = renameErrorFields(
      schemaFieldErrors(personCreateSchema, input, lang),
      PERSON_ERROR_FIELDS,
    );
    if (v.consent.record) {
      const consent = schemaFieldErrors(consentCreateSchema, valuesToConsent(v.consent), lang);
      if (v.consent.givenOn > today) consent.givenOn = fieldMessage('date_in_future', lang);
      Object.assign(problems, prefixErrors(consent, 'consent.'));
    }
    if (Object.keys(problems).length > 0) return fail(problems);
    const saved = created ?? (await create.mutateAsync(input));
    setCreated(saved);
    // The person exists from here on: a failed consent is reported, the person is not lost.
    const withConsent = v.consent.record
      ? await recordConsent(caseId, saved.person.id, valuesToConsent(v.consent))
      : saved.person;
    notifications.show({ color: 'teal', message: t('persons.added') });
    onSaved(withConsent, saved.duplicates);
  };

  const change = async (v: PersonValues, record: PersonView) => {
    const patch = valuesToPersonPatch(v, record, today);
    const problems = renameErrorFields(
      schemaFieldErrors(personPatchSchema, patch, lang),
      PERSON_ERROR_FIELDS,
    );
    if (Object.keys(problems).length > 0) return fail(problems);
    const saved = await update.mutateAsync(patch);
    notifications.show({ color: 'teal', message: t('persons.saved') });
    onSaved(saved.person, saved.duplicates);
  };

  const submit = form.onSubmit(async (v) => {
    setSaving(true);
    setError(null);
    try {
      if (base) await change(v, base);
      else await add(v);
    } catch (cause) {
      const current = isApiError(cause) ? personViewSchema.safeParse(cause.current) : null;
      if (isApiError(cause) && cause.code === 'version_conflict' && current?.success)
        setConflict(current.data);
      else {
        setError(cause);
        if (isApiError(cause)) fail(renameErrorFields(cause.fields, PERSON_ERROR_FIELDS));
      }
    } finally {
      setSaving(false);
    }
  });

  const rebase = (record: PersonView, keepEntries: boolean) => {
    setBase(record);
    form.setInitialValues(personToValues(record, today));
    if (!keepEntries) form.setValues(personToValues(record, today));
    form.clearErrors();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={person ? t('persons.editTitle') : t('persons.addTitle')}
      size="xl"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('common.requiredNote')}
          </Text>
          <PersonFields
            value={values}
            onChange={(next) => {
              form.setErrors(withoutErrorsOf(form.errors, '', values, next));
              form.setValues(next);
            }}
            errors={form.errors as Record<string, string>}
            ageContext={ageContext}
            guardianOptions={guardianOptions}
            withConsent={!person}
          />
          {error ? <ErrorAlert error={error} title={t('errors.saveFailed')} showFieldMessages /> : null}
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {person ? t('common.save') : t('persons.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <VersionConflictDialog
        opened={conflict !== null}
        rows={conflict ? personConflictRows(t, lang, form.getValues(), conflict, today) : []}
        onReload={() => {
          if (conflict) rebase(conflict, false);
          setConflict(null);
        }}
        onKeepMine={() => {
          if (conflict) rebase(conflict, true);
          setConflict(null);
        }}
      />
    </Modal>
  );
}
