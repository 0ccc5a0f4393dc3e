import { describe, expect, it } from 'vitest';
import { CASE_STAGES, nextStages, reopenStage, transitionProblem } from './workflow.js';

describe('case workflow', () => {
  it('starts with screening after a report', () => {
    expect(nextStages('reported')).toEqual(['screening', 'closed']);
    expect(transitionProblem('reported', 'screening', { latestScreening: null })).toBeNull();
    expect(transitionProblem('reported', 'assessment', { latestScreening: null })).toBe(
      'transition_not_allowed',
    );
  });
  it('needs a screening that supports identification', () => {
    expect(transitionProblem('screening', 'identified', { latestScreening: null })).toBe(
      'screening_required',
    );
    expect(transitionProblem('screening', 'identified', { latestScreening: 'potential' })).toBe(
      'screening_not_identified',
    );
    expect(transitionProblem('screening', 'identified', { latestScreening: 'identified' })).toBeNull();
    expect(transitionProblem('screening', 'not_tppo', { latestScreening: 'identified' })).toBe(
      'screening_not_negative',
    );
    expect(transitionProblem('screening', 'not_tppo', { latestScreening: 'not_tppo' })).toBeNull();
  });
  it('keeps assessing a potential case, and serves a migrant worker found not to be trafficked', () => {
    expect(transitionProblem('screening', 'assessment', { latestScreening: 'potential' })).toBeNull();
    expect(transitionProblem('screening', 'assessment', { latestScreening: 'identified' })).toBe(
      'screening_not_potential',
    );
    expect(transitionProblem('screening', 'assessment', { latestScreening: null })).toBe(
      'screening_required',
    );
    expect(transitionProblem('not_tppo', 'assessment', { latestScreening: 'not_tppo' })).toBeNull();
  });
  it('closes from any open stage only with a reason, and reopens only a closed case with a reason', () => {
    for (const stage of CASE_STAGES.filter((s) => s !== 'closed')) {
      expect(transitionProblem(stage, 'closed', { latestScreening: null })).toBe('reason_required');
      expect(
        transitionProblem(stage, 'closed', { latestScreening: null, reason: 'Layanan selesai' }),
      ).toBeNull();
      expect(transitionProblem(stage, 'reopen', { latestScreening: null, reason: 'Korban kembali' })).toBe(
        'transition_not_allowed',
      );
    }
    expect(transitionProblem('closed', 'closed', { latestScreening: null, reason: 'lagi' })).toBe(
      'transition_not_allowed',
    );
    expect(transitionProblem('closed', 'reopen', { latestScreening: null })).toBe('reason_required');
    expect(
      transitionProblem('closed', 'reopen', { latestScreening: null, reason: 'Korban kembali' }),
    ).toBeNull();
  });
  it('reopens where the case was closed, or at screening', () => {
    expect(reopenStage('in_services')).toBe('in_services');
    expect(reopenStage(null)).toBe('screening');
  });
  it('never moves out of closed except by reopening', () => {
    expect(nextStages('closed')).toEqual(['reopen']);
  });
});
