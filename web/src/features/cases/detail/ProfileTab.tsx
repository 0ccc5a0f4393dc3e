import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@sinergi/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../app/ui/Fact';
import { useLanguage } from '../../../i18n';
import { countryName, useCountries } from '../../reference/country.api';
import { RegionName } from '../../reference/RegionName';
import { isMigrantType } from '../case-form-values';
import { coreLabel, type ValueList, valueLabel } from '../case-values';
import { formatDay } from '../format-day';
import { ProfileEditForm } from './ProfileEditForm';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" component="section">
      <Title order={2} fz="h5" mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        {children}
      </SimpleGrid>
    </Card>
  );
}

/** The trafficking profile (HTCDS) and the migrant-worker record, to read and, for the team, to change. */
export function ProfileTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const countries = useCountries();
  const [editing, setEditing] = useState(false);
  const p = detail.profile;
  const labels = (list: ValueList, values: readonly string[]) =>
    values.map((v) => valueLabel(lang, list, v)).join(', ');
  const one = (list: ValueList, value: string | null | undefined) => valueLabel(lang, list, value ?? '');
  const yesNo = (value: boolean | null | undefined) =>
    value === null || value === undefined ? '' : value ? t('common.yes') : t('common.no');
  const country = (code: string | null | undefined) => (code ? countryName(countries.data, code, lang) : '');

  if (editing) return <ProfileEditForm detail={detail} onDone={() => setEditing(false)} />;

  const deportee = detail.migrant.deportee;
  const deceased = detail.migrant.deceased;
  return (
    <Stack gap="md">
      {detail.abilities.edit ? (
        <Group className="no-print">
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('cases.profile.edit')}
          </Button>
        </Group>
      ) : null}
      <Section title={t('cases.profile.sectionRecruitment')}>
        <Fact label={t('cases.profile.recruitmentMethods')}>
          {labels('recruitmentMethods', p.recruitmentMethods)}
        </Fact>
        <Fact label={t('cases.profile.recruitmentPlatforms')}>
          {labels('recruitmentPlatforms', p.recruitmentPlatforms)}
        </Fact>
        <Fact label={t('cases.profile.recruiterRelation')}>
          {one('recruiterRelations', p.recruiterRelation)}
        </Fact>
      </Section>
      <Section title={t('cases.profile.sectionExploitation')}>
        <Fact label={t('cases.exploitationType')}>
          {p.exploitationTypes.map((v) => coreLabel(lang, 'exploitationType', v)).join(', ')}
        </Fact>
        <Fact label={t('cases.profile.labourSectors')}>{labels('labourSectors', p.labourSectors)}</Fact>
        <Fact label={t('cases.profile.methodsOfControl')}>
          {labels('methodsOfControl', p.methodsOfControl)}
        </Fact>
      </Section>
      <Section title={t('cases.profile.sectionDocuments')}>
        <Fact label={t('cases.profile.passportKind')}>{one('passportKinds', p.passportKind)}</Fact>
        <Fact label={t('cases.profile.departure')}>{one('departureKinds', p.departure)}</Fact>
        <Fact label={t('cases.profile.forgedDocuments')}>{yesNo(p.forgedDocuments)}</Fact>
        <Fact label={t('cases.profile.documentsWithheld')}>{yesNo(p.documentsWithheld)}</Fact>
        <Fact label={t('cases.filters.destinationCountry')}>{country(p.destinationCountry)}</Fact>
        {p.destinationRegionCode ? (
          <Fact label={t('cases.profile.destinationRegion')}>
            <RegionName code={p.destinationRegionCode} />
          </Fact>
        ) : null}
      </Section>
      <Card withBorder radius="md" padding="md" component="section">
        <Title order={2} fz="h5" mb="sm">
          {t('cases.profile.sectionEvents')}
        </Title>
        {p.events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cases.profile.noEvents')}
          </Text>
        ) : (
          <Stack gap="xs">
            {p.events.map((event, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id and this list is read-only
              <Text key={`${event.type}-${index}`} size="sm">
                <Text span fw={600}>
                  {index + 1}. {one('eventTypes', event.type)}
                </Text>
                {[formatDay(event.date, lang), country(event.countryCode)]
                  .filter(Boolean)
                  .map((part) => ` · ${part}`)
                  .join('')}
                {event.regionCode ? (
                  <>
                    {' · '}
                    <RegionName code={event.regionCode} />
                  </>
                ) : null}
                {event.description ? ` · ${event.description}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Card>
      {isMigrantType(detail.caseType) ? (
        <Section title={t('cases.migrant.section')}>
          <Fact label={t('cases.migrant.bp2miCategory')}>
            {one('bp2miCategories', detail.migrant.bp2miCategory)}
          </Fact>
          {deportee ? (
            <>
              <Fact label={t('cases.migrant.depot')}>{one('deporteeDepots', deportee.depot)}</Fact>
              <Fact label={t('cases.migrant.reason')}>{one('deportationReasons', deportee.reason)}</Fact>
              <Fact label={t('cases.migrant.documentUsed')}>
                {one('passportKinds', deportee.documentUsed)}
              </Fact>
              <Fact label={t('cases.migrant.wish')}>{one('deporteeWishes', deportee.wish)}</Fact>
              <Fact label={t('cases.migrant.arrivalDate')}>{formatDay(deportee.arrivalDate, lang)}</Fact>
            </>
          ) : null}
          {deceased ? (
            <>
              <Fact label={t('cases.migrant.placeOfDeath')}>{deceased.placeOfDeath}</Fact>
              <Fact label={t('cases.migrant.countryOfDeath')}>{country(deceased.countryOfDeath)}</Fact>
              <Fact label={t('cases.migrant.dateOfDeath')}>{formatDay(deceased.dateOfDeath, lang)}</Fact>
              <Fact label={t('cases.migrant.cause')}>{deceased.cause}</Fact>
              <Fact label={t('cases.migrant.yearsAbroad')}>{deceased.yearsAbroad?.toString()}</Fact>
              <Fact label={t('cases.migrant.bodyArrivalDate')}>{formatDay(deceased.arrivalDate, lang)}</Fact>
              <Fact label={t('cases.migrant.arrivalFlight')}>{deceased.arrivalFlight}</Fact>
              <Fact label={t('cases.migrant.onwardTransport')}>{deceased.onwardTransport}</Fact>
              <Fact label={t('cases.migrant.transportPaidBy')}>{deceased.transportPaidBy}</Fact>
            </>
          ) : null}
        </Section>
      ) : null}
    </Stack>
  );
}
