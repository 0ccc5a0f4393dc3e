import { randomUUID } from 'node:crypto';
import { caseListQuerySchema } from '@sinergi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visibility } from '../src/modules/cases/case.policy.js';
import { type CaseSearch, caseRepository, type ListContext } from '../src/modules/cases/case.repository.js';
import type { DbHandle } from '../src/platform/db/connect.js';
import { createTestDatabase, DB_KINDS } from './support.js';

// The list statement's text is built once per shape and reused with each request's values
// (`templated`). Here every shape the list can take is compared with a fresh build: same text, same
// values in the same places. The template of each shape is made first from other values, so a value
// that leaked into a statement's text or a constant would show.

type Side = {
  user: string;
  taskForce: string;
  reader: string;
  agency: string;
  region: string;
  country: string;
};
const sides: [Side, Side] = [
  {
    user: randomUUID(),
    taskForce: randomUUID(),
    reader: randomUUID(),
    agency: randomUUID(),
    region: '53.10.06',
    country: 'MY',
  },
  {
    user: randomUUID(),
    taskForce: randomUUID(),
    reader: randomUUID(),
    agency: randomUUID(),
    region: '53.10.01',
    country: 'SG',
  },
];

/** The list's shapes: each filter alone, some together, every order, every kind of search. */
function shapes(s: Side): { query: Record<string, string>; search?: CaseSearch }[] {
  const second = s === sides[1];
  return [
    { query: {} },
    { query: { page: second ? '4' : '2', pageSize: second ? '50' : '10' } },
    { query: { type: second ? 'pmi_deportee' : 'tppo' } },
    { query: { stage: second ? 'monitoring' : 'in_services', risk: second ? 'low' : 'high' } },
    { query: { from: second ? '2024-03-01' : '2025-01-01', to: second ? '2024-06-30' : '2025-12-31' } },
    { query: { from: second ? '2023-02-01' : '2026-01-01' } },
    { query: { to: second ? '2023-12-31' : '2026-11-30' } },
    { query: { originDistrict: s.region, destinationCountry: s.country } },
    { query: { exploitationType: second ? 'forced_labour' : 'sexual_exploitation' } },
    { query: { leadAgencyId: s.agency, overdue: 'true' } },
    { query: { overdue: 'false', risk: second ? 'medium' : 'high' } },
    ...(
      ['reported_at', '-reported_at', 'case_number', '-case_number', 'risk', 'first_response_due_at'] as const
    ).map((sort) => ({ query: { sort, page: second ? '3' : '1' } })),
    { query: { q: 'x' }, search: { kind: 'nik', hash: second ? 'b'.repeat(64) : 'a'.repeat(64) } },
    { query: { q: 'x' }, search: { kind: 'name', hash: second ? 'd'.repeat(64) : 'c'.repeat(64) } },
    {
      query: { q: 'x', type: 'tppo' },
      search: { kind: 'number_prefix', value: second ? 'TPPO/53.10/2024' : 'TPPO/53.10/2026/00' },
    },
    { query: { q: 'x' }, search: { kind: 'number_contains', value: second ? '0042' : '17' } },
  ];
}

function visibilities(s: Side): Visibility[] {
  return [
    { mode: 'team', userId: s.user },
    { mode: 'taskforce', taskForceId: s.taskForce },
    { mode: 'taskforce_or_team', taskForceId: s.taskForce, userId: s.user },
  ];
}

describe.each(DB_KINDS)('case-list statements reused by shape on %s', (kind) => {
  let made: Awaited<ReturnType<typeof createTestDatabase>>;
  let handle: DbHandle;

  beforeAll(async () => {
    made = await createTestDatabase(kind);
    handle = made.handle;
  });
  afterAll(async () => {
    await handle?.close();
    await made?.cleanup();
  });

  const context = (s: Side, search: CaseSearch | undefined, reader: 'none' | 'identities' | 'flags') => {
    const second = s === sides[1];
    const at: ListContext = {
      now: second ? '2026-12-06T10:00:00.000Z' : '2026-11-28T01:00:00.000Z',
      timeZone: second ? 'Asia/Jakarta' : 'Asia/Makassar',
      search,
      totalCap: second ? 500 : 1000,
    };
    if (reader !== 'none')
      at.reader = { userId: s.reader, identities: reader === 'identities', dialect: handle.kind };
    return at;
  };

  it('gives the text and values of a fresh build for every shape, visibility and reader', () => {
    let compared = 0;
    for (const reader of ['none', 'identities', 'flags'] as const) {
      for (let v = 0; v < 3; v++) {
        const firsts = shapes(sides[0]);
        const seconds = shapes(sides[1]);
        for (let i = 0; i < firsts.length; i++) {
          // First with one side's values (this makes the template), then with the other's.
          for (const [s, shape] of [
            [sides[0], firsts[i]!],
            [sides[1], seconds[i]!],
          ] as const) {
            const f = caseListQuerySchema.parse(shape.query);
            const visibility = visibilities(s)[v]!;
            const at = context(s, shape.search, reader);
            const reused = caseRepository.listStatement(handle.db, visibility, f, at).statement.compile();
            const fresh = caseRepository.buildListStatement(handle.db, visibility, f, at).compile();
            expect(reused.sql).toBe(fresh.sql);
            expect(reused.parameters).toEqual(fresh.parameters);
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(3 * 3 * shapes(sides[0]).length * 2);
  });

  it('puts each request its own values: two users of one shape get their own ids', () => {
    const f = caseListQuerySchema.parse({ risk: 'high' });
    const statementOf = (s: Side) =>
      caseRepository
        .listStatement(handle.db, { mode: 'team', userId: s.user }, f, context(s, undefined, 'none'))
        .statement.compile();
    const a = statementOf(sides[0]);
    const b = statementOf(sides[1]);
    expect(a.sql).toBe(b.sql);
    expect(a.parameters).toContain(sides[0].user);
    expect(a.parameters).not.toContain(sides[1].user);
    expect(b.parameters).toContain(sides[1].user);
    expect(b.parameters).not.toContain(sides[0].user);
  });
});
