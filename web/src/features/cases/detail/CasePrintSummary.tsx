import { List, Table, Text, Title } from '@mantine/core';
import { type CaseDetail, describeDeadline, formatDateTime } from '@sinergi/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo, useTimeZone } from '../../../app/session';
import { useLanguage } from '../../../i18n';
import { usePersons } from '../../persons/person.api';
import { countryName, useCountries } from '../../reference/country.api';
import { deadlineOf } from '../CaseBadges';
import { coreLabel, valueLabel } from '../case-values';
import { formatDay } from '../format-day';

interface CasePrintSummaryProps {
  detail: CaseDetail;
  /** Called once the summary is on the page and the browser's print dialog can open. */
  onReady: () => void;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="35%">
        {label}
      </Table.Th>
      <Table.Td>{value || '—'}</Table.Td>
    </Table.Tr>
  );
}

/**
 * A printable summary of the case for the case file. People appear by role, initials, age and
 * district, never by name, and the account (which may name people) is left out: a printout travels
 * further than the screen.
 */
export function CasePrintSummary({ detail, onReady }: CasePrintSummaryProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const session = useSessionInfo();
  const persons = usePersons(detail.id);
  const countries = useCountries();
  const ready = !persons.isPending;

  // biome-ignore lint/correctness/useExhaustiveDependencies: opens the print dialog once, when ready
  useEffect(() => {
    if (ready) onReady();
  }, [ready]);

  const people = persons.data ?? [];
  const p = detail.profile;
  return (
    <div className="print-only" aria-hidden="true">
      <Title order={1} fz="h3">
        {t('cases.print.title', { number: detail.caseNumber })}
      </Title>
      <Text size="sm">
        {t('cases.print.printed', {
          time: formatDateTime(new Date(), lang, zone),
          name: session.user.displayName,
          agency: session.user.agencyShortName,
        })}
      </Text>
      <Text size="sm" fw={700} mb="md">
        {t('cases.print.confidential')}
      </Text>
      <Table withTableBorder withColumnBorders mb="md">
        <Table.Tbody>
          <Row label={t('cases.caseType')} value={coreLabel(lang, 'caseType', detail.caseType)} />
          <Row label={t('cases.stage')} value={coreLabel(lang, 'stage', detail.stage)} />
          <Row label={t('cases.risk')} value={coreLabel(lang, 'risk', detail.risk)} />
          <Row label={t('cases.intake.reportedAt')} value={formatDateTime(detail.reportedAt, lang, zone)} />
          <Row label={t('cases.intake.incidentDate')} value={formatDay(detail.incidentDate, lang)} />
          <Row label={t('cases.channel')} value={valueLabel(lang, 'channels', detail.channel)} />
          <Row
            label={t('cases.reportingParty')}
            value={valueLabel(lang, 'reportingParties', detail.reportingParty)}
          />
          <Row label={t('cases.leadAgency')} value={detail.leadAgency.shortName} />
          <Row label={t('cases.team')} value={detail.team.map((m) => m.displayName).join(', ')} />
          <Row
            label={t('cases.firstResponse')}
            value={capitalised(describeDeadline(deadlineOf(detail.firstResponse), lang))}
          />
          <Row
            label={t('cases.latestScreening')}
            value={
              detail.latestScreening
                ? valueLabel(lang, 'screeningResults', detail.latestScreening)
                : t('cases.notYet')
            }
          />
          <Row label={t('cases.occurrenceRegion')} value={detail.occurrenceRegion?.name} />
          <Row
            label={t('cases.exploitationType')}
            value={p.exploitationTypes.map((v) => coreLabel(lang, 'exploitationType', v)).join(', ')}
          />
          <Row
            label={t('cases.profile.recruitmentMethods')}
            value={p.recruitmentMethods.map((v) => valueLabel(lang, 'recruitmentMethods', v)).join(', ')}
          />
          <Row
            label={t('cases.filters.destinationCountry')}
            value={p.destinationCountry ? countryName(countries.data, p.destinationCountry, lang) : ''}
          />
        </Table.Tbody>
      </Table>
      {detail.warnings.length > 0 ? (
        <>
          <Title order={2} fz="h5">
            {t('cases.warningsTitle')}
          </Title>
          <List size="sm" mb="md">
            {detail.warnings.map((w) => (
              <List.Item key={w}>{valueLabel(lang, 'warnings', w)}</List.Item>
            ))}
          </List>
        </>
      ) : null}
      <Title order={2} fz="h5">
        {t('cases.tabs.people')}
      </Title>
      <Table withTableBorder withColumnBorders mb="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('persons.role')}</Table.Th>
            <Table.Th>{t('cases.print.initials')}</Table.Th>
            <Table.Th>{t('persons.sex')}</Table.Th>
            <Table.Th>{t('cases.print.age')}</Table.Th>
            <Table.Th>{t('reference.levels.district')}</Table.Th>
            <Table.Th>{t('persons.sectionConsent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>{valueLabel(lang, 'personRoles', person.role)}</Table.Td>
              <Table.Td>{person.initials ?? '—'}</Table.Td>
              <Table.Td>{valueLabel(lang, 'genders', person.sex)}</Table.Td>
              <Table.Td>
                {person.ageAtIncident ?? '—'}
                {person.isChild ? ` (${t('persons.child')})` : ''}
              </Table.Td>
              <Table.Td>{person.district?.name ?? '—'}</Table.Td>
              <Table.Td>
                {person.consents.some((c) => !c.withdrawnOn)
                  ? t('persons.consent.activeBadge')
                  : t('cases.notYet')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('cases.print.noNarrative')}
      </Text>
    </div>
  );
}
