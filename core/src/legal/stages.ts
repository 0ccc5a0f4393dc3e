/**
 * The law-enforcement track of a case (domain §7): police report, investigation, the prosecutor's
 * file checks (P19 returned, P21 complete), hand-over (tahap II), prosecution, verdicts at three
 * levels, execution; SP3 stops it. The track's stage is the last stage recorded.
 */
export const LEGAL_STAGES = [
  'laporan_polisi',
  'penyelidikan',
  'penyidikan',
  'p19',
  'p21',
  'tahap_ii',
  'penuntutan',
  'putusan',
  'banding',
  'kasasi',
  'eksekusi',
  'sp3',
] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

export const VERDICT_STAGES = ['putusan', 'banding', 'kasasi'] as const satisfies readonly LegalStage[];
export type VerdictStage = (typeof VERDICT_STAGES)[number];

/** Where each stage may go next. SP3 and eksekusi end the track. */
export const LEGAL_TRANSITIONS: Record<LegalStage, readonly LegalStage[]> = {
  laporan_polisi: ['penyelidikan', 'penyidikan', 'sp3'],
  penyelidikan: ['penyidikan', 'sp3'],
  penyidikan: ['p19', 'p21', 'sp3'],
  // A returned file goes back to the investigator, who may send it again (and get it back again).
  p19: ['p19', 'p21', 'sp3'],
  p21: ['tahap_ii'],
  tahap_ii: ['penuntutan'],
  penuntutan: ['putusan'],
  putusan: ['banding', 'kasasi', 'eksekusi'],
  banding: ['kasasi', 'eksekusi'],
  kasasi: ['eksekusi'],
  eksekusi: [],
  sp3: [],
};

/** The stages that may be recorded now; a track not yet started opens with its police report. */
export function nextLegalStages(from: LegalStage | null): readonly LegalStage[] {
  return from === null ? ['laporan_polisi'] : LEGAL_TRANSITIONS[from];
}

export function legalTrackEnded(stage: LegalStage | null): boolean {
  return stage === 'sp3' || stage === 'eksekusi';
}

export function isVerdictStage(stage: LegalStage): stage is VerdictStage {
  return (VERDICT_STAGES as readonly string[]).includes(stage);
}

/** What a stage entry carries that the rules look at. */
export interface LegalStageFacts {
  on: string;
  documentNumber?: string | null;
  reason?: string | null;
  charges?: readonly string[] | null;
  verdictOutcome?: 'guilty' | 'acquitted' | null;
  prosecutionAgencyId?: string | null;
}

/**
 * Why a stage cannot be recorded after `from` (a message key on a field), or null when it can.
 * `previousOn` is the date of the stage recorded last: a track does not go back in time.
 */
export function legalStageProblem(
  from: LegalStage | null,
  to: LegalStage,
  facts: LegalStageFacts,
  previousOn: string | null,
): { field: string; key: string } | null {
  if (legalTrackEnded(from)) return { field: 'stage', key: 'legal_track_ended' };
  if (!nextLegalStages(from).includes(to)) {
    if (isVerdictStage(to) && from !== 'penuntutan' && !isVerdictStage(from as LegalStage))
      return { field: 'stage', key: 'verdict_before_prosecution' };
    if (to === 'p21' && from === 'p21') return { field: 'stage', key: 'p21_twice' };
    return { field: 'stage', key: 'transition_not_allowed' };
  }
  if (previousOn && facts.on < previousOn) return { field: 'on', key: 'legal_date_before_previous' };
  if (to !== 'penyelidikan' && !facts.documentNumber?.trim())
    return { field: 'documentNumber', key: 'required' };
  if (to === 'sp3' && !facts.reason?.trim()) return { field: 'reason', key: 'reason_required' };
  if (to === 'penuntutan' && !facts.charges?.length) return { field: 'charges', key: 'charges_required' };
  if (isVerdictStage(to) && !facts.verdictOutcome) return { field: 'verdict', key: 'required' };
  if (to === 'tahap_ii' && !facts.prosecutionAgencyId)
    return { field: 'prosecutionAgencyId', key: 'required' };
  return null;
}
