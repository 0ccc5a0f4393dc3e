import type { Country, Language, Region } from '@sinergi/core';

/** "Kabupaten Manggarai" as "Kab. Manggarai": the list is read on a phone. */
function shortRegency(name: string): string {
  return name.replace(/^Kabupaten /, 'Kab. ');
}

/** One region's name with its level, the way the offices write it (Kec. Cibal, Desa Rado). */
export function regionPart(region: Region): string {
  switch (region.level) {
    case 'province':
      return region.name;
    case 'regency':
      return shortRegency(region.name);
    case 'district':
      return `Kec. ${region.name}`;
    case 'village':
      // Kemendagri numbers kelurahan 1xxx and desa 2xxx.
      return `${region.code.split('.')[3]?.startsWith('1') ? 'Kel.' : 'Desa'} ${region.name}`;
  }
}

/** A region with its ancestors, nearest first: "Desa Rado, Kec. Cibal, Kab. Manggarai, Nusa Tenggara Timur". */
export function regionLabel(region: Region, path: readonly Region[]): string {
  return [region, ...[...path].reverse()].map(regionPart).join(', ');
}

export function countryLabel(country: Country, lang: Language): string {
  return lang === 'en' ? country.nameEn : country.nameId;
}

/** Lower case without accents or punctuation, for matching what was typed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Countries whose Indonesian or English name has every typed word, names starting with it first. */
export function matchCountries(countries: readonly Country[], query: string, limit = 8): Country[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const scored: { country: Country; rank: number }[] = [];
  for (const c of countries) {
    const names = `${foldText(c.nameId)} ${foldText(c.nameEn)}`;
    if (!words.every((w) => names.includes(w))) continue;
    const starts = [c.nameId, c.nameEn].some((n) => foldText(n).startsWith(words[0]!));
    scored.push({ country: c, rank: starts ? 0 : 1 });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.country.nameId.localeCompare(b.country.nameId, 'id'))
    .slice(0, limit)
    .map((s) => s.country);
}
