import { defineConfig } from 'vitest/config';

/** `npm test` runs every project: the domain rules, the server's own specs, and the acceptance suite. */
export default defineConfig({
  test: {
    projects: ['packages/domain', 'server', 'client', 'test'],
  },
});
