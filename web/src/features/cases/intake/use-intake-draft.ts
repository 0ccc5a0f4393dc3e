import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../app/api-client';
import { discardIntakeDraft, type IntakeDraft, loadIntakeDraft, saveIntakeDraft } from './intake-draft';
import type { IntakeValues } from './intake-values';

/**
 * The intake's draft on this device: an earlier one is offered first (resume or discard); after
 * that, what is typed is written back shortly after each change.
 */
export function useIntakeDraft(userId: string) {
  const [offered, setOffered] = useState<IntakeDraft | null>(() => loadIntakeDraft(userId));
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);
  const stepRef = useRef(0);
  const keyRef = useRef(idempotencyKey);
  keyRef.current = idempotencyKey;

  const write = useDebouncedCallback(
    (values: IntakeValues) => {
      const ok = saveIntakeDraft(userId, { step: stepRef.current, values, idempotencyKey: keyRef.current });
      setStorageFailed(!ok);
      if (ok) setSavedAt(new Date());
    },
    // Leaving the form (a save, sign-out) drops what waits: sign-out must leave no draft behind.
    { delay: 600, flushOnUnmount: false },
  );

  // Closing or reloading the tab, or switching away on a phone, writes what was typed last.
  useEffect(() => {
    const flush = () => write.flush();
    const hidden = () => {
      if (document.visibilityState === 'hidden') write.flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [write]);

  /** Called on every change; nothing is written while an earlier draft still waits for a choice. */
  const remember = useCallback(
    (values: IntakeValues, step: number) => {
      stepRef.current = step;
      if (!offered) write(values);
    },
    [offered, write],
  );

  const resume = useCallback((): IntakeDraft | null => {
    const draft = offered;
    if (draft) setIdempotencyKey(draft.idempotencyKey);
    setOffered(null);
    return draft;
  }, [offered]);

  const discard = useCallback(() => {
    discardIntakeDraft(userId);
    setOffered(null);
  }, [userId]);

  /** After a save: the draft must not outlive it. */
  const forget = useCallback(() => {
    write.cancel();
    discardIntakeDraft(userId);
  }, [userId, write]);

  return { offered, idempotencyKey, savedAt, storageFailed, remember, resume, discard, forget };
}
