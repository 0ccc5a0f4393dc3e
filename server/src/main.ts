import fs from 'node:fs';
import {
  AGENCY_SECTORS,
  type AgencySector,
  agencyCreateSchema,
  ERROR_MESSAGES,
  fieldMessage,
  HTCDS_ORGANISATION_TYPES,
  type HtcdsOrganisationType,
  isRole,
  localizeIssues,
  ROLES,
  type Role,
} from '@sinergi/core';
import { Command, Option } from 'commander';
import type { z } from 'zod';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { agencyRepository } from './modules/agencies/agency.repository.js';
import { createAgency } from './modules/agencies/agency.service.js';
import { scheduleAlertChecks } from './modules/audit/alert-detection.js';
import { seedDemo } from './modules/demo/demo.seed.js';
import { scheduleDeadlineWatch } from './modules/notifications/deadline-watch.service.js';
import {
  runRetention,
  runScheduledRetention,
  scheduleRetention,
} from './modules/retention/retention.service.js';
import { createTaskForce, listTaskForces } from './modules/taskforces/taskforce.service.js';
import { userRepository } from './modules/users/user.repository.js';
import { createUser, disableUserByUsername, resetPassword } from './modules/users/user.service.js';
import { verifyAuditChain } from './platform/audit.js';
import { BackupError } from './platform/backup/archive.js';
import { createBackup, restoreBackup } from './platform/backup/backup.js';
import { scheduleBackups } from './platform/backup/schedule.js';
import { MissingKeyError } from './platform/crypto.js';
import { AppError } from './platform/errors.js';
import { scheduleKeyRefresh } from './platform/keys/key-state.js';
import { registerKeyCommands } from './platform/keys/keys.cli.js';
import { openRuntime } from './runtime.js';

const cliMeta = { requestId: 'cli', ip: null };

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return `Invalid input:${Object.entries(localizeIssues(issues, 'en'))
    .map(([f, m]) => `\n  ${f}: ${m}`)
    .join('')}`;
}

/** Prints an error the way an operator can act on, and exits non-zero. */
function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof MissingKeyError || err instanceof BackupError)
    console.error(err.message);
  else if (err instanceof AppError) {
    const fields = err.fieldKeys
      ? Object.entries(err.fieldKeys)
          .map(([f, k]) => `\n  ${f}: ${fieldMessage(k, 'en')}`)
          .join('')
      : '';
    console.error(`Error: ${ERROR_MESSAGES[err.code].en}${fields}`);
  } else console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig());
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

function printSeed(result: Awaited<ReturnType<typeof seedDemo>>): void {
  if (result.status === 'already_seeded') console.log('Demo data is already present; nothing to do.');
  else if (result.status === 'not_empty')
    console.log('The database already has users; demo data is only added to an empty database.');
  else {
    console.log(
      `Demo task force seeded (Kabupaten Manggarai): ${result.cases} synthetic cases. Users: ${result.users.join(', ')}`,
    );
    if (result.generated) {
      console.log('\n  Password for every demo user (shown once, not stored in clear):');
      console.log(`    ${result.password}\n  Set SINERGI_DEMO_PASSWORD before seeding to choose it.\n`);
    } else console.log('Every demo user has the password from SINERGI_DEMO_PASSWORD.');
  }
}

const program = new Command('sinergi')
  .description(
    'Sinergi: information system for the anti-trafficking task forces (Gugus Tugas PP TPPO).\nConfigured by environment: PORT, HOST, DATA_DIR, DATABASE_URL, SINERGI_DEMO_PASSWORD ... (see docs/admin-guide.md)',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('Apply migrations and serve the API and the web app')
  .option('--demo', 'seed the demo task force first when the database is empty')
  .action(async (opts: { demo?: boolean }) => {
    const config = loadConfig();
    const rt = await openRuntime(config);
    if (rt.applied.length) console.log(`Migrations applied: ${rt.applied.join(', ')}`);
    if (opts.demo) {
      const users = await rt.db.selectFrom('users').select('id').limit(1).execute();
      if (users.length === 0) printSeed(await seedDemo(rt, config.SINERGI_DEMO_PASSWORD));
    }
    const app = await buildApp(rt);
    const stopBackups = scheduleBackups(config, rt.db, rt.dbKind, app.log);
    const stopWatch = scheduleDeadlineWatch(rt, app.log);
    const stopAlerts = scheduleAlertChecks(rt, app.log);
    const stopRetention = scheduleRetention(rt, app.log);
    const stopKeyRefresh = scheduleKeyRefresh(rt, app.log);
    const stop = async (signal: string) => {
      app.log.info({ signal }, 'shutting down');
      stopBackups();
      stopWatch();
      stopAlerts();
      stopRetention();
      stopKeyRefresh();
      await app.close();
      await rt.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    rt.reference.preload();
    await app.listen({ port: config.PORT, host: config.HOST });
    console.log(`Sinergi is ready at http://${config.HOST}:${config.PORT} (database: ${rt.dbKind})`);
  });

program
  .command('migrate')
  .description('Apply pending database migrations')
  .action(async () => {
    await withRuntime(async (rt) => {
      console.log(
        rt.applied.length ? `Applied: ${rt.applied.join(', ')}` : 'The database schema is up to date.',
      );
    });
  });

program
  .command('seed')
  .description('Seed data')
  .requiredOption('--demo', 'the demo task force of Kabupaten Manggarai with one user per role')
  .action(async () => {
    await withRuntime(async (rt) => {
      const result = await seedDemo(rt, rt.config.SINERGI_DEMO_PASSWORD);
      printSeed(result);
      if (result.status === 'not_empty') process.exitCode = 1;
    });
  });

const user = program.command('user').description('Manage users');
user
  .command('create')
  .description('Create a user')
  .requiredOption('--username <username>', 'lower-case letters, digits, . _ -')
  .requiredOption(
    '--password <password>',
    'at least 10 characters; not a leaked password, nor one containing the username, the agency, a place of the region or Sinergi',
  )
  .requiredOption('--agency <shortname>', 'the agency\'s short name, e.g. "UPTD PPA Manggarai"')
  .addOption(
    new Option('--role <role>', `a role (repeat for several): ${ROLES.join(', ')}`)
      .argParser((v: string, prev: string[] = []) => [...prev, v])
      .makeOptionMandatory(),
  )
  .option('--name <display name>', 'the name shown in the app (default: the username)')
  .action(
    async (opts: { username: string; password: string; agency: string; role: string[]; name?: string }) => {
      const bad = opts.role.filter((r) => !isRole(r));
      if (bad.length) throw new Error(`Unknown role ${bad.join(', ')}; roles are ${ROLES.join(', ')}`);
      await withRuntime(async (rt) => {
        const agency = await agencyRepository.byShortName(rt.db, opts.agency);
        if (!agency) throw new Error(`No agency with the short name "${opts.agency}"`);
        const created = await createUser(rt, null, cliMeta, {
          username: opts.username.trim().toLowerCase(),
          displayName: opts.name ?? opts.username,
          email: null,
          agencyId: agency.id,
          roles: opts.role as Role[],
          password: opts.password,
        });
        console.log(`User ${created.username} created (${created.roles.join(', ')}, ${agency.short_name}).`);
      });
    },
  );
user
  .command('reset-password')
  .description("Set a new password for a user; ends the user's sessions and lifts a sign-in wait")
  .requiredOption('--username <username>')
  .requiredOption(
    '--password <password>',
    'at least 10 characters; not a leaked password, nor one containing the username, the agency, a place of the region or Sinergi',
  )
  .action(async (opts: { username: string; password: string }) => {
    await withRuntime(async (rt) => {
      const row = await userRepository.byUsername(rt.db, opts.username);
      if (!row) throw new Error(`No user "${opts.username}"`);
      await resetPassword(rt, null, cliMeta, row.id, opts.password);
      console.log(`Password of ${row.username} reset; their sessions have ended.`);
    });
  });
user
  .command('disable')
  .description('Disable a user; their sessions end at once')
  .requiredOption('--username <username>')
  .action(async (opts: { username: string }) => {
    await withRuntime(async (rt) => {
      const row = await userRepository.byUsername(rt.db, opts.username);
      if (!row) throw new Error(`No user "${opts.username}"`);
      await disableUserByUsername(rt, cliMeta, row.username);
      console.log(`User ${row.username} disabled.`);
    });
  });

const agency = program.command('agency').description('Manage agencies (instansi)');
agency
  .command('create')
  .description('Create an agency (the first one of a new deployment, before any administrator exists)')
  .requiredOption('--name <name>', 'full name, e.g. "Dinas Sosial Kabupaten Manggarai"')
  .requiredOption('--short-name <short>', 'unique short name, e.g. "Dinsos Manggarai"')
  .requiredOption('--region <code>', 'Kemendagri region code, e.g. 53.10')
  .addOption(
    new Option('--type <htcdsType>', 'HTCDS organisation type')
      .choices([...HTCDS_ORGANISATION_TYPES])
      .makeOptionMandatory(),
  )
  .addOption(new Option('--sector <sector>', 'sector').choices([...AGENCY_SECTORS]).makeOptionMandatory())
  .option('--taskforce <id>', 'the task force it belongs to (see `taskforce list`)')
  .action(
    async (opts: {
      name: string;
      shortName: string;
      region: string;
      type: HtcdsOrganisationType;
      sector: AgencySector;
      taskforce?: string;
    }) => {
      await withRuntime(async (rt) => {
        const input = agencyCreateSchema.safeParse({
          name: opts.name,
          shortName: opts.shortName,
          regionCode: opts.region,
          htcdsType: opts.type,
          sector: opts.sector,
          taskForceId: opts.taskforce ?? null,
        });
        if (!input.success) throw new Error(describeIssues(input.error.issues));
        const created = await createAgency(rt, null, cliMeta, input.data);
        console.log(`Agency "${created.shortName}" created (${created.id}).`);
      });
    },
  );

const taskforce = program.command('taskforce').description('Task forces hosted by this deployment');
taskforce
  .command('create')
  .description('Create a task force attached to a region')
  .requiredOption('--name <name>', 'e.g. "Gugus Tugas PP TPPO Kabupaten Manggarai"')
  .addOption(
    new Option('--level <level>', 'level').choices(['national', 'province', 'regency']).makeOptionMandatory(),
  )
  .option('--region <code>', 'region code (province "53" or regency "53.10"); none for national')
  .option(
    '--timezone <zone>',
    'IANA time zone (Asia/Jakarta WIB, Asia/Makassar WITA, Asia/Jayapura WIT)',
    'Asia/Makassar',
  )
  .option('--parent <id>', 'the task force above it')
  .action(
    async (opts: {
      name: string;
      level: 'national' | 'province' | 'regency';
      region?: string;
      timezone: string;
      parent?: string;
    }) => {
      await withRuntime(async (rt) => {
        const created = await createTaskForce(rt, cliMeta, {
          name: opts.name,
          level: opts.level,
          regionCode: opts.region ?? null,
          timeZone: opts.timezone,
          parentId: opts.parent ?? null,
        });
        console.log(`Task force "${created.name}" created (${created.id}).`);
      });
    },
  );
taskforce
  .command('list')
  .description('List task forces with their ids')
  .action(async () => {
    await withRuntime(async (rt) => {
      const items = await listTaskForces(rt);
      if (items.length === 0) console.log('No task force yet: create one with `sinergi taskforce create`.');
      for (const t of items) console.log(`${t.id}  ${t.level.padEnd(8)}  ${t.regionCode ?? '-'}  ${t.name}`);
    });
  });

const retention = program.command('retention').description('Retention of identifying data in closed cases');
retention
  .command('run')
  .description(
    "Replace the identifying data of closed cases past their task force's retention (the server also does this daily)",
  )
  .option('--dry-run', 'only count what would be replaced')
  .action(async (opts: { dryRun?: boolean }) => {
    await withRuntime(async (rt) => {
      if (opts.dryRun) {
        const c = await runRetention(rt, { dryRun: true });
        console.log(
          `Dry run: ${c.cases} closed cases past retention, ${c.persons} people and ${c.documents} documents would be replaced; ${c.purged} deleted records would be purged. Nothing was changed.`,
        );
        return;
      }
      const c = (await runScheduledRetention(rt, { force: true }))!;
      console.log(
        `Retention applied: ${c.cases} closed cases, ${c.persons} people and ${c.documents} documents replaced; ${c.purged} deleted records purged.`,
      );
    });
  });

const audit = program.command('audit').description('The audit trail');
audit
  .command('verify')
  .description('Check the hash chain of the audit trail; reports the first broken link')
  .action(async () => {
    await withRuntime(async (rt) => {
      const result = await verifyAuditChain(rt.db);
      if (result.ok) console.log(`Audit trail intact: ${result.checked} events checked.`);
      else {
        console.error(
          `Audit trail BROKEN at event #${result.brokenAt!.seq} (${result.brokenAt!.id}): ${result.brokenAt!.reason === 'hash_mismatch' ? 'the event was altered' : 'the link to the previous event does not match (an event was removed or altered)'}. ${result.checked} events before it are intact.`,
        );
        process.exitCode = 2;
      }
    });
  });

/** The backup passphrase: from a file (first line) or SINERGI_BACKUP_PASSPHRASE. */
function backupPassphrase(file?: string): string {
  const value = file
    ? fs.readFileSync(file, 'utf8').split('\n')[0]!.trim()
    : process.env.SINERGI_BACKUP_PASSPHRASE;
  if (!value || value.length < 12)
    throw new Error(
      'A backup passphrase of at least 12 characters is needed: set SINERGI_BACKUP_PASSPHRASE or pass --passphrase-file.',
    );
  return value;
}

program
  .command('backup')
  .description(
    'Write an encrypted backup (database snapshot on SQLite, documents, data key) while the server runs',
  )
  .requiredOption('--out <file>', 'the backup file to write')
  .option('--passphrase-file <file>', 'read the passphrase from this file (else SINERGI_BACKUP_PASSPHRASE)')
  .action(async (opts: { out: string; passphraseFile?: string }) => {
    const passphrase = backupPassphrase(opts.passphraseFile);
    if (fs.existsSync(opts.out)) throw new Error(`${opts.out} exists; choose a new file name.`);
    await withRuntime(async (rt) => {
      let shown = -1;
      const manifest = await createBackup(rt.config, rt.db, rt.dbKind, {
        out: opts.out,
        passphrase,
        onProgress: (done, total) => {
          const pct = total ? Math.floor((done / total) * 100) : 100;
          if (pct >= shown + 10 || (pct === 100 && shown < 100)) {
            shown = pct;
            process.stderr.write(`  ${pct}%\n`);
          }
        },
      });
      const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
      console.log(
        `Backup written to ${opts.out}: ${manifest.files.length} files, ${Object.keys(manifest.counts).length} tables, ${rows} rows.`,
      );
      if (rt.dbKind === 'postgres')
        console.log(
          'PostgreSQL: this file holds the documents and the data key; dump the database itself with pg_dump (docs/admin-guide.md, Backups).',
        );
    });
  });

program
  .command('restore')
  .description(
    'Restore a backup into an empty DATA_DIR (refuses a wrong passphrase, damage or a newer schema)',
  )
  .argument('<file>', 'the backup file')
  .option('--passphrase-file <file>', 'read the passphrase from this file (else SINERGI_BACKUP_PASSPHRASE)')
  .action(async (file: string, opts: { passphraseFile?: string }) => {
    const config = loadConfig();
    const manifest = await restoreBackup(file, backupPassphrase(opts.passphraseFile), config.dataDir);
    console.log(
      `Restored the backup of ${manifest.createdAt} into ${config.dataDir}: ${manifest.files.length} files checked.`,
    );
    if (manifest.database === 'postgres')
      console.log('Now restore the PostgreSQL dump of the same time with pg_restore (docs/admin-guide.md).');
    else console.log('Start Sinergi on this folder, then run `sinergi audit verify`.');
  });

registerKeyCommands(program, withRuntime);

program.parseAsync(process.argv).catch(fail);
