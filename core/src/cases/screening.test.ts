import { describe, expect, it } from 'vitest';
import { type ChecklistIndicator, elementsFromIndicators, screeningResult } from './screening.js';

describe('screening against the three elements of UU 21/2007', () => {
  const all = { process: true, means: true, purpose: true };
  it('identifies an adult when process, means and purpose are all present', () => {
    expect(screeningResult(all, false)).toBe('identified');
  });
  it('keeps an adult without the means element as potential', () => {
    expect(screeningResult({ process: true, means: false, purpose: true }, false)).toBe('potential');
  });
  it('identifies a child without the means element', () => {
    expect(screeningResult({ process: true, means: false, purpose: true }, true)).toBe('identified');
  });
  it('keeps a child with only one element as potential', () => {
    expect(screeningResult({ process: false, means: false, purpose: true }, true)).toBe('potential');
    expect(screeningResult({ process: true, means: true, purpose: false }, true)).toBe('potential');
  });
  it('finds no trafficking when no element is present', () => {
    expect(screeningResult({ process: false, means: false, purpose: false }, false)).toBe('not_tppo');
    expect(screeningResult({ process: false, means: false, purpose: false }, true)).toBe('not_tppo');
  });
  it('derives the elements from checked indicators', () => {
    const indicators: ChecklistIndicator[] = [
      { id: 'p1', element: 'process', labelId: 'Perekrutan', labelEn: 'Recruitment' },
      { id: 'm1', element: 'means', labelId: 'Penipuan', labelEn: 'Deception' },
      { id: 'u1', element: 'purpose', labelId: 'Kerja paksa', labelEn: 'Forced labour' },
    ];
    expect(elementsFromIndicators(indicators, ['p1', 'u1', 'unknown'])).toEqual({
      process: true,
      means: false,
      purpose: true,
    });
  });
});
