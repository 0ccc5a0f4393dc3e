import { Alert, Button, Card, Checkbox, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type CaseDetail,
  elementsFromIndicators,
  type PersonView,
  SCREENING_ELEMENTS,
  type ScreeningResult,
  screeningResult,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { FormSection } from '../../app/ui/FormSection';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useLanguage } from '../../i18n';
import { valueLabel, valueOptions } from '../cases/case-values';
import { ElementFindingsBadges } from './ElementFindingsBadges';
import { type Checklist, useRecordScreening } from './screening.api';
import { indicatorLabel, RESULT_COLORS } from './screening-labels';

interface ScreeningFormProps {
  detail: CaseDetail;
  victims: { person: PersonView; label: string }[];
  checklist: Checklist;
}

/** The checklist by element, the result the law implies as boxes are ticked, and the screener's decision. */
export function ScreeningForm({ detail, victims, checklist }: ScreeningFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const record = useRecordScreening(detail.id);
  const [personId, setPersonId] = useState(victims.length === 1 ? (victims[0]?.person.id ?? '') : '');
  const [checked, setChecked] = useState<string[]>([]);
  const [chosen, setChosen] = useState<ScreeningResult | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();

  const person = victims.find((v) => v.person.id === personId)?.person ?? null;
  // Without a chosen person the server treats the case as a child's only when every victim is a child.
  const isChild = person
    ? person.isChild
    : detail.childVictimCount > 0 && detail.childVictimCount === detail.victimCount;
  const elements = elementsFromIndicators(checklist.indicators, checked);
  const computed = screeningResult(elements, isChild);
  const result = chosen ?? computed;
  const overridden = result !== computed;

  const submit = () => {
    if (overridden && note.trim().length < 3) {
      setNoteError(t('screening.overrideNeedsNote'));
      return;
    }
    setNoteError(undefined);
    record.mutate(
      { personId: personId || null, checked, result, note: note.trim() || null },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('screening.recorded', { result: valueLabel(lang, 'screeningResults', saved.result) }),
          });
          setChecked([]);
          setChosen(null);
          setNote('');
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Select
        label={t('screening.person')}
        description={t('screening.personHelp')}
        data={victims.map((v) => ({ value: v.person.id, label: v.label }))}
        value={personId || null}
        onChange={(value) => setPersonId(value ?? '')}
        placeholder={t('screening.wholeCase')}
        clearable
      />
      {SCREENING_ELEMENTS.map((element) => (
        <FormSection key={element} legend={t(`screening.elements.${element}`)}>
          <Text size="xs" c="dimmed">
            {t(`screening.elementHelp.${element}`)}
          </Text>
          <Checkbox.Group
            value={checked}
            onChange={setChecked}
            aria-label={valueLabel(lang, 'screeningElements', element)}
          >
            <Stack gap={8}>
              {checklist.indicators
                .filter((indicator) => indicator.element === element)
                .map((indicator) => (
                  <Checkbox key={indicator.id} value={indicator.id} label={indicatorLabel(indicator, lang)} />
                ))}
            </Stack>
          </Checkbox.Group>
        </FormSection>
      ))}
      <Card withBorder radius="md" padding="md" aria-live="polite">
        <Title order={3} fz="h5" mb="xs">
          {t('screening.computedTitle')}
        </Title>
        <ElementFindingsBadges elements={elements} />
        <Text size="sm" mt="sm">
          {isChild ? t('screening.childRule') : t('screening.adultRule')}
        </Text>
        <Text size="sm" mt="xs" component="div">
          {t('screening.computedIs')}{' '}
          <StatusBadge
            label={valueLabel(lang, 'screeningResults', computed)}
            color={RESULT_COLORS[computed] ?? 'gray'}
          />
        </Text>
      </Card>
      <Radio.Group
        label={t('screening.decision')}
        description={t('screening.decisionHelp')}
        value={result}
        onChange={(value) => setChosen(value === computed ? null : (value as ScreeningResult))}
      >
        <Stack gap={6} mt="xs">
          {valueOptions(lang, 'screeningResults').map((option) => (
            <Radio
              key={option.value}
              value={option.value}
              label={
                option.value === computed ? `${option.label} (${t('screening.asComputed')})` : option.label
              }
            />
          ))}
        </Stack>
      </Radio.Group>
      {overridden ? (
        <Alert color="orange" variant="light">
          {t('screening.overrideWarning')}
        </Alert>
      ) : null}
      <Textarea
        label={t('screening.note')}
        description={t('screening.noteHelp')}
        withAsterisk={overridden}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={noteError ?? (isApiError(record.error) ? record.error.fields.note : undefined)}
      />
      {record.isError ? (
        <ErrorAlert error={record.error} title={t('errors.saveFailed')} showFieldMessages />
      ) : null}
      <div>
        <Button onClick={submit} loading={record.isPending}>
          {t('screening.submit')}
        </Button>
      </div>
      <Text size="xs" c="dimmed">
        {t('screening.checklistVersion', { version: checklist.version })} · {t('screening.checklistNote')}
      </Text>
    </Stack>
  );
}
