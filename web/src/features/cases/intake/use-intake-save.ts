import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import {
  noProgress,
  runSave,
  type SaveOutcome,
  type SaveProgress,
  type SaveStep,
  saveSteps,
} from './intake-save';
import type { IntakeValues } from './intake-values';

export interface IntakeSaveState {
  running: boolean;
  steps: SaveStep[];
  progress: SaveProgress;
  current: number | null;
  failedStep: number | null;
  error: unknown;
}

/** Runs a save step by step and exposes its progress for the screen. */
export function useIntakeSave(zone: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<IntakeSaveState | null>(null);

  const save = useCallback(
    async (
      values: IntakeValues,
      idempotencyKey: string,
      from: SaveProgress = noProgress(),
    ): Promise<SaveOutcome> => {
      const steps = saveSteps(values.people);
      setState({ running: true, steps, progress: from, current: null, failedStep: null, error: null });
      const outcome = await runSave({
        values,
        zone,
        idempotencyKey,
        progress: from,
        onProgress: (progress, current) =>
          setState((s) => (s ? { ...s, progress, current: current < steps.length ? current : null } : s)),
      });
      setState({
        running: false,
        steps,
        progress: outcome.progress,
        current: null,
        failedStep: outcome.ok ? null : outcome.failedStep,
        error: outcome.ok ? null : outcome.error,
      });
      if (outcome.progress.caseId) await queryClient.invalidateQueries({ queryKey: ['cases'] });
      return outcome;
    },
    [queryClient, zone],
  );

  return { state, save, reset: () => setState(null) };
}
