import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

/** List filters and the page number, kept in the URL so a filtered list can be shared and reloaded. */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const serialized = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialized query is the real dependency
  const values = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>,
    [serialized, keys],
  );
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  // Two changes before the next render (two filters set in quick succession) must both stand: the
  // router's updater sees the query of the last render only, so the latest one is kept here.
  const latest = useRef(params);
  latest.current = params;

  const setFilter = useCallback(
    (key: K, value: string) => {
      const next = new URLSearchParams(latest.current);
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('page');
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );

  const setPage = useCallback(
    (value: number) => {
      const next = new URLSearchParams(latest.current);
      if (value > 1) next.set('page', String(value));
      else next.delete('page');
      latest.current = next;
      setParams(next);
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const hasFilters = keys.some((key) => values[key] !== '');
  return { values, page, setFilter, setPage, clear, hasFilters };
}

/** A filter value from the URL if it is one the API accepts, else no filter (a hand-edited link). */
export function allowedOrEmpty(value: string, allowed: readonly string[]): string {
  return allowed.includes(value) ? value : '';
}

export const BOOLEAN_FILTER_VALUES = ['true', 'false'] as const;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidOrEmpty(value: string): string {
  return UUID_PATTERN.test(value) ? value : '';
}
