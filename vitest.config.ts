// One Vitest run covers every unit and integration suite; scripts/test-all.mjs
// runs it with a JSON reporter so CI can total the results.
import { defineConfig } from 'vitest/config';
import { existsSync } from 'node:fs';

const serverIntegration = {
  include: ['apps/server/src/**/*.int.test.ts'],
  // One database per worker, shared by the files it runs (PGlite's initdb is slow).
  pool: 'forks' as const,
  isolate: false,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server-unit',
          include: ['apps/server/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts'],
        },
      },
      { test: { name: 'server-pglite', ...serverIntegration, env: { OPENTILL_TEST_DB: 'pglite' } } },
      {
        test: {
          name: 'server-postgres',
          ...serverIntegration,
          env: { OPENTILL_TEST_DB: 'postgres' },
          globalSetup: ['apps/server/src/test/postgres-global-setup.ts'],
        },
      },
      ...(existsSync('apps/web/vitest.config.ts') ? ['./apps/web/vitest.config.ts'] : []),
    ],
  },
});
