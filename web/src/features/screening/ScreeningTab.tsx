import { Alert, Skeleton, Stack, Title } from '@mantine/core';
import type { CaseDetail } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { valueLabel } from '../cases/case-values';
import { usePersons } from '../persons/person.api';
import { ScreeningForm } from './ScreeningForm';
import { ScreeningHistory } from './ScreeningHistory';
import { useChecklist, useScreenings } from './screening.api';

/** Screening against the three elements of UU 21/2007, and the screenings recorded before. */
export function ScreeningTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const checklist = useChecklist();
  const screenings = useScreenings(detail.id);
  const persons = usePersons(detail.id);

  if (checklist.isPending || screenings.isPending || persons.isPending) {
    return <Skeleton height={240} radius="md" aria-busy="true" aria-label={t('app.loading')} />;
  }
  const failed = checklist.error ?? screenings.error ?? persons.error;
  if (failed)
    return (
      <ErrorAlert
        error={failed}
        onRetry={() => void Promise.all([checklist.refetch(), screenings.refetch(), persons.refetch()])}
      />
    );

  const people = persons.data ?? [];
  const victimsOnly = people.filter((p) => p.role === 'victim');
  const titleOf = (id: string) => {
    const person = people.find((p) => p.id === id);
    if (!person) return t('persons.noRole');
    const n = people.filter((p) => p.role === person.role).findIndex((p) => p.id === id) + 1;
    return `${valueLabel(lang, 'personRoles', person.role)} ${n}`;
  };
  const victims = victimsOnly.map((person) => ({
    person,
    label: [
      titleOf(person.id),
      person.initials ? `(${person.initials})` : '',
      person.ageAtIncident !== null ? `· ${t('persons.years', { count: person.ageAtIncident })}` : '',
      person.isChild ? `· ${t('persons.child')}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  }));

  return (
    <Stack gap="lg">
      {detail.abilities.screen && checklist.data ? (
        <section aria-labelledby="screening-new">
          <Title order={2} fz="h4" mb="sm" id="screening-new">
            {t('screening.newTitle')}
          </Title>
          {victims.length === 0 ? (
            <Alert color="orange" variant="light" mb="sm">
              {t('screening.noVictims')}
            </Alert>
          ) : null}
          <ScreeningForm detail={detail} victims={victims} checklist={checklist.data} />
        </section>
      ) : null}
      <section aria-labelledby="screening-history">
        <Title order={2} fz="h4" mb="sm" id="screening-history">
          {t('screening.historyTitle')}
        </Title>
        <ScreeningHistory
          screenings={screenings.data ?? []}
          personLabel={titleOf}
          checklist={checklist.data}
        />
      </section>
    </Stack>
  );
}
