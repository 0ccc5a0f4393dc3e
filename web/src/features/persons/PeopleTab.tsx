import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { CaseDetail, PersonView } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo, useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { zonedDate } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { valueLabel } from '../cases/case-values';
import { ConsentDialog, WithdrawConsentDialog } from './ConsentDialog';
import { DuplicateNotices } from './DuplicateNotices';
import { ErasePersonDialog } from './ErasePersonDialog';
import { PersonCard } from './PersonCard';
import { PersonFormDialog } from './PersonFormDialog';
import { type DuplicateNotice, usePersons } from './person.api';
import { emptyPerson, personToValues } from './person-form-values';

type Editing = { person: PersonView | null; key: number } | null;

/** The people of a case: list, add, change, guardians and consents. */
export function PeopleTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const session = useSessionInfo();
  const persons = usePersons(detail.id);
  const today = zonedDate(new Date(), zone);
  const [editing, setEditing] = useState<Editing>(null);
  const [consentFor, setConsentFor] = useState<PersonView | null>(null);
  const [withdrawing, setWithdrawing] = useState<{ personId: string; consentId: string } | null>(null);
  const [notices, setNotices] = useState<DuplicateNotice[]>([]);
  const [erasing, setErasing] = useState<PersonView | null>(null);
  const canChange = detail.abilities.addPerson;
  const ageContext = { incidentDate: detail.incidentDate, reportDate: zonedDate(detail.reportedAt, zone) };

  if (persons.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label={t('app.loading')}>
        <Skeleton height={120} radius="md" />
        <Skeleton height={120} radius="md" />
      </Stack>
    );
  }
  if (persons.isError) return <ErrorAlert error={persons.error} onRetry={() => void persons.refetch()} />;
  const people = persons.data;
  const ordinal = (person: PersonView) =>
    people.filter((p) => p.role === person.role).findIndex((p) => p.id === person.id) + 1;
  const title = (person: PersonView) => `${valueLabel(lang, 'personRoles', person.role)} ${ordinal(person)}`;
  const labelOf = (person: PersonView) =>
    `${title(person)}${person.identity ? `: ${person.identity.fullName}` : ''}`;
  const guardians = people.filter((p) => p.role === 'guardian');
  const guardianOptions = (self: PersonView | null) =>
    guardians.filter((g) => g.id !== self?.id).map((g) => ({ value: g.id, label: labelOf(g) }));

  return (
    <Stack gap="md">
      <DuplicateNotices notices={notices} onClose={() => setNotices([])} />
      {canChange ? (
        <Group className="no-print">
          <Button onClick={() => setEditing({ person: null, key: Date.now() })}>
            {t('persons.addTitle')}
          </Button>
        </Group>
      ) : null}
      {people.length === 0 ? (
        <Text size="sm">{canChange ? t('persons.emptyTeam') : t('persons.empty')}</Text>
      ) : (
        people.map((person) => {
          const guardian = guardians.find((g) => g.id === person.guardianPersonId);
          return (
            <PersonCard
              key={person.id}
              person={person}
              title={title(person)}
              guardianLabel={
                guardian
                  ? guardian.identity
                    ? `${guardian.identity.fullName} (${title(guardian)})`
                    : title(guardian)
                  : null
              }
              canChange={canChange}
              canErase={detail.abilities.erasePerson}
              onErase={() => setErasing(person)}
              onEdit={() => setEditing({ person, key: Date.now() })}
              onConsent={() => setConsentFor(person)}
              onWithdraw={(consentId) => setWithdrawing({ personId: person.id, consentId })}
            />
          );
        })
      )}
      {editing ? (
        <PersonFormDialog
          key={editing.key}
          caseId={detail.id}
          opened
          person={editing.person}
          initial={
            editing.person
              ? personToValues(editing.person, today)
              : emptyPerson('victim', session.taskForce?.regionCode ?? '', today)
          }
          ageContext={ageContext}
          guardianOptions={guardianOptions(editing.person)}
          today={today}
          onClose={() => setEditing(null)}
          onSaved={(saved, duplicates) => {
            setEditing(null);
            if (duplicates.length > 0) {
              const sameRole = people.filter((p) => p.role === saved.role && p.id !== saved.id).length;
              const existing = people.find((p) => p.id === saved.id);
              setNotices([
                {
                  role: saved.role,
                  ordinal: existing ? ordinal(existing) : sameRole + 1,
                  duplicates,
                },
              ]);
            }
          }}
        />
      ) : null}
      {consentFor ? (
        <ConsentDialog
          key={consentFor.id}
          caseId={detail.id}
          personId={consentFor.id}
          who={title(consentFor)}
          isChild={consentFor.isChild}
          today={today}
          opened
          onClose={() => setConsentFor(null)}
        />
      ) : null}
      {erasing ? (
        <ErasePersonDialog
          key={erasing.id}
          caseId={detail.id}
          personId={erasing.id}
          who={title(erasing)}
          onClose={() => setErasing(null)}
        />
      ) : null}
      <WithdrawConsentDialog
        caseId={detail.id}
        personId={withdrawing?.personId ?? ''}
        consentId={withdrawing?.consentId ?? null}
        today={today}
        onClose={() => setWithdrawing(null)}
      />
    </Stack>
  );
}
