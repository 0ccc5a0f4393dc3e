import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults that start the app on SQLite under ./data at 127.0.0.1:3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      databaseKind: 'sqlite',
      LOGIN_RATE_LIMIT: 20,
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_HOURS: 12,
      SESSION_CHECK_SECONDS: 2,
    });
    expect(c.sqliteFile).toMatch(/data\/sinergi\.sqlite$/);
  });
  it('selects PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/sinergi' }).databaseKind).toBe('postgres');
  });
  it('refuses bad values naming each variable', () => {
    expect(() =>
      loadConfig({ PORT: 'tiga ribu', DATABASE_URL: 'mysql://x', SINERGI_DEMO_PASSWORD: 'pendek' }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000', COOKIE_SECURE: 'maybe' })).toThrow(
      /PORT="70000": must be 1-65535/,
    );
    expect(() => loadConfig({ PORT: '70000', COOKIE_SECURE: 'maybe' })).toThrow(
      /COOKIE_SECURE="maybe": must be true or false/,
    );
    // A session check kept longer would leave a disabled account working too long on other servers.
    expect(() => loadConfig({ SESSION_CHECK_SECONDS: '30' })).toThrow(
      /SESSION_CHECK_SECONDS="30": must be at most 10/,
    );
    expect(loadConfig({ SESSION_CHECK_SECONDS: '0' }).SESSION_CHECK_SECONDS).toBe(0);
  });
  it('ignores empty variables', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
});
