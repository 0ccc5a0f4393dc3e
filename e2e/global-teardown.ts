import fs from 'node:fs';

/** Removes the run's database directory (created in playwright.config.ts). */
export default function removeRunData(): void {
  const dir = process.env.SINERGI_E2E_DATA_DIR;
  if (dir?.includes('sinergi-e2e-')) fs.rmSync(dir, { recursive: true, force: true });
}
