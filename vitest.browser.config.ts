import { defineConfig } from 'vitest/config';

// Browser tests: the real server in-process (PGlite in a temp folder) and Debian's Chromium through
// playwright-core. They need the built panel: run `npm run admin:build` first.
export default defineConfig({
  // same as vitest.config.ts: one copy of graphql (CJS) for the server's schema
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/browser/**/*.test.ts'],
    hookTimeout: 180_000,
    testTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    environment: 'node',
  },
});
