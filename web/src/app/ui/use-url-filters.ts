import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
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
  // Several changes in quick succession (filters set one after another) must all stand. The router
  // applies each a little later, and a render in between shows an older query; building the next
  // change on that would silently undo the ones still on their way. So the query last written is
  // kept here, with the ones written since the address last caught up: an address showing one of
  // those is ours arriving, and the newest is kept; any other address is a navigation (a link, the
  // back button), which wins. This is settled when a render is committed, never while rendering:
  // React may render an address and then throw that render away (the router's updates are
  // transitions an input event can interrupt), and bookkeeping done in a discarded render would
  // make a later render of the older address look like a navigation.
  const latest = useRef(params);
  const pending = useRef<string[]>([]);
  const committed = useRef(serialized);
  useLayoutEffect(() => {
    committed.current = serialized;
    const at = pending.current.indexOf(serialized);
    pending.current = at === -1 ? [] : pending.current.slice(at + 1);
    if (pending.current.length === 0) latest.current = new URLSearchParams(serialized);
  }, [serialized]);
  const write = useCallback(
    (next: URLSearchParams, replace: boolean) => {
      const query = next.toString();
      latest.current = next;
      // Writing the address already shown changes nothing, so it would never arrive.
      if (query === committed.current && pending.current.length === 0) return;
      pending.current.push(query);
      setParams(next, { replace });
    },
    [setParams],
  );

  const setFilter = useCallback(
    (key: K, value: string) => {
      const next = new URLSearchParams(latest.current);
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('page');
      write(next, true);
    },
    [write],
  );

  const setPage = useCallback(
    (value: number) => {
      const next = new URLSearchParams(latest.current);
      if (value > 1) next.set('page', String(value));
      else next.delete('page');
      write(next, false);
    },
    [write],
  );

  const clear = useCallback(() => write(new URLSearchParams(), true), [write]);
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
