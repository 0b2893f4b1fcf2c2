import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const GENERATED = path.resolve(import.meta.dirname, 'src/gql/graphql.ts');
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const DEFINITION = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\s+(\w+)/;
const EXPORT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

let cache: { mtime: number; docs: Map<string, string> } | null = null;

/** The generated documents (one JSON line each in src/gql/graphql.ts), by export name. */
function generatedDocuments(): Map<string, string> {
  const mtime = fs.statSync(GENERATED).mtimeMs;
  if (cache?.mtime !== mtime) {
    const docs = new Map<string, string>();
    for (const m of fs.readFileSync(GENERATED, 'utf8').matchAll(EXPORT)) docs.set(m[1], m[2]);
    cache = { mtime, docs };
  }
  return cache.docs;
}

/**
 * What the client preset's babel plugin does, for Vite 8 (no babel): each `graphql(`…`)` call in a
 * `*.graphql.ts` file becomes the generated document itself, inlined. The preset's `graphql()`
 * looks documents up in a map of all of them, which would put every document of the app into
 * the first chunk the login page loads; inlined, each page carries only its own. Types are
 * unchanged: TypeScript still sees the typed `graphql()` overloads.
 */
export function graphqlDocuments(): Plugin {
  return {
    name: 'chitieu-graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.graphql\.ts$/.test(id.split('?')[0])) return null;
      this.addWatchFile(GENERATED);
      const docs = generatedDocuments();
      const out = code.replace(CALL, (_m, source: string) => {
        const def = DEFINITION.exec(source);
        if (!def) throw new Error(`${id}: a graphql() document must start with a named operation or fragment`);
        const name = def[1] === 'fragment' ? `${def[2]}FragmentDoc` : `${def[2]}Document`;
        const doc = docs.get(name);
        if (!doc) throw new Error(`${id}: ${name} is not in src/gql/graphql.ts — run \`pnpm codegen\``);
        return doc;
      });
      return { code: out.replace(/^import\s*\{\s*graphql\s*\}\s*from\s*['"][^'"]*gql['"];?\s*$/m, ''), map: null };
    },
  };
}
