import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/modules/users/user.service.js';
import { buildAgency, call, createTestEnv, DB_KINDS, PASSWORD, signIn, type TestEnv } from './support.js';

/** A local SMTP receiver in the test process: every message's recipients and raw text. */
async function smtpReceiver() {
  const messages: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    messages,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Waits until `check` holds: the email leaves after the answer, not before it. */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

describe.each(DB_KINDS)('the owner of a throttled account is told, on %s', (kind) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  beforeAll(async () => {
    smtp = await smtpReceiver();
    env = await createTestEnv(kind, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://sinergi.example' });
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  it('by email and in the app when the account first has to wait, once', async () => {
    const username = `korban.aman.${randomUUID().slice(0, 6)}`;
    const user = await createUser(
      env.deps,
      null,
      { requestId: 'test', ip: null },
      {
        username,
        displayName: 'Pengguna Uji',
        email: `${username}@contoh.go.id`,
        agencyId: (await buildAgency(env)).id,
        roles: ['case_manager'],
        password: PASSWORD,
      },
    );
    for (let i = 0; i < 4; i++)
      await call(env, null, 'POST', '/api/v1/auth/login', { username, password: `Salah-Sandi-${i}x` });
    expect(smtp.messages).toHaveLength(0);
    await call(env, null, 'POST', '/api/v1/auth/login', { username, password: 'Salah-Sandi-5x' });
    await eventually(() => smtp.messages.length === 1);
    expect(smtp.messages[0]!.to).toEqual([user.email]);
    expect(smtp.messages[0]!.raw).toContain('Banyak percobaan masuk yang gagal ke akun Anda');
    // further failures while throttled send nothing more
    env.clock.advance(60_000);
    await call(env, null, 'POST', '/api/v1/auth/login', { username, password: 'Salah-Sandi-6x' });
    env.clock.advance(60_000);
    const s = await signIn(env, username);
    const list = await call(env, s, 'GET', '/api/v1/notifications');
    expect(list.json().items.map((n: { kind: string }) => n.kind)).toEqual(['sign_in_throttled']);
    expect(smtp.messages).toHaveLength(1);
    const me = (await call(env, s, 'GET', '/api/v1/auth/me')).json();
    expect(me.failedAttemptsSinceLastSignIn).toBe(6);
  });
});
