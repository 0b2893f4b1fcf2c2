import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';

function asksForSchema(selections: SelectionSetNode | undefined, doc: DocumentNode, seen = new Set<string>()): boolean {
  for (const sel of selections?.selections ?? []) {
    if (sel.kind === Kind.FIELD && (sel.name.value === '__schema' || sel.name.value === '__type')) return true;
    if (sel.kind === Kind.INLINE_FRAGMENT && asksForSchema(sel.selectionSet, doc, seen)) return true;
    if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const frag = doc.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === sel.name.value);
      if (frag && frag.kind === Kind.FRAGMENT_DEFINITION && asksForSchema(frag.selectionSet, doc, seen)) return true;
    }
  }
  return false;
}

/** Introspection (the playground's schema) for signed-in users only: analysts need it, strangers do not. */
export function introspectionForSignedIn(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!contextValue.actor && asksForSchema(operation?.selectionSet, document)) {
            throw new GraphQLError('Sign in to read the schema', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
          }
        },
      };
    },
  };
}
