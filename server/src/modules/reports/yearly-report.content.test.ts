import { describe, expect, it } from 'vitest';
import { type Block, buildYearlyReport } from './yearly-report.content.js';
import type { YearlyReportData } from './yearly-report.data.js';

/** A task force's first year in the system: nothing recorded yet. */
function emptyYear(): YearlyReportData {
  return {
    year: 2025,
    taskForce: { name: 'Gugus Tugas PP TPPO Kabupaten Uji', region: null, level: 'regency' },
    generatedOn: '15 Januari 2026',
    threshold: 3,
    headline: {
      cases: [0, 0],
      victims: [0, 0],
      childVictims: [0, 0],
      deportees: [0, 0],
      bodiesReturned: [0, 0],
    },
    composition: { decree: null, leaders: [], subTaskForces: [], members: [] },
    cases: {
      byMonth: Array.from({ length: 12 }, (_, i) => ({ label: `Bulan ${i + 1}`, value: 0 })),
      byType: [],
      victimsBySex: [],
      victimsByAge: [],
      byOrigin: [],
      byCountry: [],
      byExploitation: [],
    },
    services: {
      byStage: [],
      byStatus: [],
      referrals: { sent: 0, accepted: 0, declined: 0, pending: 0 },
      firstResponseOnTimePercent: null,
      serviceDeadlinesMetPercent: null,
      medianDaysToFirstService: null,
    },
    law: { funnel: [], restitution: { granted: 0, paid: 0 }, previousRestitution: { granted: 0, paid: 0 } },
    migrants: { deporteesBySex: [], bodiesByCountry: [], byDeparture: [] },
    prevention: {
      activities: 0,
      previousReach: 0,
      participants: { adultMale: 0, adultFemale: 0, childMale: 0, childFemale: 0 },
      villages: 0,
      byTargetGroup: [],
      watchGroups: { total: 0, formedThisYear: 0, members: 0 },
      alerts: { total: 0, byStatus: [], byChannel: [] },
      meetings: { held: 0, actionsDone: 0, actionsOpen: 0 },
    },
    plan: { title: null, overallPercent: null, subTaskForces: [], activities: [] },
    evaluation: { achievements: '', obstacles: '', interventions: '', recommendations: '' },
  };
}

const text = (blocks: Block[]) => JSON.stringify(blocks);

describe('the yearly report text', () => {
  it('says in a sentence why a section is empty instead of leaving it blank', () => {
    const blocks = buildYearlyReport(emptyYear());
    blocks.forEach((b, i) => {
      if (b.kind !== 'heading') return;
      const next = blocks[i + 1];
      expect(next, b.text).toBeDefined();
      // a chapter may open on a sub-heading; a sub-heading always has something under it
      if (b.level === 2) expect(next!.kind, b.text).not.toBe('heading');
      else if (next!.kind === 'heading') expect(next!.level, b.text).toBe(2);
    });
    const all = text(blocks);
    expect(all).toContain('Belum ada surat keputusan pembentukan gugus tugas');
    expect(all).toContain('Tidak ada kasus yang dilaporkan pada tahun 2025.');
    expect(all).toContain('Belum ada kegiatan sosialisasi yang dicatat untuk tahun 2025.');
    expect(all).toContain('Belum ada Rencana Aksi Daerah yang mencakup tahun 2025.');
    expect(all).toContain('Sekretariat belum menuliskan rekomendasi untuk tahun ini.');
  });

  it('shows hidden counts as "< 3", masking ones as "•", and leaves out categories nobody falls in', () => {
    const d = emptyYear();
    d.headline.cases = [4, null];
    d.cases.byMonth[2]!.value = 4;
    d.cases.victimsByAge = [
      { label: 'Anak', value: null },
      { label: 'Dewasa', value: null, masked: true },
    ];
    d.cases.victimsBySex = [
      { label: 'Laki-laki', value: 7 },
      { label: 'Transgender/nonkonform', value: 0 },
    ];
    const blocks = buildYearlyReport(d);
    const bars = blocks.filter((b) => b.kind === 'bars');
    const age = bars.find((b) => b.rows.some((r) => r.label === 'Dewasa'))!;
    expect(age.rows.map((r) => r.text)).toEqual(['< 3', '•']);
    const sex = bars.find((b) => b.rows.some((r) => r.label === 'Laki-laki'))!;
    expect(sex.rows.map((r) => r.label)).toEqual(['Laki-laki']);
    // months stay, even at zero: the calendar reads whole
    const months = bars.find((b) => b.header[0] === 'Bulan')!;
    expect(months.rows).toHaveLength(12);
    expect(text(blocks)).toContain('menerima 4 kasus');
    expect(text(blocks)).toContain('tahun sebelumnya < 3');
  });

  it('turns the secretariat’s lines into paragraphs and list items', () => {
    const d = emptyYear();
    d.evaluation.recommendations = 'Kepada Bupati:\n- Menetapkan Perda.\n- Menambah anggaran.';
    const blocks = buildYearlyReport(d);
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'XI. Rekomendasi');
    expect(blocks.slice(at + 1, at + 3)).toEqual([
      { kind: 'paragraph', text: 'Kepada Bupati:' },
      { kind: 'bullets', items: ['Menetapkan Perda.', 'Menambah anggaran.'] },
    ]);
  });
});
