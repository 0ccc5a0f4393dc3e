import { describe, expect, it } from 'vitest';
import { mappingProblems, parseRegisterRow, readDate, suggestMapping } from './register.js';

describe('legacy register rows', () => {
  it('reads Indonesian words and date layouts into the form inputs', () => {
    const r = parseRegisterRow({
      importKey: 'REG-1',
      reportedDate: '10/05/2024',
      caseType: 'Potensi TPPO',
      risk: 'Tinggi',
      fullName: 'Maria Teba',
      sex: 'P',
      estimatedAge: '19',
      education: 'SMA/SMK',
      destinationCountry: 'Malaysia',
      exploitationTypes: 'Kerja paksa; Perbudakan',
      phone: '0812 3456 7890',
    });
    expect(r.problems).toEqual([]);
    expect(r.caseInput).toMatchObject({
      caseType: 'potential_tppo',
      risk: 'high',
      reportedAt: '2024-05-10T00:00:00+08:00',
      profile: { exploitationTypes: ['forced_labour', 'slavery_and_practices'], destinationCountry: 'MY' },
    });
    expect(r.personInput).toMatchObject({
      role: 'victim',
      sex: 'Female',
      estimatedAge: 19,
      education: 'senior_secondary',
      phone: '+6281234567890',
    });
  });

  it('names every problem of a row by its register field', () => {
    const r = parseRegisterRow({
      reportedDate: '2024-13-45',
      caseType: 'Penipuan',
      sex: 'X',
      nik: '123',
      estimatedAge: 'dua',
    });
    const fields = Object.fromEntries(r.problems.map((p) => [p.field, p.key]));
    expect(fields).toMatchObject({
      importKey: 'required',
      caseType: 'value_unknown',
      sex: 'value_unknown',
      estimatedAge: 'number_format',
      fullName: 'required',
      nik: 'nik_format',
      reportedDate: 'date_format',
    });
    expect(r.caseInput).toBeNull();
  });

  it('suggests a mapping from known headers and checks it', () => {
    const columns = ['No. Register', 'Tgl Lapor', 'Jenis Kasus', 'Nama Korban', 'JK', 'Lain'];
    const m = suggestMapping(columns);
    expect(m).toEqual({
      importKey: 'No. Register',
      reportedDate: 'Tgl Lapor',
      caseType: 'Jenis Kasus',
      fullName: 'Nama Korban',
      sex: 'JK',
    });
    expect(mappingProblems(m, columns)).toEqual({});
    expect(mappingProblems({ importKey: 'Tidak ada' }, columns)).toMatchObject({
      importKey: 'import_column_unknown',
      sex: 'import_mapping_missing',
    });
    expect(readDate('1.2.2024')).toBe('2024-02-01');
  });
});
