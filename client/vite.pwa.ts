import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The installable shell (issue #16): a web app manifest and a service worker (Workbox's
 * generateSW) that precaches the built shell, so the app opens on a phone with no signal. No
 * runtime caching: GraphQL answers are never cached here (the reporter's data and the offline
 * queue come with their own cache); the server's own routes are never answered with the shell.
 */

/** Server routes a navigation may reach (server/src/app.ts): never answered with index.html. */
export const SERVER_ROUTES = [/^\/graphql/, /^\/import\//, /^\/export\//, /^\/healthz/, /^\/readyz/];

/**
 * Chunks left out of the precache: the GraphQL playground (Monaco, GraphiQL, Prettier; ~5 MB)
 * and the dashboard's chart (G2, ~1.6 MB) are loaded from the network when opened; a phone
 * installing the app on a slow link downloads the rest (~1.5 MB) once.
 */
const HEAVY = /(PlaygroundPage|ProgressChart)\.tsx$/;

interface ViteManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/** The files reachable from the entry without going through a heavy route. */
function shellFiles(outDir: string): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ViteManifestChunk>;
  const files = new Set<string>();
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key) || HEAVY.test(key) || !manifest[key]) return;
    seen.add(key);
    const chunk = manifest[key];
    for (const f of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(f);
    for (const dep of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) walk(dep);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) walk(key);
  return files;
}

/**
 * gzip copies (`file.js.gz`) of the built scripts and stylesheets, written once at build time,
 * for the server to send to browsers that accept them: on a 1.6 Mbps link the login route's
 * ~90 kB gzip instead of ~270 kB raw (server/src/app.ts serves them; without that, nothing changes).
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'chitieu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      if (!fs.existsSync(assets)) return;
      for (const name of fs.readdirSync(assets)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const file = path.join(assets, name);
        const raw = fs.readFileSync(file);
        if (raw.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
      }
    },
  };
}

export function pwa(): Plugin[] {
  let outDir = 'dist';
  const resolveOutDir: Plugin = {
    name: 'chitieu-pwa-out-dir',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
  };
  return [
    resolveOutDir,
    ...VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered by src/pwa/register.ts (production builds only, after the first render).
      injectRegister: false,
      includeAssets: ['icons/favicon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'Chỉ tiêu',
        short_name: 'Chỉ tiêu',
        description: 'Giao chỉ tiêu cải cách hành chính và chuyển đổi số theo cấp: tỉnh → sở, ngành, huyện → xã.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1554b4',
        background_color: '#f5f5f5',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,ttf,woff2}'],
        // The heavy chunks are over Workbox's default limit; they are left out below, not with a warning.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        manifestTransforms: [
          async (entries) => {
            const shell = shellFiles(outDir);
            return { manifest: entries.filter((e) => !e.url.startsWith('assets/') || shell.has(e.url)), warnings: [] };
          },
        ],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: SERVER_ROUTES,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // Hashed file names are their own revision: no cache-busting query on them.
        dontCacheBustURLsMatching: /^assets\//,
        runtimeCaching: [],
      },
    }),
  ];
}
