import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Country, Region, RegionLevel } from '@sinergi/core';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);

/** Splits one CSV line, honouring quotes ("a, b" and doubled "" inside). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Kemendagri regions and ISO countries, read once from their packages and kept in memory: they are
 * read-only reference data, ~90,000 rows, faster to serve from memory than from either database.
 */
export class ReferenceData {
  private regions?: Map<string, Region>;
  private children?: Map<string, Region[]>;
  private countryList?: Country[];
  private countryByCode?: Map<string, Country>;

  /**
   * Reads everything now. The server calls this before it listens, so the first request that
   * needs a region (the first case list after a start) does not wait for 90,000 rows to be parsed.
   */
  preload(): void {
    this.loadRegions();
    this.countries();
  }

  private loadRegions(): void {
    if (this.regions) return;
    const dir = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
    const regions = new Map<string, Region>();
    const children = new Map<string, Region[]>();
    const files: [string, RegionLevel, number | null][] = [
      ['provinces.csv', 'province', null],
      ['regencies.csv', 'regency', 1],
      ['districts.csv', 'district', 1],
      ['villages.csv', 'village', 1],
    ];
    for (const [file, level, parentCol] of files) {
      const lines = fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
      const header = parseCsvLine(lines[0]!);
      const nameCol = header.indexOf('name');
      for (const line of lines.slice(1)) {
        if (!line) continue;
        const cols = parseCsvLine(line);
        const code = cols[0]!;
        const parentCode = parentCol === null ? null : cols[parentCol]!;
        const region: Region = { code, name: cols[nameCol]!, level, parentCode };
        regions.set(code, region);
        const key = parentCode ?? '';
        const list = children.get(key);
        if (list) list.push(region);
        else children.set(key, [region]);
      }
    }
    for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
    this.regions = regions;
    this.children = children;
  }

  region(code: string): Region | undefined {
    this.loadRegions();
    return this.regions!.get(code);
  }

  /** Children of a region; the provinces when `parent` is empty. */
  regionChildren(parent: string | null): Region[] {
    this.loadRegions();
    return this.children!.get(parent ?? '') ?? [];
  }

  searchRegions(query: string, limit: number, level?: RegionLevel): Region[] {
    this.loadRegions();
    const q = query.toLowerCase();
    const out: Region[] = [];
    for (const r of this.regions!.values()) {
      if (level && r.level !== level) continue;
      if (r.name.toLowerCase().includes(q)) {
        out.push(r);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  countries(): Country[] {
    if (!this.countryList) {
      countries.registerLocale(require('i18n-iso-countries/langs/id.json'));
      countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
      const id = countries.getNames('id', { select: 'official' });
      const en = countries.getNames('en', { select: 'official' });
      this.countryList = Object.keys(en)
        .map((code) => ({ code, nameId: id[code] ?? en[code]!, nameEn: en[code]! }))
        .sort((a, b) => a.nameId.localeCompare(b.nameId, 'id'));
      this.countryByCode = new Map(this.countryList.map((c) => [c.code, c]));
    }
    return this.countryList;
  }

  country(code: string): Country | undefined {
    this.countries();
    return this.countryByCode!.get(code.toUpperCase());
  }
}
