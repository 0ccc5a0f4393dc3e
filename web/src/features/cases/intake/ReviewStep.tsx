import { Alert, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, isChildAt } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { Fact } from '../../../app/ui/Fact';
import { zonedInputToIso } from '../../../app/zoned-dates';
import { useLanguage } from '../../../i18n';
import { type AgeContext, personAge } from '../../persons/PersonFields';
import { TeamSummary } from '../CaseTeamFields';
import { isMigrantType } from '../case-form-values';
import { coreLabel, valueLabel } from '../case-values';
import { formatDay } from '../format-day';
import type { IntakeValues } from './intake-values';
import { ordinalOf } from './PeopleStep';

/** What will be saved, and what is still missing that the case page will warn about. */
export function ReviewStep({ values, ageContext }: { values: IntakeValues; ageContext: AgeContext }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const reportedAt = zonedInputToIso(values.reportedAt, zone);
  const victims = values.people.filter((p) => p.role === 'victim');
  const childWithoutGuardian = victims.some((v) => isChildAt(personAge(v, ageContext)) && !v.guardian);
  const withoutConsent = victims.some((v) => !v.consent.record);
  const p = values.profile;
  const list = (items: string[]) => items.join(', ');

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('cases.intake.reviewHelp')}
      </Text>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="review-report">
        <Title order={3} fz="h5" mb="sm" id="review-report">
          {t('cases.intake.sectionReport')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t('cases.caseType')}>{coreLabel(lang, 'caseType', values.caseType)}</Fact>
          <Fact label={t('cases.intake.reportedAt')}>
            {reportedAt ? formatDateTime(reportedAt, lang, zone) : ''}
          </Fact>
          <Fact label={t('cases.channel')}>{valueLabel(lang, 'channels', values.channel)}</Fact>
          <Fact label={t('cases.reportingParty')}>
            {valueLabel(lang, 'reportingParties', values.reportingParty)}
          </Fact>
          <Fact label={t('cases.risk')}>{coreLabel(lang, 'risk', values.risk)}</Fact>
          <Fact label={t('cases.intake.incidentDate')}>{formatDay(values.incidentDate, lang)}</Fact>
          <Fact label={t('cases.placeOfOccurrence')}>{values.placeOfOccurrence}</Fact>
          <TeamSummary
            value={{ leadAgencyId: values.leadAgencyId ?? '', teamUserIds: values.teamUserIds ?? [] }}
          />
        </SimpleGrid>
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="review-profile">
        <Title order={3} fz="h5" mb="sm" id="review-profile">
          {t('cases.intake.steps.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t('cases.profile.recruitmentMethods')}>
            {list(p.recruitmentMethods.map((v) => valueLabel(lang, 'recruitmentMethods', v)))}
          </Fact>
          <Fact label={t('cases.profile.recruiterRelation')}>
            {valueLabel(lang, 'recruiterRelations', p.recruiterRelation)}
          </Fact>
          <Fact label={t('cases.exploitationType')}>
            {list(p.exploitationTypes.map((v) => coreLabel(lang, 'exploitationType', v)))}
          </Fact>
          <Fact label={t('cases.profile.eventsCount')}>{String(p.events.length)}</Fact>
          {isMigrantType(values.caseType) ? (
            <Fact label={t('cases.migrant.bp2miCategory')}>
              {valueLabel(lang, 'bp2miCategories', values.migrant.bp2miCategory)}
            </Fact>
          ) : null}
        </SimpleGrid>
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="review-people">
        <Title order={3} fz="h5" mb="sm" id="review-people">
          {t('cases.intake.steps.people')}
        </Title>
        {values.people.length === 0 ? (
          <Text size="sm">{t('cases.intake.noPeopleYet')}</Text>
        ) : (
          <List spacing={4} size="sm">
            {values.people.map((person, index) => {
              const age = personAge(person, ageContext);
              return (
                <List.Item key={person.key}>
                  {`${valueLabel(lang, 'personRoles', person.role)} ${ordinalOf(values.people, index)}: ${person.fullName}`}
                  {age !== null ? ` · ${t('persons.years', { count: age })}` : ''}
                  {isChildAt(age) ? ` · ${t('persons.child')}` : ''}
                  {' · '}
                  {person.consent.record ? t('cases.intake.consentIncluded') : t('cases.intake.consentLater')}
                </List.Item>
              );
            })}
          </List>
        )}
      </Card>
      {victims.length === 0 ? <Alert color="orange">{t('caseValues.warnings.no_victim')}</Alert> : null}
      {childWithoutGuardian ? (
        <Alert color="orange">{t('caseValues.warnings.guardian_missing')}</Alert>
      ) : null}
      {withoutConsent ? <Alert color="yellow">{t('cases.intake.consentMissingNote')}</Alert> : null}
    </Stack>
  );
}
