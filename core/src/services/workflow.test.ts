import { describe, expect, it } from 'vitest';
import { consentCovers, referralActionProblem, SERVICE_TYPES, serviceMoveProblem } from './workflow.js';

describe('service status machine', () => {
  it('allows requested -> accepted -> in_progress -> completed with an outcome', () => {
    expect(serviceMoveProblem('requested', 'accepted', {})).toBeNull();
    expect(serviceMoveProblem('accepted', 'in_progress', {})).toBeNull();
    expect(serviceMoveProblem('in_progress', 'completed', { outcome: 'Selesai' })).toBeNull();
    expect(serviceMoveProblem('in_progress', 'completed', { outcome: ' ' })).toBe('outcome_required');
  });
  it('refuses moves out of final states and declines without a reason', () => {
    expect(serviceMoveProblem('completed', 'in_progress', {})).toBe('transition_not_allowed');
    expect(serviceMoveProblem('requested', 'in_progress', {})).toBe('transition_not_allowed');
    expect(serviceMoveProblem('requested', 'declined', {})).toBe('reason_required');
    expect(serviceMoveProblem('accepted', 'cancelled', { reason: 'Korban pindah' })).toBeNull();
  });
  it('puts every sub-type under an SOP stage except other', () => {
    expect(SERVICE_TYPES.shelter).toBe('rehabilitasi_sosial');
    expect(SERVICE_TYPES.visum_et_repertum).toBe('rehabilitasi_kesehatan');
  });
});

describe('referral actions', () => {
  it('lets the receiver answer and complete, the sender revoke', () => {
    expect(referralActionProblem('pending', 'accept', 'receiver')).toBeNull();
    expect(referralActionProblem('pending', 'accept', 'sender')).toBe('forbidden');
    expect(referralActionProblem('accepted', 'complete', 'receiver')).toBeNull();
    expect(referralActionProblem('pending', 'complete', 'receiver')).toBe('transition_not_allowed');
    expect(referralActionProblem('accepted', 'revoke', 'sender')).toBeNull();
    expect(referralActionProblem('completed', 'revoke', 'sender')).toBe('transition_not_allowed');
    expect(referralActionProblem('pending', 'revoke', 'other')).toBe('forbidden');
  });
  it('needs a current consent covering services and sharing with the agency', () => {
    const c = { scopes: ['services', 'sharing'], sharingAgencyIds: ['a'], withdrawnOn: null };
    expect(consentCovers(c, 'a')).toBe(true);
    expect(consentCovers(c, 'b')).toBe(false);
    expect(consentCovers({ ...c, withdrawnOn: '2026-11-01' }, 'a')).toBe(false);
    expect(consentCovers({ ...c, scopes: ['services'] }, 'a')).toBe(false);
  });
});
