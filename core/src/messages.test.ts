import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizeIssues } from './messages.js';
import { userCreateSchema } from './user.js';

describe('localizeIssues', () => {
  it('explains each bad field in Indonesian by default and in English on request', () => {
    const result = userCreateSchema.safeParse(
      {
        username: 'A',
        displayName: '',
        agencyId: 'not-a-uuid',
        roles: [],
        password: 'password123',
      },
      { reportInput: true },
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    const id = localizeIssues(result.error.issues, 'id');
    expect(id.username).toMatch(/Nama pengguna/);
    expect(id.displayName).toBe('Wajib diisi.');
    expect(id.agencyId).toBe('Pilihan tidak valid.');
    expect(id.roles).toBe('Pilih minimal 1.');
    expect(id.password).toMatch(/terlalu umum/);
    const en = localizeIssues(result.error.issues, 'en');
    expect(en.password).toMatch(/too common/);
  });
  it('reports a missing field as required', () => {
    const r = z.object({ name: z.string() }).safeParse({}, { reportInput: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(localizeIssues(r.error.issues, 'id').name).toBe('Wajib diisi.');
  });
});
