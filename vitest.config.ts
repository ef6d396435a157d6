import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CJS and ESM builds; Node loads the CJS one for every package, so the tests must too
  // (two copies of graphql refuse each other's schema objects).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts', 'server/**/*.test.ts', 'admin/src/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    // PGlite takes seconds to start on a busy machine: one instance per test file, generous hooks.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    environment: 'node',
  },
});
