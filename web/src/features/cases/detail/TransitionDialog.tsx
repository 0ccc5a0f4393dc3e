import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type CaseDetail,
  type CaseStage,
  type CaseTransition,
  caseDetailSchema,
  fieldMessage,
  type ScreeningResult,
  transitionProblem,
} from '@sinergi/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client';
import { ErrorAlert } from '../../../app/ui/ErrorAlert';
import { useLanguage } from '../../../i18n';
import { caseKey, useTransitionCase } from '../case.api';
import { coreLabel, valueOptions } from '../case-values';

interface TransitionDialogProps {
  detail: CaseDetail;
  /** The stage to move to, or 'reopen'; null when closed. */
  to: CaseStage | 'reopen' | null;
  onClose: () => void;
}

/** Confirms a stage move; closing and reopening need a reason. The server's guard has the last word. */
export function TransitionDialog({ detail, to, onClose }: TransitionDialogProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const queryClient = useQueryClient();
  const transition = useTransitionCase(detail.id);
  const [reason, setReason] = useState('');
  const [closureReason, setClosureReason] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const needsReason = to === 'closed' || to === 'reopen';
  // Core's workflow rule, shown before the move so the user knows what the server will say.
  const hint =
    to && !needsReason
      ? transitionProblem(detail.stage as CaseStage, to, {
          latestScreening: detail.latestScreening as ScreeningResult | null,
        })
      : null;

  const close = () => {
    setReason('');
    setClosureReason('');
    setMissing({});
    transition.reset();
    onClose();
  };

  const submit = () => {
    if (!to) return;
    const problems: Record<string, string> = {};
    if (needsReason && reason.trim().length < 3) problems.reason = fieldMessage('reason_required', lang);
    if (to === 'closed' && !closureReason) problems.closureReason = fieldMessage('required', lang);
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    transition.mutate(
      {
        version: detail.version,
        to,
        reason: reason.trim() || null,
        closureReason: to === 'closed' ? (closureReason as CaseTransition['closureReason']) : null,
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('cases.stageChanged', { stage: coreLabel(lang, 'stage', saved.stage) }),
          });
          close();
        },
        onError: (error) => {
          if (!isApiError(error) || error.code !== 'version_conflict') return;
          // Someone else changed the case: show the current record; the user decides again.
          const current = caseDetailSchema.safeParse(error.current);
          if (current.success) queryClient.setQueryData(caseKey(detail.id), current.data);
        },
      },
    );
  };

  const title =
    to === 'closed'
      ? t('cases.transition.closeTitle')
      : to === 'reopen'
        ? t('cases.transition.reopenTitle')
        : t('cases.transition.moveTitle', { stage: coreLabel(lang, 'stage', to) });
  const serverReason = isApiError(transition.error) ? transition.error.fields.reason : undefined;

  return (
    <Modal opened={to !== null} onClose={close} title={title} centered>
      <Stack gap="sm">
        <Text size="sm">
          {to === 'closed'
            ? t('cases.transition.closeBody')
            : to === 'reopen'
              ? t('cases.transition.reopenBody')
              : t('cases.transition.moveBody', {
                  from: coreLabel(lang, 'stage', detail.stage),
                  stage: coreLabel(lang, 'stage', to),
                })}
        </Text>
        {hint && hint !== 'reason_required' ? (
          <Alert color="orange" variant="light">
            {fieldMessage(hint, lang)}
          </Alert>
        ) : null}
        {to === 'closed' ? (
          <Select
            label={t('cases.transition.closureReason')}
            withAsterisk
            data={valueOptions(lang, 'closureReasons')}
            value={closureReason || null}
            onChange={(value) => setClosureReason(value ?? '')}
            error={missing.closureReason}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <Textarea
          label={needsReason ? t('cases.transition.reason') : t('cases.transition.note')}
          description={needsReason ? t('cases.transition.reasonHelp') : t('cases.transition.noteHelp')}
          withAsterisk={needsReason}
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={missing.reason ?? serverReason}
        />
        {transition.isError ? (
          <ErrorAlert error={transition.error} title={t('cases.transition.refused')} showFieldMessages />
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={to === 'closed' ? 'red' : undefined} loading={transition.isPending} onClick={submit}>
            {to === 'closed'
              ? t('cases.transition.closeConfirm')
              : to === 'reopen'
                ? t('cases.transition.reopenConfirm')
                : t('cases.transition.moveConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
