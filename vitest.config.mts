import { defineConfig } from 'vitest/config';

/** `npm test` runs every project: the domain rules, the server's own specs, the SPA's, the acceptance suite and the Galera cluster test. */
export default defineConfig({
  test: {
    projects: ['packages/domain', 'server', 'client', 'test', 'test/cluster'],
  },
});
