import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  ScrollArea,
  Skeleton,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IMPORT_FIELDS, type ImportJob } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';
import { useUrlFilters, uuidOrEmpty } from '../../app/ui/use-url-filters';
import { ImportCounts, ImportRows } from './ImportReport';
import { useDryRun, useImportJob, useImportPreview, useRunImport, useUploadRegister } from './import.api';
import { MappingStep } from './MappingStep';

const KEYS = ['job'] as const;

function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const upload = useUploadRegister();
  const [file, setFile] = useState<File | null>(null);
  const fieldError = isApiError(upload.error)
    ? upload.error.code === 'payload_too_large'
      ? t('imports.tooLarge')
      : upload.error.fields.file
    : undefined;
  return (
    <Stack gap="sm" maw={560}>
      <Text size="sm">{t('imports.uploadHelp')}</Text>
      <FileInput
        label={t('imports.file')}
        description={t('imports.fileHelp')}
        placeholder={t('imports.choose')}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        value={file}
        onChange={(f) => {
          setFile(f);
          upload.reset();
        }}
        error={fieldError}
        clearable
        required
      />
      {upload.isError && !fieldError ? <ErrorAlert error={upload.error} /> : null}
      <Group>
        <Button
          disabled={!file}
          loading={upload.isPending}
          onClick={() => file && upload.mutate(file, { onSuccess: onUploaded })}
        >
          {t('imports.upload')}
        </Button>
      </Group>
    </Stack>
  );
}

function PreviewTable({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const preview = useImportPreview(job.id, JSON.stringify(job.mapping));
  const fields = IMPORT_FIELDS.filter((f) => job.mapping?.[f]);
  if (preview.isPending) return <Skeleton height={120} />;
  if (preview.isError) return <ErrorAlert error={preview.error} />;
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table striped withTableBorder fz="xs" aria-label={t('imports.previewTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.row')}</Table.Th>
            {fields.map((f) => (
              <Table.Th key={f}>{t(`imports.fields.${f}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.data.rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              {fields.map((f) => (
                <Table.Td key={f}>{r.values[f] ?? ''}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** A run that stopped part-way: what happened, and the button that continues it. */
function ResumeImport(props: {
  /** Red for a run that failed, yellow for one whose server went away. */
  color: 'red' | 'yellow';
  message: string;
  pending: boolean;
  error: unknown;
  onResume: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color={props.color} variant="light" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{props.message}</Text>
        <Text size="sm">{t('imports.resumeHelp')}</Text>
        {props.error ? <ErrorAlert error={props.error} /> : null}
        <Button size="sm" loading={props.pending} onClick={props.onResume}>
          {t('imports.resume')}
        </Button>
      </Stack>
    </Alert>
  );
}

function activeStep(job: ImportJob | undefined, editing: boolean): number {
  if (!job) return 0;
  if (editing || (job.status === 'uploaded' && !job.mapping)) return 1;
  if (job.status === 'uploaded') return 2;
  if (job.status === 'validated' || job.status === 'running') return 3;
  return 4;
}

/** The wizard: upload -> mapping -> preview and dry run -> import with progress -> report. */
export function ImportPage() {
  const { t } = useTranslation();
  const phone = usePhoneLayout();
  const { values, setFilter } = useUrlFilters(KEYS);
  const jobId = uuidOrEmpty(values.job);
  const job = useImportJob(jobId);
  const [editing, setEditing] = useState(false);
  const dryRun = useDryRun(jobId);
  const run = useRunImport(jobId);
  const data = jobId ? job.data : undefined;
  const step = activeStep(data, editing);
  const restart = () => {
    setEditing(false);
    setFilter('job', '');
  };

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        description={t('imports.description')}
        action={
          jobId ? (
            <Button variant="default" onClick={restart}>
              {t('imports.newImport')}
            </Button>
          ) : undefined
        }
      />
      {jobId && job.isPending ? (
        <Skeleton height={200} />
      ) : jobId && job.isError ? (
        <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />
      ) : (
        <Stepper
          active={step}
          orientation={phone ? 'vertical' : 'horizontal'}
          size="sm"
          allowNextStepsSelect={false}
        >
          <Stepper.Step label={t('imports.steps.upload')}>
            <UploadStep onUploaded={(j) => setFilter('job', j.id)} />
          </Stepper.Step>
          <Stepper.Step label={t('imports.steps.mapping')}>
            {data ? (
              <MappingStep
                key={`${data.id}-${editing}`}
                job={data}
                onDone={() => {
                  setEditing(false);
                  dryRun.reset();
                }}
              />
            ) : null}
          </Stepper.Step>
          <Stepper.Step label={t('imports.steps.dryRun')}>
            {data ? (
              <Stack gap="md">
                <Title order={2} size="h4">
                  {t('imports.previewTitle')}
                </Title>
                <Text size="sm">{t('imports.previewHelp', { count: data.totalRows })}</Text>
                <PreviewTable job={data} />
                {dryRun.isError ? <ErrorAlert error={dryRun.error} showFieldMessages /> : null}
                <Group>
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t('imports.changeMapping')}
                  </Button>
                  <Button loading={dryRun.isPending} onClick={() => dryRun.mutate()}>
                    {t('imports.runDry')}
                  </Button>
                </Group>
              </Stack>
            ) : null}
          </Stepper.Step>
          <Stepper.Step label={t('imports.steps.import')}>
            {data ? (
              <Stack gap="md">
                {data.status === 'running' ? (
                  <Card withBorder padding="md" radius="md">
                    <Stack gap="xs">
                      <Text size="sm" fw={600}>
                        {t('imports.running', { done: data.processedRows, total: data.totalRows })}
                      </Text>
                      <Progress
                        value={data.totalRows ? (100 * data.processedRows) / data.totalRows : 0}
                        aria-label={t('imports.progress')}
                        animated={!data.resumable}
                      />
                      {data.resumable ? (
                        <ResumeImport
                          color="yellow"
                          message={t('imports.stalled')}
                          pending={run.isPending}
                          error={run.isError ? run.error : null}
                          onResume={() => run.mutate()}
                        />
                      ) : null}
                    </Stack>
                  </Card>
                ) : (
                  <>
                    <Title order={2} size="h4">
                      {t('imports.dryRunResult')}
                    </Title>
                    <Alert variant="light" color={data.rejectedRows ? 'yellow' : 'teal'}>
                      {t('imports.dryRunSaid')}
                    </Alert>
                    <ImportCounts job={data} after={false} />
                    <ImportRows job={data} />
                    {run.isError ? <ErrorAlert error={run.error} showFieldMessages /> : null}
                    <Group>
                      <Button variant="default" onClick={() => setEditing(true)}>
                        {t('imports.changeMapping')}
                      </Button>
                      <Button
                        loading={run.isPending}
                        disabled={data.validRows === 0}
                        onClick={() => run.mutate()}
                      >
                        {t('imports.runImport', { count: data.validRows })}
                      </Button>
                    </Group>
                  </>
                )}
              </Stack>
            ) : null}
          </Stepper.Step>
          <Stepper.Completed>
            {data ? (
              <Stack gap="md">
                <Title order={2} size="h4">
                  {t('imports.reportTitle')}
                </Title>
                {data.status === 'failed' ? (
                  <ResumeImport
                    color="red"
                    message={t('imports.failed')}
                    pending={run.isPending}
                    error={run.isError ? run.error : null}
                    onResume={() => run.mutate()}
                  />
                ) : (
                  <Alert color="teal" variant="light">
                    {t('imports.doneSaid', { count: data.importedRows })}
                  </Alert>
                )}
                <ImportCounts job={data} after />
                <ImportRows job={data} />
                <Group>
                  <Anchor component={Link} to="/cases">
                    {t('imports.toCases')}
                  </Anchor>
                </Group>
              </Stack>
            ) : null}
          </Stepper.Completed>
        </Stepper>
      )}
    </>
  );
}
