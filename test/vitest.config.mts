import { defineConfig } from 'vitest/config';
import { decorators, singleGraphql } from '../vitest.shared.mts';

export default defineConfig({
  plugins: [decorators()],
  resolve: { alias: singleGraphql },
  test: {
    name: 'acceptance',
    include: ['api/**/*.spec.ts', 'cli/**/*.spec.ts', 'browser/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
