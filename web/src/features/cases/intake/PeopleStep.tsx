import { Accordion, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { PERSON_ROLES, type PersonRole } from '@sinergi/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../app/ui/ConfirmDialog';
import { errorsUnder } from '../../../app/ui/form-validation';
import { useLanguage } from '../../../i18n';
import { type AgeContext, PersonFields } from '../../persons/PersonFields';
import { emptyPerson, type PersonValues } from '../../persons/person-form-values';
import { valueLabel } from '../case-values';

interface PeopleStepProps {
  people: PersonValues[];
  onChange: (next: PersonValues[]) => void;
  /** Errors under `people.`, e.g. `0.fullName`. */
  errors: Record<string, string>;
  ageContext: AgeContext;
  today: string;
  regionCode: string;
}

/** "Korban 2": people are told apart by role and number. */
export function ordinalOf(people: readonly PersonValues[], index: number): number {
  const role = people[index]?.role;
  return people.slice(0, index + 1).filter((p) => p.role === role).length;
}

/** The victims, witnesses, guardians and reporters of a new case, each in a section that folds. */
export function PeopleStep({ people, onChange, errors, ageContext, today, regionCode }: PeopleStepProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [opened, setOpened] = useState<string[]>(() => people.map((p) => p.key));
  const [removing, setRemoving] = useState<number | null>(null);
  const withErrors = people.filter((_, index) => Object.keys(errorsUnder(errors, `${index}.`)).length > 0);
  const errorKeys = withErrors.map((p) => p.key).join(',');

  // A person with a problem is unfolded so the message can be seen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the set of people with errors changes
  useEffect(() => {
    if (withErrors.length > 0) setOpened((keys) => [...new Set([...keys, ...withErrors.map((p) => p.key)])]);
  }, [errorKeys]);

  const title = (person: PersonValues, index: number) =>
    `${valueLabel(lang, 'personRoles', person.role) || t('persons.noRole')} ${ordinalOf(people, index)}`;
  const guardianOptions = people
    .map((person, index) => ({ person, index }))
    .filter(({ person }) => person.role === 'guardian')
    .map(({ person, index }) => ({
      value: person.key,
      label: `${title(person, index)}: ${person.fullName.trim() || t('persons.nameNotYet')}`,
    }));

  const add = (role: PersonRole) => {
    const person = emptyPerson(role, regionCode, today);
    onChange([...people, person]);
    setOpened((keys) => [...keys, person.key]);
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('cases.intake.peopleHelp')}
      </Text>
      {people.length > 0 ? (
        <Accordion
          multiple
          value={opened}
          onChange={setOpened}
          variant="separated"
          radius="md"
          styles={{ content: { paddingInline: 'var(--mantine-spacing-xs)' } }}
        >
          {people.map((person, index) => {
            const personErrors = errorsUnder(errors, `${index}.`);
            const problems = Object.keys(personErrors).length;
            return (
              <Accordion.Item key={person.key} value={person.key}>
                <Accordion.Control>
                  <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                    <Text fw={600} size="sm">
                      {title(person, index)}
                    </Text>
                    {person.fullName.trim() ? (
                      <Text size="sm" c="dimmed" truncate style={{ minWidth: 0, maxWidth: '100%' }}>
                        {person.fullName.trim()}
                      </Text>
                    ) : null}
                    {problems > 0 ? (
                      <Badge color="red" variant="light" radius="sm">
                        {t('cases.intake.problems', { count: problems })}
                      </Badge>
                    ) : null}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="md">
                    <PersonFields
                      value={person}
                      onChange={(next) => onChange(people.map((p, i) => (i === index ? next : p)))}
                      errors={personErrors}
                      ageContext={ageContext}
                      guardianOptions={guardianOptions.filter((option) => option.value !== person.key)}
                      withConsent
                    />
                    <Group justify="flex-end">
                      <Button variant="subtle" color="red" onClick={() => setRemoving(index)}>
                        {t('cases.intake.removePerson', { who: title(person, index) })}
                      </Button>
                    </Group>
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      ) : (
        <Text size="sm">{t('cases.intake.noPeopleYet')}</Text>
      )}
      <Group gap="xs" wrap="wrap">
        {PERSON_ROLES.map((role) => (
          <Button key={role} variant="light" onClick={() => add(role)}>
            {t('cases.intake.addPerson', { role: valueLabel(lang, 'personRoles', role).toLowerCase() })}
          </Button>
        ))}
      </Group>
      <ConfirmDialog
        opened={removing !== null}
        title={t('cases.intake.removePersonTitle')}
        body={t('cases.intake.removePersonBody', {
          who: removing !== null && people[removing] ? title(people[removing], removing) : '',
        })}
        confirmLabel={t('common.remove')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const removed = removing === null ? undefined : people[removing];
          if (removed) {
            onChange(
              people
                .filter((p) => p.key !== removed.key)
                .map((p) => (p.guardian === removed.key ? { ...p, guardian: '' } : p)),
            );
          }
          setRemoving(null);
        }}
      />
    </Stack>
  );
}
