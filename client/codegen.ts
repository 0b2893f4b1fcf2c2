import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents from the committed server schema (never from a live server). `pnpm codegen` rewrites src/gql/. */
const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  documents: ['src/features/**/*.graphql.ts', 'src/app/**/*.graphql.ts'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
