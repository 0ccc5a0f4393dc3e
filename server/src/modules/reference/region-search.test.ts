import { describe, expect, it } from 'vitest';
import { ReferenceData } from '../../platform/reference.js';
import { searchRegionsByName } from './region-search.js';

const reference = new ReferenceData();
const codes = (q: string, limit = 10, options = {}) =>
  searchRegionsByName(reference, q, limit, options).map((r) => r.code);

describe('region search by name', () => {
  it('puts the regency before the kecamatan and the villages of the same name', () => {
    const found = searchRegionsByName(reference, 'Nunukan', 5);
    expect(found[0]).toMatchObject({ code: '65.03', name: 'Kabupaten Nunukan', level: 'regency' });
    expect(found[0]!.path.map((p) => p.name)).toEqual(['Kalimantan Utara']);
    expect(found[1]).toMatchObject({ code: '65.03.02', level: 'district' });
    expect(found[1]!.path.map((p) => p.code)).toEqual(['65', '65.03']);
  });

  it('offers both Kupang regencies first, and a kecamatan by its own name', () => {
    expect(codes('kupang', 2).sort()).toEqual(['53.01', '53.71']);
    expect(codes('Ruteng', 1)).toEqual(['53.10.03']);
    expect(codes('cibal', 2)).toEqual(['53.10.06', '53.10.17']);
  });

  it('narrows by the names of the ancestors, ignoring level words, case and punctuation', () => {
    expect(codes('rado cibal')).toEqual(['53.10.06.2002']);
    expect(codes('Desa Rado, Kec. Cibal')).toEqual(['53.10.06.2002']);
    expect(codes('kota kupang', 1)).toEqual(['53.71']);
    // a word found only in an ancestor does not make every child a match
    expect(codes('manggarai', 20)).not.toContain('53.10.06');
  });

  it('keeps to a level or inside a region when asked, and finds nothing for level words alone', () => {
    expect(codes('manggarai', 10, { level: 'regency' }).sort()).toEqual(['53.10', '53.15', '53.19']);
    expect(codes('rado', 10, { within: '53.10' })).toEqual(['53.10.06.2002']);
    expect(codes('kecamatan desa')).toEqual([]);
    expect(codes('tidakadatempatini')).toEqual([]);
  });
});
