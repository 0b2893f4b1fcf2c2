import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { graphqlDocuments } from './graphql-documents.ts';
import { precompress, pwa } from './vite.pwa.ts';

// The domain package is compiled to CommonJS for the server; the SPA bundles its ES sources instead.
export const domainAlias = { '@chitieu/domain': fileURLToPath(new URL('../packages/domain/src/index.ts', import.meta.url)) };

/** Packages without side effects at import that do not say so in their package.json. */
const PURE_PACKAGES = /[\\/]node_modules[\\/](@rc-component[\\/]|@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color)[\\/])/;

// In development the SPA runs on Vite and talks to the server through this proxy;
// in production the server serves the built files from the same port.
export default defineConfig({
  plugins: [graphqlDocuments(), react(), pwa(), precompress()],
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
      // antd's helper packages (rc-component, cssinjs, colors) declare no `sideEffects` though
      // they have none (no import is for its effect): without this, antd's Input drags the whole of
      // rc-form, rc-trigger and the tooltip into the login route through one shared context.
      treeshake: { moduleSideEffects: [{ test: PURE_PACKAGES, sideEffects: false }] },
      onLog(level, log, handler) {
        // GraphiQL's React Compiler output carries "use no memo" directives that bundling drops harmlessly.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
