import { Badge, Button, Card, Group, Modal, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  formatDateTime,
  formatNumber,
  formatRupiah,
  type PlanActivity,
  type PlanTree,
  type ProgressReport,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { AttachmentLine } from '../attachments/AttachmentLine';
import { AttachmentUpload } from '../attachments/AttachmentUpload';
import { ACCEPTED_FILES } from '../documents/document-labels';
import { ProgressForm } from './ProgressForm';
import { evidencePath, useAttachEvidence, useProgressHistory, useRemoveEvidence } from './plan.api';

interface ProgressReportsDialogProps {
  plan: PlanTree;
  activity: PlanActivity | null;
  /** Member agencies, for the correction form's intervention request. */
  agencies: { value: string; label: string }[];
  onClose: () => void;
}

/**
 * An activity's reports, each period with its corrections, and the evidence of each version: the
 * reporting agency attaches files to the latest version; everyone in the task force downloads.
 */
export function ProgressReportsDialog({ plan, activity, agencies, onClose }: ProgressReportsDialogProps) {
  const { t } = useTranslation();
  const history = useProgressHistory(plan.id, activity?.id ?? null);
  const [correcting, setCorrecting] = useState<ProgressReport | null>(null);
  const [removing, setRemoving] = useState<{ report: ProgressReport; fileId: string; name: string } | null>(
    null,
  );
  return (
    <Modal
      opened={activity !== null}
      onClose={onClose}
      title={t('plans.evidence.title', { title: activity?.title ?? '' })}
      size="lg"
    >
      {history.isPending ? (
        <Skeleton height={120} />
      ) : history.isError ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <Text c="dimmed">{t('plans.evidence.noReports')}</Text>
      ) : (
        <Stack gap="sm">
          {history.data.map((r) => (
            <ReportCard
              key={r.id}
              plan={plan}
              activity={activity!}
              report={r}
              latest={history.data.find((x) => x.year === r.year && x.period === r.period) === r}
              onRemove={(fileId, name) => setRemoving({ report: r, fileId, name })}
              onCorrect={() => setCorrecting(r)}
            />
          ))}
        </Stack>
      )}
      {activity && correcting ? (
        <ProgressForm
          key={`${correcting.id}-${correcting.version}`}
          plan={plan}
          activity={activity}
          agencies={agencies}
          correcting={correcting}
          onClose={() => setCorrecting(null)}
        />
      ) : null}
      {activity ? (
        <RemoveEvidenceDialog
          planId={plan.id}
          activityId={activity.id}
          target={removing}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </Modal>
  );
}

function ReportCard({
  plan,
  activity,
  report: r,
  latest,
  onRemove,
  onCorrect,
}: {
  plan: PlanTree;
  activity: PlanActivity;
  report: ProgressReport;
  latest: boolean;
  onRemove: (fileId: string, name: string) => void;
  onCorrect: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const attach = useAttachEvidence(plan.id, activity.id, r.year, r.period);
  return (
    <Card withBorder padding="sm" data-testid="progress-report">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>
          {t(`plans.period.${plan.periodKind}`, { n: r.period })} {r.year}
        </Text>
        <Badge variant="light" color={latest ? 'teal' : 'gray'}>
          {latest
            ? t('plans.evidence.current', { n: r.version })
            : t('plans.evidence.superseded', { n: r.version })}
        </Badge>
      </Group>
      <Text size="sm">
        {t('plans.realisedOfTarget', {
          realised: formatNumber(r.realised, lang),
          target: formatNumber(activity.targets.find((x) => x.year === r.year)?.value ?? 0, lang),
          unit: activity.unit,
        })}{' '}
        · {formatRupiah(r.budgetSpent, lang)}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {r.achievement}
      </Text>
      {r.obstacles ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            {t('plans.obstacles')}:{' '}
          </Text>
          {r.obstacles}
        </Text>
      ) : null}
      {r.intervention ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            {t('plans.intervention')}:{' '}
          </Text>
          {r.intervention}
        </Text>
      ) : null}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="xs" c="dimmed">
          {formatDateTime(r.createdAt, lang, zone)}
        </Text>
        {latest && r.can.attach ? (
          <Button size="xs" variant="light" onClick={onCorrect}>
            {t('plans.correct')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" fw={600} mt="xs">
        {t('plans.evidence.files')}
      </Text>
      <Stack gap={6}>
        {r.evidence.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('plans.evidence.none')}
          </Text>
        ) : (
          r.evidence.map((f) => (
            <AttachmentLine
              key={f.id}
              file={f}
              contentPath={evidencePath(plan.id, activity.id, f.id)}
              onRemove={r.can.attach ? () => onRemove(f.id, f.filename) : undefined}
            />
          ))
        )}
        {r.can.attach ? (
          <AttachmentUpload
            label={t('plans.evidence.add')}
            description={t('plans.evidence.help')}
            accept={ACCEPTED_FILES}
            buttonLabel={t('documents.upload')}
            upload={attach}
            doneMessage={t('plans.evidence.saved')}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

function RemoveEvidenceDialog({
  planId,
  activityId,
  target,
  onClose,
}: {
  planId: string;
  activityId: string;
  target: { report: ProgressReport; fileId: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveEvidence(planId, activityId);
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={target !== null} onClose={close} title={t('plans.evidence.removeTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('plans.evidence.removeBody', { name: target?.name ?? '' })}</Text>
        <Textarea
          label={t('prevention.remove.reason')}
          withAsterisk
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {remove.isError ? <ErrorAlert error={remove.error} showFieldMessages /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={reason.trim().length < 3}
            loading={remove.isPending}
            onClick={() =>
              target &&
              remove.mutate(
                { report: target.report, fileId: target.fileId, reason: reason.trim() },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('plans.evidence.removed') });
                    close();
                  },
                },
              )
            }
          >
            {t('documents.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
