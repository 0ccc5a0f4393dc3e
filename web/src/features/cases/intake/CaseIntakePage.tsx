import { Alert, Button, Card, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatTime } from '@sinergi/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage, isApiError } from '../../../app/api-client';
import { useSessionInfo, useTimeZone } from '../../../app/session';
import { ErrorAlert } from '../../../app/ui/ErrorAlert';
import { focusFirstInvalidField, withoutErrorsOf } from '../../../app/ui/form-validation';
import { PageHeader } from '../../../app/ui/PageHeader';
import { usePhoneLayout } from '../../../app/ui/use-phone-layout';
import { zonedDate } from '../../../app/zoned-dates';
import { useLanguage } from '../../../i18n';
import { reportDay } from '../case-form-values';
import { DraftPrompt } from './DraftPrompt';
import { IntakeStepContent } from './IntakeStepContent';
import { savePendingIntake } from './intake-draft';
import {
  emptyIntake,
  errorsOfStep,
  INTAKE_STEPS,
  type IntakeValues,
  intakeErrors,
  stepOfField,
} from './intake-values';
import { SaveProgressList } from './SaveProgressList';
import { useIntakeDraft } from './use-intake-draft';
import { useIntakeSave } from './use-intake-save';

/** The guided intake of a complaint: report, trafficking profile, people, then review and save. */
export function CaseIntakePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const phone = usePhoneLayout();
  const navigate = useNavigate();
  const session = useSessionInfo();
  const userId = session.user.id;
  const regionCode = session.taskForce?.regionCode ?? '';
  const [opened] = useState(() => new Date());
  const today = zonedDate(opened, zone);
  const [step, setStep] = useState(0);
  const [reached, setReached] = useState(0);
  const draft = useIntakeDraft(userId);
  const saving = useIntakeSave(zone);
  const form = useForm<IntakeValues>({ initialValues: emptyIntake(opened, zone, regionCode) });
  const values = form.getValues();
  const dirty = form.isDirty();

  // Whatever is typed goes to the draft shortly after; an untouched form leaves no draft behind.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the values or the step change
  useEffect(() => {
    if (dirty) draft.remember(values, step);
  }, [values, step, dirty]);
  const ageContext = { incidentDate: values.incidentDate || null, reportDate: reportDay(values, zone) };

  const goTo = (next: number) => {
    setStep(next);
    setReached((r) => Math.max(r, next));
    window.scrollTo({ top: 0 });
  };

  const check = (only: number | null): Record<string, string> => {
    const all = intakeErrors(form.getValues(), zone, lang, new Date(), today);
    const errors = only === null ? all : errorsOfStep(all, only);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) focusFirstInvalidField();
    return errors;
  };

  const next = () => {
    if (Object.keys(check(step)).length === 0) goTo(step + 1);
  };

  const failureMessages = (error: unknown): string[] => [
    errorMessage(error, lang, t('errors.network')),
    ...(isApiError(error) ? Object.values(error.fields) : []),
  ];

  const save = async () => {
    const errors = check(null);
    const paths = Object.keys(errors);
    if (paths.length > 0) {
      goTo(Math.min(...paths.map(stepOfField)));
      return;
    }
    const current = form.getValues();
    const outcome = await saving.save(current, draft.idempotencyKey);
    const caseId = outcome.progress.caseId;
    if (outcome.ok && caseId) {
      draft.forget();
      notifications.show({
        color: 'teal',
        message: t('cases.intake.saved', { number: outcome.progress.caseNumber }),
      });
      void navigate(`/cases/${caseId}`, { state: { duplicates: outcome.progress.duplicates } });
    } else if (caseId) {
      // The case exists: what is left moves to the case page, which offers to finish it.
      savePendingIntake(userId, {
        caseId,
        people: current.people,
        progress: outcome.progress,
        failure: outcome.ok ? null : { step: outcome.failedStep, messages: failureMessages(outcome.error) },
      });
      draft.forget();
      void navigate(`/cases/${caseId}?tab=people`, { state: { duplicates: outcome.progress.duplicates } });
    } else if (!outcome.ok && isApiError(outcome.error) && Object.keys(outcome.error.fields).length > 0) {
      form.setErrors(outcome.error.fields);
      goTo(Math.min(...Object.keys(outcome.error.fields).map(stepOfField)));
      focusFirstInvalidField();
    }
  };

  const setPart =
    <K extends keyof IntakeValues>(key: K) =>
    (next: IntakeValues[K]) => {
      form.setErrors(withoutErrorsOf(form.errors, '', { [key]: form.getValues()[key] }, { [key]: next }));
      form.setValues({ [key]: next } as Partial<IntakeValues>);
    };
  const label = (index: number) => t(`cases.intake.steps.${INTAKE_STEPS[index] ?? 'report'}`);
  const running = saving.state?.running ?? false;

  return (
    <>
      <PageHeader
        title={t('cases.intake.title')}
        description={t('cases.intake.description')}
        action={
          <Button component={Link} to="/cases" variant="default">
            {t('common.cancel')}
          </Button>
        }
      />
      {draft.offered ? (
        <DraftPrompt
          draft={draft.offered}
          onResume={() => {
            const resumed = draft.resume();
            if (resumed) {
              form.setValues(resumed.values);
              goTo(Math.min(resumed.step, INTAKE_STEPS.length - 1));
            }
          }}
          onDiscard={draft.discard}
        />
      ) : null}
      <Stepper
        active={step}
        onStepClick={(index) => (index <= reached && !running ? goTo(index) : undefined)}
        size="sm"
        mb="md"
        aria-label={t('cases.intake.stepsLabel')}
      >
        {INTAKE_STEPS.map((name, index) => (
          <Stepper.Step
            key={name}
            label={phone ? undefined : label(index)}
            aria-label={label(index)}
            allowStepSelect={index <= reached && !running}
          />
        ))}
      </Stepper>
      <Title order={2} fz="h4" mb="sm">
        {t('cases.intake.stepHeading', { n: step + 1, total: INTAKE_STEPS.length, name: label(step) })}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (step < INTAKE_STEPS.length - 1) next();
          else void save();
        }}
      >
        <Stack gap="md" maw={820}>
          {step === 0 ? (
            <Text size="sm" c="dimmed">
              {t('common.requiredNote')}
            </Text>
          ) : null}
          <IntakeStepContent
            step={step}
            values={values}
            errors={form.errors}
            setPart={setPart}
            ageContext={ageContext}
            today={today}
            regionCode={regionCode}
            taskForceId={session.taskForce?.id ?? null}
          />
          {saving.state && (running || saving.state.failedStep !== null) ? (
            <Card withBorder radius="md" padding="md" aria-busy={running}>
              <Text fw={600} size="sm" mb="xs">
                {t('cases.intake.saveProgress')}
              </Text>
              <SaveProgressList
                steps={saving.state.steps}
                progress={saving.state.progress}
                current={saving.state.current}
                failedStep={saving.state.failedStep}
              />
            </Card>
          ) : null}
          {saving.state?.error && !running ? (
            <ErrorAlert error={saving.state.error} title={t('cases.intake.saveFailed')} showFieldMessages />
          ) : null}
          {Object.keys(form.errors).length > 0 && step === INTAKE_STEPS.length - 1 ? (
            <Alert color="red">{t('cases.intake.fixBeforeSave')}</Alert>
          ) : null}
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              {step > 0 ? (
                <Button variant="default" onClick={() => goTo(step - 1)} disabled={running}>
                  {t('cases.intake.back')}
                </Button>
              ) : null}
              <Button type="submit" loading={running}>
                {step < INTAKE_STEPS.length - 1 ? t('cases.intake.next') : t('cases.intake.saveCase')}
              </Button>
            </Group>
            <Text size="xs" c={draft.storageFailed ? 'red' : 'dimmed'} role="status">
              {draft.storageFailed
                ? t('cases.intake.draftNotStored')
                : draft.savedAt
                  ? t('cases.intake.draftStored', { time: formatTime(draft.savedAt, lang, zone) })
                  : ''}
            </Text>
          </Group>
        </Stack>
      </form>
    </>
  );
}
