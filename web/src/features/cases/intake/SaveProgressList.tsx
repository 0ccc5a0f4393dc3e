import { Group, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../app/ui/StatusBadge';
import { useLanguage } from '../../../i18n';
import { valueLabel } from '../case-values';
import { isStepDone, type SaveProgress, type SaveStep } from './intake-save';

/** "Korban 2: data diri": a step named by role and number, never by the person's name. */
export function saveStepLabel(t: TFunction, lang: 'id' | 'en', step: SaveStep): string {
  if (step.kind === 'case') return t('cases.intake.save.case');
  const who = t('cases.intake.save.who', {
    role: valueLabel(lang, 'personRoles', step.person.role),
    n: step.ordinal,
  });
  return step.kind === 'person'
    ? t('cases.intake.save.person', { who })
    : t('cases.intake.save.consent', { who });
}

interface SaveProgressListProps {
  steps: SaveStep[];
  progress: SaveProgress;
  /** The step being sent now, if any. */
  current: number | null;
  failedStep: number | null;
}

/** Each part of a save with its state in words and colour. */
export function SaveProgressList({ steps, progress, current, failedStep }: SaveProgressListProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <List spacing={6} listStyleType="none" aria-live="polite">
      {steps.map((step, index) => {
        const done = isStepDone(step, progress);
        const state = done
          ? 'done'
          : index === failedStep
            ? 'failed'
            : index === current
              ? 'saving'
              : 'waiting';
        const color = { done: 'teal', failed: 'red', saving: 'blue', waiting: 'gray' }[state];
        const key = step.kind === 'case' ? 'case' : `${step.kind}-${step.person.key}`;
        return (
          <List.Item key={key}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm">{saveStepLabel(t, lang, step)}</Text>
              <StatusBadge label={t(`cases.intake.save.state.${state}`)} color={color} />
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
