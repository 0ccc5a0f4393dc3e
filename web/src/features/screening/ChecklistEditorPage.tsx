import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type ChecklistIndicator,
  formatDateTime,
  SCREENING_ELEMENTS,
  screeningChecklistInputSchema,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { FormSection } from '../../app/ui/FormSection';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { PageHeader } from '../../app/ui/PageHeader';
import { useLanguage } from '../../i18n';
import { valueLabel, valueOptions } from '../cases/case-values';
import { type Checklist, useChecklist, usePublishChecklist } from './screening.api';

interface Row extends ChecklistIndicator {
  key: string;
  /** Indicators of the version in force keep their id: earlier screenings refer to it. */
  existing: boolean;
}

function rowsOf(checklist: Checklist): Row[] {
  return checklist.indicators.map((indicator) => ({ ...indicator, key: indicator.id, existing: true }));
}

function ChecklistEditor({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const publish = usePublishChecklist();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(checklist));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const update = (key: string, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const input = () => ({
    indicators: rows.map(({ id, element, labelId, labelEn }) => ({
      id: id.trim(),
      element,
      labelId: labelId.trim(),
      labelEn: labelEn.trim(),
    })),
    note: note.trim() || null,
  });

  const check = () => {
    const problems = schemaFieldErrors(screeningChecklistInputSchema, input(), lang);
    const seen = new Map<string, number>();
    rows.forEach((row, index) => {
      const id = row.id.trim();
      if (seen.has(id) && !problems[`indicators.${index}.id`])
        problems[`indicators.${index}.id`] = t('checklist.duplicateId');
      seen.set(id, index);
    });
    for (const element of SCREENING_ELEMENTS) {
      if (!rows.some((r) => r.element === element))
        problems[`element.${element}`] = t('checklist.elementEmpty', {
          element: valueLabel(lang, 'screeningElements', element),
        });
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) focusFirstInvalidField();
    return Object.keys(problems).length === 0;
  };

  const save = () =>
    publish.mutate(input(), {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('checklist.published', { version: saved.version }) });
        setRows(rowsOf(saved));
        setNote('');
        setErrors({});
      },
      onError: (error) => {
        if (isApiError(error)) setErrors(error.fields);
      },
    });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (check()) setConfirming(true);
      }}
    >
      <Stack gap="md" maw={900}>
        <Text size="sm">
          {t('checklist.current', {
            version: checklist.version,
            date: formatDateTime(checklist.createdAt, lang, zone),
          })}
          {checklist.note ? ` · ${checklist.note}` : ''}
        </Text>
        {SCREENING_ELEMENTS.map((element) => (
          <FormSection key={element} legend={t(`screening.elements.${element}`)}>
            {errors[`element.${element}`] ? (
              <Text c="red" size="sm">
                {errors[`element.${element}`]}
              </Text>
            ) : null}
            {rows.map((row, index) =>
              row.element !== element ? null : (
                <Card key={row.key} withBorder radius="md" padding="sm">
                  <Stack gap="xs">
                    <Group align="flex-end" gap="sm" wrap="wrap">
                      <TextInput
                        label={t('checklist.id')}
                        description={row.existing ? t('checklist.idFixed') : t('checklist.idHelp')}
                        value={row.id}
                        readOnly={row.existing}
                        variant={row.existing ? 'filled' : 'default'}
                        onChange={(e) => update(row.key, { id: e.currentTarget.value })}
                        error={errors[`indicators.${index}.id`]}
                        style={{ flex: '2 1 14rem' }}
                      />
                      <Select
                        label={t('checklist.element')}
                        data={valueOptions(lang, 'screeningElements')}
                        value={row.element}
                        onChange={(value) => value && update(row.key, { element: value as Row['element'] })}
                        allowDeselect={false}
                        style={{ flex: '1 1 9rem' }}
                      />
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                      >
                        {t('common.remove')}
                      </Button>
                    </Group>
                    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                      <Textarea
                        label={t('checklist.labelId')}
                        withAsterisk
                        autosize
                        minRows={1}
                        maxLength={300}
                        value={row.labelId}
                        onChange={(e) => update(row.key, { labelId: e.currentTarget.value })}
                        error={errors[`indicators.${index}.labelId`]}
                      />
                      <Textarea
                        label={t('checklist.labelEn')}
                        withAsterisk
                        autosize
                        minRows={1}
                        maxLength={300}
                        value={row.labelEn}
                        onChange={(e) => update(row.key, { labelEn: e.currentTarget.value })}
                        error={errors[`indicators.${index}.labelEn`]}
                      />
                    </SimpleGrid>
                  </Stack>
                </Card>
              ),
            )}
            <div>
              <Button
                variant="light"
                onClick={() =>
                  setRows((all) => [
                    ...all,
                    {
                      key: `new-${Date.now()}`,
                      id: `${element}_`,
                      element,
                      labelId: '',
                      labelEn: '',
                      existing: false,
                    },
                  ])
                }
              >
                {t('checklist.add')}
              </Button>
            </div>
          </FormSection>
        ))}
        <Textarea
          label={t('checklist.note')}
          description={t('checklist.noteHelp')}
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        {errors.indicators ? (
          <Text c="red" size="sm">
            {errors.indicators}
          </Text>
        ) : null}
        {publish.isError ? (
          <ErrorAlert error={publish.error} title={t('errors.saveFailed')} showFieldMessages />
        ) : null}
        <Group>
          <Button type="submit" loading={publish.isPending}>
            {t('checklist.publish')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('checklist.confirmTitle', { version: checklist.version + 1 })}
        body={t('checklist.confirmBody', { count: rows.length })}
        confirmLabel={t('checklist.publish')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          save();
        }}
      />
    </form>
  );
}

/** Administrators maintain the screening checklist; each change is published as a new version. */
export function ChecklistEditorPage() {
  const { t } = useTranslation();
  const checklist = useChecklist();
  return (
    <>
      <PageHeader title={t('checklist.title')} description={t('checklist.description')} />
      {checklist.isPending ? (
        <Skeleton height={300} radius="md" aria-busy="true" aria-label={t('app.loading')} />
      ) : checklist.isError ? (
        <ErrorAlert error={checklist.error} onRetry={() => void checklist.refetch()} />
      ) : (
        <ChecklistEditor key={checklist.data.version} checklist={checklist.data} />
      )}
      <Text size="xs" c="dimmed" mt="md">
        {t('checklist.footer')}
      </Text>
    </>
  );
}
