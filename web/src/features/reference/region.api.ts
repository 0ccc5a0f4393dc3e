import type { Region } from '@sinergi/core';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

/** Provinces (no parent) or the children of a region; reference data, so cached for the session. */
export function useRegionChildren(parentCode: string | null, enabled = true) {
  return useQuery({
    queryKey: ['regions', 'children', parentCode ?? 'root'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: Region[] }>('/regions', { query: { parent: parentCode ?? undefined }, signal }),
    select: (data) => data.items,
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
  });
}

/** One region with its ancestors, for showing a stored code by name. */
export function useRegion(code: string | null | undefined) {
  return useQuery({
    queryKey: ['regions', 'one', code ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<Region & { path: Region[] }>(`/regions/${encodeURIComponent(code ?? '')}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: !!code,
  });
}

export type RegionWithPath = Region & { path: Region[] };

/** Regions whose names match what was typed, best first, each with its ancestors. */
export function useRegionSearch(
  query: string,
  options: { within?: string | null; level?: Region['level']; enabled?: boolean } = {},
) {
  const q = query.trim();
  return useQuery({
    queryKey: ['regions', 'search', q, options.within ?? '', options.level ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<{ items: RegionWithPath[] }>('/regions', {
        query: { q, within: options.within ?? undefined, level: options.level, limit: 20 },
        signal,
      }),
    select: (data) => data.items,
    staleTime: Number.POSITIVE_INFINITY,
    enabled: (options.enabled ?? true) && q.length >= 2,
  });
}
