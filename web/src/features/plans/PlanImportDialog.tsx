import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { type PlanImportResult, useImportPlan } from './plan.api';

/**
 * Imports a RAD from a workbook in the export's layout: the file is checked first (nothing is
 * saved), every problem is listed by row and column, and the plan is imported only when none is left.
 */
export function PlanImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useImportPlan();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<PlanImportResult | null>(null);
  const close = () => {
    setFile(null);
    setChecked(null);
    run.reset();
    onClose();
  };
  const fieldError = isApiError(run.error) ? run.error.fields.file : undefined;
  const preview = checked?.preview;
  const clean = preview !== undefined && preview.problems.length === 0 && preview.plan !== null;
  return (
    <Modal opened={opened} onClose={close} title={t('plans.import.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('plans.import.help')}
        </Text>
        <FileInput
          label={t('plans.import.file')}
          placeholder={t('documents.choose')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(next) => {
            setFile(next);
            setChecked(null);
            run.reset();
          }}
          error={fieldError}
          clearable
          data-autofocus
        />
        {run.isError && !fieldError ? <ErrorAlert error={run.error} /> : null}
        {preview ? (
          <Stack gap="xs" aria-live="polite">
            {preview.plan ? (
              <Text size="sm">
                {t('plans.import.summary', {
                  title: preview.plan.title,
                  start: preview.plan.startYear,
                  end: preview.plan.endYear,
                  programmes: preview.programmes,
                  activities: preview.activities,
                })}
              </Text>
            ) : null}
            {preview.problems.length ? (
              <>
                <Alert
                  color="red"
                  title={t('plans.import.problemsTitle', { count: preview.problems.length })}
                >
                  {t('plans.import.problemsHelp')}
                </Alert>
                <Table.ScrollContainer minWidth={420}>
                  <Table striped withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('plans.import.row')}</Table.Th>
                        <Table.Th>{t('plans.import.column')}</Table.Th>
                        <Table.Th>{t('plans.import.problem')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.problems.map((p) => (
                        <Table.Tr key={`${p.row}-${p.field}-${p.message}`}>
                          <Table.Td>{p.row || t('plans.import.planSheet')}</Table.Td>
                          <Table.Td>{p.field}</Table.Td>
                          <Table.Td>{p.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            ) : (
              <Alert color="teal">{t('plans.import.ready')}</Alert>
            )}
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            variant={clean ? 'default' : 'filled'}
            disabled={!file}
            loading={run.isPending && run.variables?.dryRun}
            onClick={() => file && run.mutate({ file, dryRun: true }, { onSuccess: setChecked })}
          >
            {t('plans.import.check')}
          </Button>
          <Button
            disabled={!file || !clean}
            loading={run.isPending && run.variables?.dryRun === false}
            onClick={() =>
              file &&
              run.mutate(
                { file, dryRun: false },
                {
                  onSuccess: (result) => {
                    if (result.plan) {
                      notifications.show({
                        color: 'teal',
                        message: t('plans.import.done', { title: result.plan.title }),
                      });
                      close();
                    } else setChecked(result);
                  },
                },
              )
            }
          >
            {t('plans.import.run')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
