import { defineConfig } from 'vitest/config';
import { decorators, singleGraphql } from '../vitest.shared.mts';

export default defineConfig({
  plugins: [decorators()],
  resolve: { alias: singleGraphql },
  test: {
    name: 'server',
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
