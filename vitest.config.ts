import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Each file starts its own servers on loopback ports; keep files isolated.
    pool: 'forks',
    // One PostgreSQL server for the whole run (TEST_DATABASE_URL, or an embedded one); see tests/support/postgres.ts.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
  },
});
