import { Button, Collapse, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorsUnder } from '../../../app/ui/form-validation';
import type { AgeContext } from '../../persons/PersonFields';
import { CaseTeamFields } from '../CaseTeamFields';
import { isMigrantType } from '../case-form-values';
import { MigrantFields } from '../MigrantFields';
import { ProfileFields } from '../ProfileFields';
import { ReportFields } from '../ReportFields';
import type { IntakeValues } from './intake-values';
import { PeopleStep } from './PeopleStep';
import { ReviewStep } from './ReviewStep';

type SetPart = <K extends keyof IntakeValues>(key: K) => (next: IntakeValues[K]) => void;

interface IntakeStepContentProps {
  step: number;
  values: IntakeValues;
  errors: Record<string, unknown>;
  setPart: SetPart;
  ageContext: AgeContext;
  today: string;
  regionCode: string;
  taskForceId: string | null;
}

const REPORT_KEYS = [
  'caseType',
  'reportedAt',
  'incidentDate',
  'channel',
  'reportingParty',
  'risk',
  'narrative',
  'placeOfOccurrence',
  'occurrenceRegionCode',
  'simfoniId',
] as const;

/** The fields of one step of the intake. */
export function IntakeStepContent(props: IntakeStepContentProps) {
  const { step, values, errors, setPart, ageContext, today, regionCode, taskForceId } = props;
  const { t } = useTranslation();
  const [profileOpen, setProfileOpen] = useState(true);

  if (step === 0) {
    const report = Object.fromEntries(REPORT_KEYS.map((key) => [key, values[key]])) as Pick<
      IntakeValues,
      (typeof REPORT_KEYS)[number]
    >;
    const reportErrors = Object.fromEntries(
      Object.entries(errorsUnder(errors, '')).filter(([path]) => !path.includes('.')),
    );
    return (
      <Stack gap="md">
        <ReportFields
          value={report}
          onChange={(next) => {
            for (const key of REPORT_KEYS) if (next[key] !== report[key]) setPart(key)(next[key]);
          }}
          errors={reportErrors}
          taskForceId={taskForceId}
        />
        <CaseTeamFields
          value={{ leadAgencyId: values.leadAgencyId ?? '', teamUserIds: values.teamUserIds ?? [] }}
          onChange={(next) => {
            if (next.leadAgencyId !== (values.leadAgencyId ?? '')) setPart('leadAgencyId')(next.leadAgencyId);
            setPart('teamUserIds')(next.teamUserIds);
          }}
          errors={reportErrors}
          chooseLeadAgency
        />
      </Stack>
    );
  }
  if (step === 1) {
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('cases.intake.profileHelp')}
        </Text>
        <div>
          <Button
            variant="subtle"
            px={0}
            onClick={() => setProfileOpen((o) => !o)}
            aria-expanded={profileOpen}
            aria-controls="intake-profile"
          >
            {profileOpen ? t('cases.intake.profileHide') : t('cases.intake.profileShow')}
          </Button>
        </div>
        <Collapse expanded={profileOpen} id="intake-profile">
          <Stack gap="md">
            <ProfileFields
              value={values.profile}
              onChange={setPart('profile')}
              errors={errorsUnder(errors, 'profile.')}
            />
          </Stack>
        </Collapse>
        {isMigrantType(values.caseType) ? (
          <MigrantFields
            caseType={values.caseType}
            value={values.migrant}
            onChange={setPart('migrant')}
            errors={errorsUnder(errors, 'migrant.')}
          />
        ) : null}
      </Stack>
    );
  }
  if (step === 2) {
    return (
      <PeopleStep
        people={values.people}
        onChange={setPart('people')}
        errors={errorsUnder(errors, 'people.')}
        ageContext={ageContext}
        today={today}
        regionCode={regionCode}
      />
    );
  }
  return <ReviewStep values={values} ageContext={ageContext} />;
}
