import { createRequire } from 'node:module';
import swc from 'unplugin-swc';

const requireFromServer = createRequire(new URL('./server/package.json', import.meta.url));

/**
 * vitest's default transform (oxc) drops the decorator metadata TypeGraphQL and TypeORM read at
 * run time; SWC keeps it, with class fields defined the legacy way.
 */
export function decorators() {
  return swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
  });
}

/**
 * One copy of graphql-js: Vite would resolve our sources to its ESM build (and
 * graphql-query-complexity's ESM build imports graphql/index.mjs) while Node loads the CommonJS
 * one for TypeGraphQL, and graphql-js refuses types from "another module or realm". The server
 * runs as CommonJS in production, so tests load these the CommonJS way too.
 */
export const singleGraphql = Object.fromEntries(['graphql', 'graphql-query-complexity'].map((name) => [name, requireFromServer.resolve(name)]));
