import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { graphqlDocuments } from './graphql-documents.ts';

// The domain package is compiled to CommonJS for the server; the SPA bundles its ES sources instead.
export const domainAlias = { '@chitieu/domain': fileURLToPath(new URL('../packages/domain/src/index.ts', import.meta.url)) };

// In development the SPA runs on Vite and talks to the server through this proxy;
// in production the server serves the built files from the same port.
export default defineConfig({
  plugins: [graphqlDocuments(), react()],
  resolve: { alias: domainAlias },
  // @graphiql/react starts Monaco's workers with `?worker` imports, which Vite's dependency
  // pre-bundling cannot follow: serve it as it is in development.
  optimizeDeps: { exclude: ['@graphiql/react'] },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://localhost:4000', '/healthz': 'http://localhost:4000', '/export': 'http://localhost:4000', '/import': 'http://localhost:4000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    manifest: true,
    // Monaco (GraphiQL) and G2 (the chart) are large by nature; both load only on their own routes.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      onLog(level, log, handler) {
        // GraphiQL's React Compiler output carries "use no memo" directives that bundling drops harmlessly.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
