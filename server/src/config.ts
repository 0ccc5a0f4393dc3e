import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (def: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .positive('must be positive')
    .default(def);

/** The whole environment of the server and the CLI, validated once at start. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1, 'must be 1-65535')
    .max(65535, 'must be 1-65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SINERGI_DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SINERGI_ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
    )
    .optional(),
  /** Several keys, newest first: `k2:base64,k1:base64` (and `search:base64`, the search key). */
  SINERGI_ENCRYPTION_KEYS: z.string().min(1).optional(),
  /** A command whose output is the keyring (a secrets manager's client); see the admin guide. */
  SINERGI_KEY_COMMAND: z.string().min(1).optional(),
  /** How often a running server looks whether a key rotation made another key current. */
  KEY_REFRESH_SECONDS: positiveInt(30),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_RATE_LIMIT: positiveInt(20),
  API_RATE_LIMIT: positiveInt(600),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_MAX_HOURS: positiveInt(12),
  /** How long a server process may reuse a session check before reading it again; 0 reads every time. */
  SESSION_CHECK_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (read every time) or more')
    .max(10, 'must be at most 10')
    .default(2),
  LOCKOUT_THRESHOLD: positiveInt(5),
  LOCKOUT_MINUTES: positiveInt(15),
  BODY_LIMIT_BYTES: positiveInt(1_048_576),
  DOCUMENT_MAX_BYTES: positiveInt(20 * 1_048_576),
  /** How long an emergency (break-glass) opening of a case lasts. */
  BREAK_GLASS_MINUTES: positiveInt(120),
  /** Alerts to administrators: identifying records one user opens in an hour before an alert. */
  ALERT_READS_PER_HOUR: positiveInt(50),
  /** Failed sign-ins from one IP address in an hour that raise an alert. */
  ALERT_FAILED_LOGINS_PER_HOUR: positiveInt(10),
  /** How often the server looks at new audit events for alerts. */
  ALERT_CHECK_SECONDS: positiveInt(60),
  WEB_DIST: z.string().optional(),
  /**
   * SQLite only: FULL (default) syncs the WAL at every commit, so an acknowledged write survives
   * a power cut; NORMAL is faster and may lose the last writes before one.
   */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL'], { message: 'must be FULL or NORMAL' }).default('FULL'),
  /** SQLite only: threads that run the case list's reads beside the server's own; 0 keeps them on it. */
  SQLITE_READ_THREADS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .max(8, 'must be at most 8')
    .optional(),
  /** Statistics for leadership, analysts and roll-ups hide counts from 1 to this value minus one. */
  STATS_SMALL_CELL_THRESHOLD: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(2, 'must be at least 2')
    .max(20, 'must be at most 20')
    .default(3),
  /** Scheduled backups: where to (off when unset), how often, how many to keep. */
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_INTERVAL_HOURS: positiveInt(24),
  BACKUP_KEEP: positiveInt(7),
  /** Minutes between passes of the deadline watch that announces overdue work; 0 turns it off. */
  DEADLINE_WATCH_MINUTES: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .default(15),
  /** Days a record deleted with a reason stays (hidden) before the daily run purges it for good. */
  DELETED_PURGE_DAYS: positiveInt(30),
  SINERGI_BACKUP_PASSPHRASE: z.string().min(12, 'must be at least 12 characters').optional(),
  /** smtp://user:pass@host:587 (or smtps://); without it notifications stay in the app. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Sinergi <sinergi@localhost>'),
  /** The address users open, for links in emails (e.g. https://sinergi.manggaraikab.go.id). */
  PUBLIC_URL: z.string().url().optional(),
});

export type RawConfig = z.infer<typeof configSchema>;
export type Config = RawConfig & { dataDir: string; databaseKind: 'sqlite' | 'postgres'; sqliteFile: string };

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}=${JSON.stringify(relevant[String(i.path[0])] ?? '')}: ${i.message}`,
    );
    throw new ConfigError(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  if (parsed.data.BACKUP_DIR && !parsed.data.SINERGI_BACKUP_PASSPHRASE)
    throw new ConfigError(
      'Invalid configuration (environment variables):\n  BACKUP_DIR is set but SINERGI_BACKUP_PASSPHRASE is not: scheduled backups are always encrypted.',
    );
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return {
    ...parsed.data,
    dataDir,
    databaseKind: parsed.data.DATABASE_URL ? 'postgres' : 'sqlite',
    sqliteFile: path.join(dataDir, 'sinergi.sqlite'),
  };
}
