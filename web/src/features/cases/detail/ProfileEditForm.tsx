import { Button, Group, Stack } from '@mantine/core';
import type { CaseDetail } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/ErrorAlert';
import { errorsUnder, withoutErrorsOf } from '../../../app/ui/form-validation';
import { VersionConflictDialog } from '../../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../../i18n';
import { migrantFromCase, profileFromCase } from '../case-form-from-case';
import {
  isMigrantType,
  type MigrantValues,
  migrantToPayload,
  type ProfileValues,
  profileToPayload,
} from '../case-form-values';
import { coreLabel, valueLabel } from '../case-values';
import { MigrantFields } from '../MigrantFields';
import { ProfileFields } from '../ProfileFields';
import { useCasePatchForm } from './use-case-patch-form';

interface ProfileFormValues {
  profile: ProfileValues;
  migrant: MigrantValues;
}

/** Changes the trafficking profile and, for migrant-worker cases, the migrant record. */
export function ProfileEditForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const migrant = isMigrantType(detail.caseType);
  const summary = (p: ProfileValues) =>
    [
      ...p.recruitmentMethods.map((v) => valueLabel(lang, 'recruitmentMethods', v)),
      ...p.exploitationTypes.map((v) => coreLabel(lang, 'exploitationType', v)),
      ...p.methodsOfControl.map((v) => valueLabel(lang, 'methodsOfControl', v)),
    ].join(', ');
  const edit = useCasePatchForm<ProfileFormValues>(detail, {
    toValues: (record) => ({ profile: profileFromCase(record), migrant: migrantFromCase(record) }),
    toChanges: (values) => ({
      profile: profileToPayload(values.profile),
      ...(migrant ? { migrant: migrantToPayload(values.migrant, detail.caseType) } : {}),
    }),
    conflictRows: (values, current) => {
      const theirs = profileFromCase(current);
      return [
        { label: t('cases.tabs.profile'), yours: summary(values.profile), theirs: summary(theirs) },
        {
          label: t('cases.filters.destinationCountry'),
          yours: values.profile.destinationCountry,
          theirs: theirs.destinationCountry,
        },
        {
          label: t('cases.profile.eventsCount'),
          yours: String(values.profile.events.length),
          theirs: String(theirs.events.length),
        },
        {
          label: t('cases.migrant.bp2miCategory'),
          yours: valueLabel(lang, 'bp2miCategories', values.migrant.bp2miCategory),
          theirs: valueLabel(lang, 'bp2miCategories', current.migrant.bp2miCategory),
        },
      ];
    },
    onSaved: onDone,
  });
  const values = edit.form.getValues();
  const errors = edit.form.errors as Record<string, string>;

  return (
    <>
      <form onSubmit={edit.submit} noValidate>
        <Stack gap="md" maw={820}>
          <ProfileFields
            value={values.profile}
            onChange={(profile) => {
              edit.form.setErrors(withoutErrorsOf(errors, 'profile.', values.profile, profile));
              edit.form.setFieldValue('profile', profile);
            }}
            errors={errorsUnder(errors, 'profile.')}
          />
          {migrant ? (
            <MigrantFields
              caseType={detail.caseType}
              value={values.migrant}
              onChange={(next) => {
                edit.form.setErrors(withoutErrorsOf(errors, 'migrant.', values.migrant, next));
                edit.form.setFieldValue('migrant', next);
              }}
              errors={errorsUnder(errors, 'migrant.')}
            />
          ) : null}
          {edit.showError ? (
            <ErrorAlert error={edit.update.error} title={t('errors.saveFailed')} showFieldMessages />
          ) : null}
          <Group gap="sm">
            <Button type="submit" loading={edit.update.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      <VersionConflictDialog {...edit.conflictDialog} />
    </>
  );
}
