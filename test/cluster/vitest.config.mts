import { defineConfig } from 'vitest/config';

/**
 * The Galera cluster spec (issue #17): its own project, one file at a time, long timeouts. Part of
 * `npm test` through the root vitest.config.mts; skipped with a warning without galera-4/haproxy.
 */
export default defineConfig({
  test: {
    name: 'cluster',
    root: import.meta.dirname,
    include: ['**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 420_000,
  },
});
