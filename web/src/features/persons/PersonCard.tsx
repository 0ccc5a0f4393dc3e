import { Alert, Button, Card, Collapse, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDate, type PersonView } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { Fact } from '../../app/ui/Fact';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useLanguage } from '../../i18n';
import { valueLabel } from '../cases/case-values';
import { formatDay } from '../cases/format-day';
import { countryName, useCountries } from '../reference/country.api';

interface PersonCardProps {
  person: PersonView;
  /** "Korban 1" */
  title: string;
  /** The guardian's title and, for the case team, name. */
  guardianLabel: string | null;
  canChange: boolean;
  /** Coordinators of the case team may erase the identity on the person's request. */
  canErase: boolean;
  onErase: () => void;
  onEdit: () => void;
  onConsent: () => void;
  onWithdraw: (consentId: string) => void;
}

/** One person of a case; the identifying details fold away until asked for. */
export function PersonCard({
  person,
  title,
  guardianLabel,
  canChange,
  canErase,
  onErase,
  onEdit,
  onConsent,
  onWithdraw,
}: PersonCardProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const countries = useCountries();
  const [showIdentity, setShowIdentity] = useState(false);
  const identity = person.identity;
  const erased = person.erasedAt !== null;
  const facts = [
    valueLabel(lang, 'genders', person.sex),
    person.ageAtIncident !== null ? t('persons.years', { count: person.ageAtIncident }) : null,
    person.nationality ? countryName(countries.data, person.nationality, lang) : null,
    person.district ? person.district.name : null,
  ].filter(Boolean);
  const background = (
    [
      [t('persons.education'), valueLabel(lang, 'educationLevels', person.education)],
      [t('persons.occupation'), person.occupation ?? ''],
      [t('persons.maritalStatus'), valueLabel(lang, 'maritalStatuses', person.maritalStatus)],
      [t('persons.religion'), valueLabel(lang, 'religions', person.religion)],
      [t('persons.disability'), person.disability ?? ''],
    ] as const
  ).filter(([, value]) => value !== '');

  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={title}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={700}>
            {title}
            {identity ? `: ${identity.fullName}` : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {facts.join(' · ')}
          </Text>
        </div>
        <Group gap={6}>
          {person.isChild ? <StatusBadge label={t('persons.childBadge')} color="grape" /> : null}
          {erased ? <StatusBadge label={t('persons.erase.badge')} color="gray" /> : null}
        </Group>
      </Group>

      {person.role === 'victim' ? (
        person.guardianPersonId && guardianLabel ? (
          <Text size="sm" mt="xs">
            {t('persons.guardianIs', { guardian: guardianLabel })}
          </Text>
        ) : person.isChild ? (
          <Alert color="orange" variant="light" mt="xs">
            {t('persons.guardianMissing')}
          </Alert>
        ) : null
      ) : null}

      {erased ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('persons.erase.erasedNote', { date: formatDate(person.erasedAt!, lang, zone) })}
        </Text>
      ) : null}

      {identity && !erased ? (
        <>
          <Group mt="xs" className="no-print">
            <Button
              variant="subtle"
              size="compact-sm"
              px={0}
              onClick={() => setShowIdentity((s) => !s)}
              aria-expanded={showIdentity}
            >
              {showIdentity ? t('persons.hideIdentity') : t('persons.showIdentity')}
            </Button>
          </Group>
          <Collapse expanded={showIdentity}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" mt="xs">
              <Fact label={t('persons.alias')}>{identity.alias}</Fact>
              <Fact label={t('persons.nik')}>{identity.nik}</Fact>
              <Fact label={t('persons.birthDate')}>
                {identity.birthDate
                  ? formatDay(identity.birthDate, lang)
                  : identity.estimatedAge !== null
                    ? t('persons.estimatedAgeValue', { age: identity.estimatedAge })
                    : ''}
              </Fact>
              <Fact label={t('persons.phone')}>{identity.phone}</Fact>
              <Fact label={t('persons.addressRegion')}>{identity.addressRegionName}</Fact>
              <Fact label={t('persons.street')}>{identity.street}</Fact>
            </SimpleGrid>
          </Collapse>
        </>
      ) : null}

      {background.length > 0 ? (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" mt="sm">
          {background.map(([label, value]) => (
            <Fact key={label} label={label}>
              {value}
            </Fact>
          ))}
        </SimpleGrid>
      ) : null}

      <Stack gap={6} mt="sm">
        <Text size="xs" c="dimmed" fw={600}>
          {t('persons.sectionConsent')}
        </Text>
        {person.consents.length === 0 ? <Text size="sm">{t('persons.consent.none')}</Text> : null}
        {person.consents.map((consent) => (
          <Group key={consent.id} gap="xs" wrap="wrap" justify="space-between">
            <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
              <Text size="sm">
                {consent.scopes.map((s) => valueLabel(lang, 'consentScopes', s)).join(', ')}
              </Text>
              <Text size="xs" c="dimmed">
                {valueLabel(lang, 'givenBy', consent.givenBy)} · {formatDay(consent.givenOn, lang)}
              </Text>
            </div>
            <Group gap="xs">
              {consent.withdrawnOn ? (
                <StatusBadge
                  label={t('persons.consent.withdrawnLabel', { date: formatDay(consent.withdrawnOn, lang) })}
                  color="gray"
                />
              ) : (
                <StatusBadge label={t('persons.consent.activeBadge')} color="teal" />
              )}
              {canChange && !consent.withdrawnOn ? (
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => onWithdraw(consent.id)}>
                  {t('persons.consent.withdraw')}
                </Button>
              ) : null}
            </Group>
          </Group>
        ))}
      </Stack>

      {(canChange || canErase) && !erased ? (
        <Group gap="xs" mt="md" className="no-print">
          {canChange ? (
            <>
              <Button size="xs" variant="light" onClick={onEdit}>
                {t('persons.edit')}
              </Button>
              <Button size="xs" variant="light" onClick={onConsent}>
                {t('persons.consent.record')}
              </Button>
            </>
          ) : null}
          {canErase ? (
            <Button size="xs" variant="subtle" color="red" onClick={onErase}>
              {t('persons.erase.button')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}
