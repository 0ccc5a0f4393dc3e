#!/usr/bin/env node
// Entry point of the `sinergi` command: runs the built server CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('Sinergi is not built yet. Run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(main);
