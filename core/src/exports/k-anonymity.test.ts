import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CTDC_GENERALISATIONS,
  CTDC_QUASI_IDENTIFIERS,
  type CtdcSource,
  ctdcAgeBand,
  ctdcRelease,
  ctdcRow,
} from './ctdc.js';
import {
  applyGeneralisations,
  type DataRow,
  isAllowedK,
  K_DEFAULT,
  KTooLowError,
  kAnonymise,
} from './k-anonymity.js';
import { csvLine, neutraliseCell } from './spreadsheet.js';

const QI = ['a', 'b'] as const;
const row = (a: string, b: number, extra = 0): DataRow => ({ a, b, extra });

describe('kAnonymise', () => {
  it('refuses k below 5 and non-integers', () => {
    expect(() => kAnonymise([], { k: 4, quasiIdentifiers: QI })).toThrow(KTooLowError);
    expect(() => kAnonymise([], { k: 5.5, quasiIdentifiers: QI })).toThrow(KTooLowError);
    expect(isAllowedK(5)).toBe(true);
    expect(K_DEFAULT).toBe(11);
  });

  it('suppresses combinations shared by fewer than k rows and counts them', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => row('x', 1)),
      ...Array.from({ length: 4 }, () => row('y', 1)),
    ];
    const res = kAnonymise(rows, { k: 5, quasiIdentifiers: QI });
    expect(res.rows).toHaveLength(5);
    expect(res.suppressed).toBe(4);
    expect(res.generalisations).toEqual([]);
  });

  it('applies a generalisation only when it lowers suppression', () => {
    const rows = [
      ...Array.from({ length: 3 }, () => row('x', 2024)),
      ...Array.from({ length: 3 }, () => row('x', 2025)),
    ];
    const steps = [
      { id: 'a:noop', column: 'a', generalise: (v: string | number) => v },
      { id: 'b:two_year', column: 'b', generalise: (v: string | number) => `${Number(v) - (Number(v) % 2)}` },
    ];
    const res = kAnonymise(rows, { k: 5, quasiIdentifiers: QI, steps });
    expect(res.generalisations).toEqual(['b:two_year']);
    expect(res.suppressed).toBe(0);
    expect(res.rows.every((r) => r.b === '2024')).toBe(true);
  });

  const rowArb = fc.record({
    a: fc.constantFrom('x', 'y', 'z'),
    b: fc.integer({ min: 2018, max: 2026 }),
    extra: fc.integer({ min: 0, max: 3 }),
  });
  const steps = [
    { id: 'b:two_year', column: 'b', generalise: (v: string | number) => Number(v) - (Number(v) % 2) },
  ];

  it('property: every released combination occurs at least k times', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 300 }), fc.integer({ min: 5, max: 20 }), (rows, k) => {
        const res = kAnonymise(rows, { k, quasiIdentifiers: QI, steps });
        const counts = new Map<string, number>();
        for (const r of res.rows) counts.set(`${r.a}|${r.b}`, (counts.get(`${r.a}|${r.b}`) ?? 0) + 1);
        for (const c of counts.values()) expect(c).toBeGreaterThanOrEqual(k);
        expect(res.rows.length + res.suppressed).toBe(rows.length);
      }),
    );
  });

  it('property: no released row that the (generalised) input did not have', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 300 }), fc.integer({ min: 5, max: 20 }), (rows, k) => {
        const res = kAnonymise(rows, { k, quasiIdentifiers: QI, steps });
        const pool = applyGeneralisations(rows, steps, res.generalisations).map((r) => JSON.stringify(r));
        const remaining = new Map<string, number>();
        for (const p of pool) remaining.set(p, (remaining.get(p) ?? 0) + 1);
        for (const r of res.rows) {
          const key = JSON.stringify(r);
          const left = remaining.get(key) ?? 0;
          expect(left).toBeGreaterThan(0);
          remaining.set(key, left - 1);
        }
      }),
    );
  });
});

const source = (over: Partial<CtdcSource> = {}): CtdcSource => ({
  reportYear: 2025,
  incidentYear: 2025,
  sex: 'Female',
  ageAtIncident: 22,
  nationality: 'ID',
  exploitationTypes: ['forced_labour'],
  labourSectors: ['Agriculture'],
  methodsOfControl: ['DebtBondage'],
  recruitmentMethods: ['JobOffer'],
  recruiterRelation: 'Friend',
  countryOfExploitation: 'MY',
  ...over,
});

describe('CTDC rows', () => {
  it('uses CTDC codes, -99 for missing and 00 for an unknown country', () => {
    const r = ctdcRow(source());
    expect(r).toMatchObject({
      yearOfRegistration: 2025,
      gender: 'Female',
      ageBroad: '21-23',
      majorityStatus: 'Adult',
      citizenship: 'ID',
      isForcedLabour: 1,
      isSexualExploit: 0,
      typeOfLabourAgriculture: 1,
      meansOfControlDebtBondage: 1,
      meansOfControlThreats: 0,
      RecruiterRelationship: 'Friend',
      recruiterRelationFriend: 1,
      CountryOfExploitation: 'MY',
      isAbduction: 0,
    });
    const empty = ctdcRow(
      source({
        sex: 'Unknown',
        ageAtIncident: null,
        nationality: null,
        exploitationTypes: [],
        labourSectors: [],
        methodsOfControl: [],
        recruitmentMethods: [],
        recruiterRelation: null,
        countryOfExploitation: null,
      }),
    );
    expect(empty).toMatchObject({
      gender: -99,
      ageBroad: -99,
      citizenship: '00',
      CountryOfExploitation: '00',
      isForcedLabour: -99,
      meansOfControlNotSpecified: 1,
      RecruiterRelationship: -99,
    });
  });

  it('bands ages as CTDC does', () => {
    expect([0, 8, 9, 17, 18, 29, 30, 47, 48].map(ctdcAgeBand)).toEqual([
      '0-8',
      '0-8',
      '9-17',
      '9-17',
      '18-20',
      '27-29',
      '30-38',
      '39-47',
      '48+',
    ]);
  });

  it('suppresses a fixed data set as expected and reports the generalisations', () => {
    // 12 women aged 22 in 2024 and 2025 alike, 3 men aged 40 in 2025, 11 girls aged 15 split over two years.
    const sources = [
      ...Array.from({ length: 12 }, (_, i) => source({ reportYear: 2024 + (i % 2), incidentYear: null })),
      ...Array.from({ length: 3 }, () => source({ sex: 'Male', ageAtIncident: 40 })),
      ...Array.from({ length: 11 }, (_, i) =>
        source({ ageAtIncident: 15, reportYear: 2024 + (i % 2), incidentYear: null }),
      ),
    ];
    const res = ctdcRelease(sources, 11);
    expect(res.generalisations).toEqual(['yearOfRegistration:two_year_period']);
    expect(res.suppressed).toBe(3);
    const rows = [...res.rows()];
    expect(rows).toHaveLength(23);
    expect(res.released).toBe(23);
    expect(rows.every((r) => r.yearOfRegistration === '2024-2025')).toBe(true);
    // Released rows are whole CTDC rows, generalised where the release says so.
    expect(rows[0]).toMatchObject({ isForcedLabour: 1, CountryOfExploitation: 'MY', gender: 'Female' });
    const res5 = ctdcRelease(sources, 5);
    // With k = 5 every year on its own is large enough: nothing is generalised.
    expect(res5.generalisations).toEqual([]);
    expect(res5.suppressed).toBe(3);
  });

  it('generalisation steps cover only quasi-identifiers', () => {
    for (const s of CTDC_GENERALISATIONS)
      expect(CTDC_QUASI_IDENTIFIERS as readonly string[]).toContain(s.column);
  });
});

describe('formula neutralisation', () => {
  it('prefixes text that a spreadsheet would run', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseCell('+62812')).toBe("'+62812");
    expect(neutraliseCell('-1+1')).toBe("'-1+1");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('\tx')).toBe("'\tx");
    expect(neutraliseCell('-99')).toBe('-99');
    expect(neutraliseCell('Maria')).toBe('Maria');
    expect(neutraliseCell(-99)).toBe(-99);
  });

  it('quotes CSV cells and neutralises them', () => {
    expect(csvLine(['a', '=1+1', 'x,y', 'say "hi"', -99, null])).toBe(`a,'=1+1,"x,y","say ""hi""",-99,`);
  });
});
