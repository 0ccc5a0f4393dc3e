import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { fieldMessage, formatDateTime, type User, userPatchSchema, userSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { useSessionInfo, useTimeZone } from '../../app/session';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { FormSection } from '../../app/ui/FormSection';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { type ConflictRow, VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { RoleCheckboxes } from './RoleCheckboxes';
import { isLocked, UserStatusBadge } from './UserStatusBadge';
import { useUpdateUser } from './user.api';
import { type UserEditValues, userToEditValues, valuesToUserPatch } from './user-form-values';

export function UserEditForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const session = useSessionInfo();
  const agencies = useAgencyOptions({ activeOnly: false });
  const update = useUpdateUser(user.id);
  const [base, setBase] = useState(user);
  const [conflict, setConflict] = useState<User | null>(null);
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const [resetOpen, setResetOpen] = useState(false);
  const form = useForm<UserEditValues>({ initialValues: userToEditValues(user) });
  const values = form.getValues();
  const isSelf = user.id === session.user.id;

  // Active agencies, plus the current one even if it was deactivated since.
  const agencyData = (agencies.data ?? [])
    .filter((a) => a.active || a.id === base.agencyId)
    .map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }));
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.shortName ?? id;
  const roleNames = (roles: readonly string[]) =>
    roles
      .map((role) => t(`roles.${role as User['roles'][number]}.name`))
      .sort()
      .join(', ');

  const conflictRows = (mine: UserEditValues, current: User): ConflictRow[] => {
    const status = (active: boolean) => (active ? t('common.active') : t('common.inactive'));
    return [
      { label: t('users.displayName'), yours: mine.displayName.trim(), theirs: current.displayName },
      { label: t('users.email'), yours: mine.email.trim(), theirs: current.email ?? '' },
      { label: t('users.agency'), yours: agencyName(mine.agencyId), theirs: current.agencyShortName },
      { label: t('users.roles'), yours: roleNames(mine.roles), theirs: roleNames(current.roles) },
      { label: t('common.status'), yours: status(mine.active), theirs: status(current.active) },
    ];
  };

  const rebase = (record: User, keepEntries: boolean) => {
    setBase(record);
    form.setInitialValues(userToEditValues(record));
    if (!keepEntries) form.setValues(userToEditValues(record));
    form.clearErrors();
  };

  const save = (formValues: UserEditValues) => {
    const patch = valuesToUserPatch(formValues, base);
    const problems = schemaFieldErrors(userPatchSchema, patch, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        rebase(saved, false);
        notifications.show({ color: 'teal', message: t('users.saved', { name: saved.displayName }) });
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        const current = userSchema.safeParse(error.current);
        if (error.code === 'version_conflict' && current.success) setConflict(current.data);
        else {
          form.setErrors(error.fields);
          focusFirstInvalidField();
        }
      },
    });
  };

  const submit = form.onSubmit((formValues) => {
    if (base.active && !formValues.active) setConfirmingDisable(true);
    else save(formValues);
  });

  const showError = update.isError && !(isApiError(update.error) && update.error.code === 'version_conflict');

  return (
    <>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760}>
          <Text size="sm" c="dimmed">
            {t('common.requiredNote')}
          </Text>
          <FormSection legend={t('users.sectionAccount')}>
            <TextInput label={t('users.username')} value={base.username} readOnly variant="filled" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('users.displayName')}
                withAsterisk
                maxLength={120}
                {...form.getInputProps('displayName')}
              />
              <TextInput
                label={t('users.email')}
                type="email"
                maxLength={200}
                {...form.getInputProps('email')}
              />
            </SimpleGrid>
          </FormSection>
          <FormSection legend={t('users.sectionAgencyRoles')}>
            <Select
              label={t('users.agency')}
              withAsterisk
              searchable
              data={agencyData}
              disabled={agencies.isPending}
              {...form.getInputProps('agencyId')}
              value={values.agencyId || null}
              onChange={(value) => form.setFieldValue('agencyId', value ?? '')}
            />
            <RoleCheckboxes
              value={values.roles}
              onChange={(roles) => form.setFieldValue('roles', roles)}
              error={form.errors.roles as string | undefined}
            />
          </FormSection>
          <FormSection legend={t('users.sectionStatus')}>
            <Group gap="sm">
              <UserStatusBadge user={base} />
              <Text size="sm" c="dimmed">
                {t('users.lastLogin')}:{' '}
                {base.lastLoginAt ? formatDateTime(base.lastLoginAt, lang, zone) : t('users.never')}
              </Text>
            </Group>
            {isLocked(base) && base.lockedUntil ? (
              <Alert color="orange" variant="light" role="note">
                {t('users.lockedUntil', { time: formatDateTime(base.lockedUntil, lang, zone) })}
              </Alert>
            ) : null}
            <Switch
              label={t('users.active')}
              description={isSelf ? fieldMessage('cannot_disable_self', lang) : t('users.activeHelp')}
              disabled={isSelf}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
            <div>
              <Button variant="light" onClick={() => setResetOpen(true)}>
                {t('users.resetPassword')}
              </Button>
            </div>
          </FormSection>
          {showError ? <ErrorAlert error={update.error} title={t('errors.saveFailed')} /> : null}
          <Group gap="sm">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('common.lastChanged', { date: formatDateTime(base.updatedAt, lang, zone) })}
          </Text>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirmingDisable}
        title={t('users.disableTitle')}
        body={t('users.disableBody', { name: base.displayName })}
        confirmLabel={t('users.disableConfirm')}
        onCancel={() => setConfirmingDisable(false)}
        onConfirm={() => {
          setConfirmingDisable(false);
          save(form.getValues());
        }}
      />
      <ResetPasswordDialog
        user={base}
        opened={resetOpen}
        onClose={() => setResetOpen(false)}
        onDone={(updated) => rebase(updated, true)}
      />
      <VersionConflictDialog
        opened={conflict !== null}
        rows={conflict ? conflictRows(form.getValues(), conflict) : []}
        onReload={() => {
          if (conflict) rebase(conflict, false);
          setConflict(null);
          update.reset();
        }}
        onKeepMine={() => {
          if (conflict) rebase(conflict, true);
          setConflict(null);
          update.reset();
        }}
      />
    </>
  );
}
