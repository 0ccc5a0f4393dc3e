import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['sinergi-source'] },
  ssr: { resolve: { conditions: ['sinergi-source'] } },
  test: {
    include: ['core/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    // Integration files each create their own databases; two at a time suits a 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
