import type { Command } from 'commander';
import type { openRuntime } from '../../runtime.js';
import { keyringOptions, recordedCurrentKey } from './key-state.js';
import { keyringFile, loadKeyring } from './keyring.js';
import { rotateKeys } from './rotate.js';
import { keysInUse, rotationState } from './rotation.js';

type Runtime = Awaited<ReturnType<typeof openRuntime>>;
type WithRuntime = <T>(fn: (rt: Runtime) => Promise<T>) => Promise<T>;

const SOURCES = {
  file: 'the keyring file',
  'key-file': 'the single key file',
  env: 'SINERGI_ENCRYPTION_KEYS',
  'env-single': 'SINERGI_ENCRYPTION_KEY',
  command: 'SINERGI_KEY_COMMAND',
} as const;

/** `sinergi keys status` and `sinergi keys rotate`. */
export function registerKeyCommands(program: Command, withRuntime: WithRuntime): void {
  const keys = program.command('keys').description('The data keys that encrypt personal data');

  keys
    .command('status')
    .description(
      'Which keys are held, which one is current, what each still encrypts, any rotation under way',
    )
    .action(async () => {
      await withRuntime(async (rt) => {
        const ring = loadKeyring(keyringOptions(rt.config));
        const where = ring.source === 'file' ? keyringFile(rt.config.dataDir) : SOURCES[ring.source];
        console.log(`Keys from: ${where}`);
        console.log(`Current key (database): ${(await recordedCurrentKey(rt.db)) ?? rt.cipher.currentKeyId}`);
        console.log(
          `Search key: ${ring.searchKey ? 'carried in the keyring' : 'derived from k1 (k1 must stay, or the keyring must carry "search")'}`,
        );
        const state = await rotationState(rt.db);
        if (state)
          console.log(
            `Rotation under way to ${state.to} (from ${state.from.join(', ')}), started ${state.startedAt}, pass ${state.pass}: ${state.records} records and ${state.files} files re-encrypted so far. Run \`sinergi keys rotate\` to finish it.`,
          );
        else console.log('No rotation under way.');
        const uses = await keysInUse(rt, Object.keys(ring.keys).sort());
        for (const [id, n] of Object.entries(uses))
          console.log(`  ${id}: ${n === 0 ? 'nothing uses it' : `${n} encrypted values (fields and files)`}`);
      });
    });

  keys
    .command('rotate')
    .description(
      'Make a new data key current and re-encrypt everything under it in batches while the server runs (resumes after a crash)',
    )
    .option('--continue', 'the new key was added to SINERGI_ENCRYPTION_KEYS or the key command: rotate to it')
    .option('--batch-size <n>', 'rows per batch (each batch is one transaction)', '200')
    .action(async (opts: { continue?: boolean; batchSize: string }) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1)
        throw new Error('--batch-size must be a positive whole number');
      await withRuntime(async (rt) => {
        let last = '';
        const outcome = await rotateKeys(rt, {
          keyring: keyringOptions(rt.config),
          continue: opts.continue,
          batchSize,
          waitSeconds: rt.config.KEY_REFRESH_SECONDS + 1,
          say: (line) => console.log(line),
          onProgress: (p) => {
            const pct = p.total ? Math.floor((p.done / p.total) * 100) : 100;
            const line = `  ${p.what}: ${p.done}/${p.total} (${pct}%)`;
            if (line !== last) console.log(line);
            last = line;
          },
        });
        if (outcome.status === 'needs_key') {
          console.log(
            `The keys come from ${SOURCES[loadKeyring(keyringOptions(rt.config)).source]}: Sinergi cannot add a key there itself.\n` +
              `  1. Make a key:  openssl rand -base64 32\n` +
              `  2. Put it FIRST as ${outcome.suggestedId}:<key> in SINERGI_ENCRYPTION_KEYS (or in what SINERGI_KEY_COMMAND prints), keeping the present keys after it, for every server and for this command.\n` +
              `     (From SINERGI_ENCRYPTION_KEY=<old>: unset it and set SINERGI_ENCRYPTION_KEYS=${outcome.suggestedId}:<new>,k1:<old>.)\n` +
              `  3. Run:  sinergi keys rotate --continue`,
          );
        } else if (outcome.status === 'nothing_new') {
          console.error(
            `Nothing to rotate to: the newest key of the keyring (${outcome.current}) is already current. Add a new key first.`,
          );
          process.exitCode = 1;
        } else if (outcome.status === 'still_used') process.exitCode = 1;
        else console.log(`Rotation finished: ${outcome.to} encrypts everything.`);
      });
    });
}
