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
 * One copy of graphql-js: Vite would resolve our sources to its ESM build while Node loads the
 * CommonJS one for TypeGraphQL, and graphql-js refuses types from "another module or realm".
 */
export const singleGraphql = { graphql: requireFromServer.resolve('graphql') };
