import { Button, Group, Stack } from '@mantine/core';
import type { CaseDetail } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/ErrorAlert';
import { VersionConflictDialog } from '../../../app/ui/VersionConflictDialog';
import { CaseTeamFields } from '../CaseTeamFields';
import { useCasePatchForm } from './use-case-patch-form';

interface TeamValues {
  teamUserIds: string[];
}

const sameMembers = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** Changes who is on the case team (the need-to-know boundary for identities). */
export function TeamEditForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const edit = useCasePatchForm<TeamValues>(detail, {
    toValues: (record) => ({ teamUserIds: record.team.map((m) => m.userId) }),
    toChanges: (values, base) =>
      sameMembers(
        values.teamUserIds,
        base.team.map((m) => m.userId),
      )
        ? {}
        : { teamUserIds: values.teamUserIds },
    conflictRows: (values, current) => [
      {
        label: t('cases.team'),
        yours: String(values.teamUserIds.length),
        theirs: current.team.map((m) => m.displayName).join(', '),
      },
    ],
    onSaved: onDone,
  });
  const values = edit.form.getValues();
  return (
    <>
      <form onSubmit={edit.submit} noValidate>
        <Stack gap="md" maw={820}>
          <CaseTeamFields
            value={{ leadAgencyId: detail.leadAgency.id, teamUserIds: values.teamUserIds }}
            onChange={(next) => edit.form.setValues({ teamUserIds: next.teamUserIds })}
            errors={edit.form.errors as Record<string, string>}
            chooseLeadAgency={false}
            includeSelf
            currentMembers={detail.team.map((m) => ({ id: m.userId, displayName: m.displayName }))}
          />
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
