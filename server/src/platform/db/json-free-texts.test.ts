import { describe, expect, it } from 'vitest';
import { MIGRANT_TEXT_PATHS, mergeFreeTexts, PROFILE_TEXT_PATHS, splitFreeTexts } from './json-free-texts.js';

describe('free texts kept apart from a JSON column', () => {
  const profile = {
    recruitmentMethods: ['JobOffer'],
    events: [
      { type: 'Recruitment', regionCode: '53.15', description: 'Didatangi calo Pak Anton' },
      { type: 'Transit', regionCode: null, description: null },
      { type: 'Exploitation', countryCode: 'MY', description: '' },
    ],
    exploitationTypes: ['forced_labour'],
  };

  it('takes every event description out of the profile and puts it back in place', () => {
    const { clear, texts } = splitFreeTexts(profile, PROFILE_TEXT_PATHS);
    expect(clear).toEqual({
      recruitmentMethods: ['JobOffer'],
      events: [
        { type: 'Recruitment', regionCode: '53.15' },
        { type: 'Transit', regionCode: null, description: null },
        { type: 'Exploitation', countryCode: 'MY' },
      ],
      exploitationTypes: ['forced_labour'],
    });
    expect(texts).toEqual({ events: [{ description: 'Didatangi calo Pak Anton' }, {}, { description: '' }] });
    expect(JSON.stringify(clear)).not.toContain('Anton');
    expect(mergeFreeTexts(clear, texts)).toEqual(profile);
    // The value given is left as it was.
    expect(profile.events[0]!.description).toBe('Didatangi calo Pak Anton');
  });

  it('answers no texts when there are none, and the value unchanged', () => {
    const codes = { recruitmentMethods: [], events: [{ type: 'Recruitment' }] };
    expect(splitFreeTexts(codes, PROFILE_TEXT_PATHS)).toEqual({ clear: codes, texts: null });
    expect(splitFreeTexts({}, MIGRANT_TEXT_PATHS)).toEqual({ clear: {}, texts: null });
    expect(mergeFreeTexts(codes, null)).toEqual(codes);
  });

  it('takes the migrant-worker texts out and keeps the codes, countries, dates and years', () => {
    const migrant = {
      bp2miCategory: 'died',
      deportee: { depot: 'Tawau', consulateReference: 'KJRI-KK/2026/077' },
      deceased: {
        placeOfDeath: 'Ladang sawit Keningau',
        countryOfDeath: 'MY',
        dateOfDeath: '2026-03-01',
        cause: 'Jatuh dari truk',
        yearsAbroad: 4,
        arrivalFlight: 'ID 6543',
        onwardTransport: 'Ambulans desa',
        transportPaidBy: 'Keluarga Bapak Yosef',
      },
    };
    const { clear, texts } = splitFreeTexts(migrant, MIGRANT_TEXT_PATHS);
    expect(clear).toEqual({
      bp2miCategory: 'died',
      deportee: { depot: 'Tawau' },
      deceased: { countryOfDeath: 'MY', dateOfDeath: '2026-03-01', yearsAbroad: 4 },
    });
    expect(texts).toEqual({
      deportee: { consulateReference: 'KJRI-KK/2026/077' },
      deceased: {
        placeOfDeath: 'Ladang sawit Keningau',
        cause: 'Jatuh dari truk',
        arrivalFlight: 'ID 6543',
        onwardTransport: 'Ambulans desa',
        transportPaidBy: 'Keluarga Bapak Yosef',
      },
    });
    expect(mergeFreeTexts(clear, texts)).toEqual(migrant);
    expect(splitFreeTexts({ deportee: null, deceased: null }, MIGRANT_TEXT_PATHS).texts).toBeNull();
  });
});
