import { describe, expect, it } from 'vitest';
import { LEGAL_STAGES, legalStageProblem, legalTrackEnded, nextLegalStages } from './stages.js';

const facts = { on: '2026-03-01', documentNumber: 'B/12/III/2026', reason: 'kurang bukti' };

describe('legal stage machine', () => {
  it('opens with the police report only', () => {
    expect(nextLegalStages(null)).toEqual(['laporan_polisi']);
    expect(legalStageProblem(null, 'penyidikan', facts, null)).toEqual({
      field: 'stage',
      key: 'transition_not_allowed',
    });
  });

  it('walks the whole track from the report to execution', () => {
    const path = [
      'laporan_polisi',
      'penyelidikan',
      'penyidikan',
      'p19',
      'p21',
      'tahap_ii',
      'penuntutan',
    ] as const;
    let from: (typeof LEGAL_STAGES)[number] | null = null;
    for (const to of path) {
      expect(
        legalStageProblem(
          from,
          to,
          { ...facts, charges: ['Pasal 2 UU 21/2007'], prosecutionAgencyId: 'x' },
          null,
        ),
      ).toBeNull();
      from = to;
    }
    const verdict = { ...facts, verdictOutcome: 'guilty' as const };
    expect(legalStageProblem('penuntutan', 'putusan', verdict, null)).toBeNull();
    expect(legalStageProblem('putusan', 'banding', verdict, null)).toBeNull();
    expect(legalStageProblem('banding', 'kasasi', verdict, null)).toBeNull();
    expect(legalStageProblem('kasasi', 'eksekusi', facts, null)).toBeNull();
  });

  it('refuses a verdict before prosecution', () => {
    for (const from of ['laporan_polisi', 'penyidikan', 'p21', 'tahap_ii'] as const)
      expect(legalStageProblem(from, 'putusan', { ...facts, verdictOutcome: 'guilty' }, null)?.key).toBe(
        'verdict_before_prosecution',
      );
  });

  it('refuses P21 twice without a P19 between', () => {
    expect(legalStageProblem('p21', 'p21', facts, null)?.key).toBe('p21_twice');
    expect(legalStageProblem('p19', 'p21', facts, null)).toBeNull();
  });

  it('ends the track with SP3 (with a reason) and with execution', () => {
    expect(legalStageProblem('penyidikan', 'sp3', { ...facts, reason: '' }, null)).toEqual({
      field: 'reason',
      key: 'reason_required',
    });
    expect(legalStageProblem('penyidikan', 'sp3', facts, null)).toBeNull();
    expect(legalTrackEnded('sp3')).toBe(true);
    expect(legalTrackEnded('eksekusi')).toBe(true);
    for (const to of LEGAL_STAGES)
      expect(legalStageProblem('sp3', to, facts, null)?.key).toBe('legal_track_ended');
  });

  it('asks for what each stage records and refuses going back in time', () => {
    expect(legalStageProblem('penyidikan', 'p21', { on: '2026-03-01' }, null)?.field).toBe('documentNumber');
    expect(legalStageProblem('tahap_ii', 'penuntutan', facts, null)?.key).toBe('charges_required');
    expect(legalStageProblem('p21', 'tahap_ii', facts, null)?.field).toBe('prosecutionAgencyId');
    expect(legalStageProblem('penuntutan', 'putusan', facts, null)?.field).toBe('verdict');
    expect(legalStageProblem('penyidikan', 'p21', facts, '2026-03-02')?.key).toBe(
      'legal_date_before_previous',
    );
    expect(legalStageProblem('laporan_polisi', 'penyelidikan', { on: '2026-03-01' }, null)).toBeNull();
  });
});
