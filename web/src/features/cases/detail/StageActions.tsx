import { Button, Group, Stack, Text } from '@mantine/core';
import type { CaseDetail, CaseStage } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n';
import { coreLabel } from '../case-values';
import { TransitionDialog } from './TransitionDialog';

/** The moves the server offers (`nextStages`), closing, and reopening a closed case. */
export function StageActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [to, setTo] = useState<CaseStage | 'reopen' | null>(null);
  if (!detail.abilities.transition) return null;
  const moves = detail.nextStages.filter((stage) => stage !== 'closed' && stage !== 'reopen') as CaseStage[];
  const canClose = detail.nextStages.includes('closed');
  const canReopen = detail.nextStages.includes('reopen');
  if (moves.length === 0 && !canClose && !canReopen) return null;

  return (
    <Stack gap="xs" className="no-print">
      <Text size="sm" fw={600}>
        {t('cases.transition.heading')}
      </Text>
      <Group gap="xs" wrap="wrap">
        {moves.map((stage) => (
          <Button key={stage} variant="light" onClick={() => setTo(stage)}>
            {t('cases.transition.moveTo', { stage: coreLabel(lang, 'stage', stage) })}
          </Button>
        ))}
        {canClose ? (
          <Button variant="outline" color="red" onClick={() => setTo('closed')}>
            {t('cases.transition.close')}
          </Button>
        ) : null}
        {canReopen ? (
          <Button variant="light" onClick={() => setTo('reopen')}>
            {t('cases.transition.reopen')}
          </Button>
        ) : null}
      </Group>
      <TransitionDialog detail={detail} to={to} onClose={() => setTo(null)} />
    </Stack>
  );
}
