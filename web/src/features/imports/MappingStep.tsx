import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IMPORT_FIELDS, type ImportJob, type ImportMapping, REQUIRED_IMPORT_FIELDS } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useSavedMappings, useSaveMapping } from './import.api';

/** Which file column feeds which field; a mapping can be saved under a name and reused. */
export function MappingStep({ job, onDone }: { job: ImportJob; onDone: () => void }) {
  const { t } = useTranslation();
  const saved = useSavedMappings();
  const save = useSaveMapping(job.id);
  const [mapping, setMapping] = useState<ImportMapping>(job.mapping ?? job.suggestedMapping);
  const [saveAs, setSaveAs] = useState('');
  const columns = job.columns.map((c) => ({ value: c, label: c }));
  const errorOf = (field: string) =>
    isApiError(save.error) ? save.error.fields[`mapping.${field}`] : undefined;

  return (
    <Stack gap="md">
      <Text size="sm">{t('imports.mappingHelp')}</Text>
      {saved.data?.length ? (
        <Select
          label={t('imports.useSaved')}
          placeholder={t('imports.useSavedPlaceholder')}
          data={saved.data.map((m) => ({ value: m.id, label: m.name }))}
          onChange={(id) => {
            const m = saved.data.find((x) => x.id === id);
            if (m)
              setMapping(
                Object.fromEntries(Object.entries(m.mapping).filter(([, col]) => job.columns.includes(col!))),
              );
          }}
          clearable
          maw={420}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {IMPORT_FIELDS.map((field) => (
          <Select
            key={field}
            label={t(`imports.fields.${field}`)}
            required={REQUIRED_IMPORT_FIELDS.includes(field)}
            placeholder={t('imports.notInFile')}
            data={columns}
            value={mapping[field] ?? null}
            onChange={(col) => {
              save.reset();
              setMapping((m) => {
                const next = { ...m };
                if (col) next[field] = col;
                else delete next[field];
                return next;
              });
            }}
            clearable
            searchable
            error={errorOf(field)}
          />
        ))}
      </SimpleGrid>
      <TextInput
        label={t('imports.saveAs')}
        description={t('imports.saveAsHelp')}
        value={saveAs}
        onChange={(e) => setSaveAs(e.currentTarget.value)}
        error={isApiError(save.error) ? save.error.fields.saveAs : undefined}
        maw={420}
      />
      {save.isError && !Object.keys(isApiError(save.error) ? save.error.fields : {}).length ? (
        <ErrorAlert error={save.error} />
      ) : null}
      {save.isError && isApiError(save.error) && Object.keys(save.error.fields).length ? (
        <Text size="sm" c="red" role="alert">
          {t('imports.mappingInvalid')}
        </Text>
      ) : null}
      <Group>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate({ mapping, saveAs: saveAs.trim() || null }, { onSuccess: () => onDone() })
          }
        >
          {t('imports.saveMapping')}
        </Button>
      </Group>
    </Stack>
  );
}
