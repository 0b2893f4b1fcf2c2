import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { domainAlias } from './vite.config.ts';
import { graphqlDocuments } from './graphql-documents.ts';

export default defineConfig({
  plugins: [graphqlDocuments(), react()],
  resolve: { alias: domainAlias },
  test: {
    name: 'client',
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts', './src/app/i18n/preload.setup.ts'],
    include: ['src/**/*.spec.{ts,tsx}'],
    css: false,
    testTimeout: 20000,
  },
});
