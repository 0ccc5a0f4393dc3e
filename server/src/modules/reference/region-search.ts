import type { Region, RegionLevel } from '@sinergi/core';
import type { ReferenceData } from '../../platform/reference.js';

export type RegionMatch = Region & { path: Region[] };

const LEVEL_ORDER: Record<RegionLevel, number> = { province: 0, regency: 1, district: 2, village: 3 };

/**
 * Words people type for the level rather than the place ("kec cibal", "desa rado"); they are not in
 * the Kemendagri names, so they are dropped. "Kota" and "Kabupaten" are in the names and stay.
 */
const LEVEL_WORDS = new Set(['kec', 'kecamatan', 'desa', 'kel', 'kelurahan', 'prov', 'provinsi']);

/** Lower case without accents or punctuation: "Wae Ri'i" and "wae rii" compare alike. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The name without the "Kabupaten"/"Kota" a regency carries, for an exact match on "Kupang". */
function bareName(folded: string): string {
  return folded.replace(/^(kabupaten|kota|kab) /, '');
}

export function ancestorsOf(reference: ReferenceData, region: Region): Region[] {
  const path: Region[] = [];
  let cur = region.parentCode;
  while (cur) {
    const r = reference.region(cur);
    if (!r) break;
    path.unshift(r);
    cur = r.parentCode;
  }
  return path;
}

// The folded names of each region and of its ancestors, built once per reference set (about 90,000).
const haystacks = new WeakMap<ReferenceData, Map<string, { own: string; all: string }>>();

function haystackOf(reference: ReferenceData): Map<string, { own: string; all: string }> {
  let map = haystacks.get(reference);
  if (map) return map;
  map = new Map();
  for (const r of reference.searchRegions('', Number.MAX_SAFE_INTEGER)) {
    const own = foldName(r.name);
    const parent = r.parentCode ? map.get(r.parentCode) : undefined;
    // Parents come before children in the reference data (provinces, regencies, districts, villages).
    map.set(r.code, { own, all: parent ? `${own} ${parent.all}` : own });
  }
  haystacks.set(reference, map);
  return map;
}

// Plain comparison: a short query ("ma") matches thousands of names, and collation is slow.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Regions whose name matches what a person types: every word must be in the region's name or an
 * ancestor's ("rado cibal" finds the village Rado in kecamatan Cibal), and at least one in its own
 * name. Exact names come first, then names starting with a word, then the rest; within each, the
 * higher level first (Kabupaten Nunukan before kecamatan Nunukan before a village), then by name.
 */
export function searchRegionsByName(
  reference: ReferenceData,
  query: string,
  limit: number,
  options: { level?: RegionLevel; within?: string } = {},
): RegionMatch[] {
  const words = foldName(query)
    .split(' ')
    .filter((w) => w && !LEVEL_WORDS.has(w));
  if (words.length === 0) return [];
  const phrase = words.join(' ');
  const found: { region: Region; rank: number }[] = [];
  for (const [code, hay] of haystackOf(reference)) {
    if (options.within && code !== options.within && !code.startsWith(`${options.within}.`)) continue;
    if (!words.every((w) => hay.all.includes(w))) continue;
    const own = words.filter((w) => hay.own.includes(w));
    if (own.length === 0) continue;
    const region = reference.region(code)!;
    if (options.level && region.level !== options.level) continue;
    const bare = bareName(hay.own);
    const ownWords = bare.split(' ');
    const rank =
      bare === phrase || own.some((w) => bare === w)
        ? 0
        : own.some((w) => ownWords.some((o) => o.startsWith(w)))
          ? 1
          : 2;
    found.push({ region, rank });
  }
  found.sort(
    (a, b) =>
      a.rank - b.rank ||
      LEVEL_ORDER[a.region.level] - LEVEL_ORDER[b.region.level] ||
      byText(a.region.name, b.region.name) ||
      byText(a.region.code, b.region.code),
  );
  return found.slice(0, limit).map(({ region }) => ({ ...region, path: ancestorsOf(reference, region) }));
}
