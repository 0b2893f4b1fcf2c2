import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { getToken, setToken } from './auth';
import { describeError, errorCode } from './errors';
import { storedLocale, translate } from './i18n';
import { notifyError } from './notifier';

export interface ApolloOptions {
  /** Called once the token is cleared after UNAUTHENTICATED: sends the user to /login?next=… */
  onUnauthenticated(): void;
  uri?: string;
}

/** Headers every request carries: the session, Apollo's CSRF preflight marker, the language. */
export function requestHeaders(): Record<string, string> {
  const token = getToken();
  return {
    'apollo-require-preflight': 'true',
    'accept-language': storedLocale(),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

export function createApolloClient(options: ApolloOptions): ApolloClient {
  const headers = new SetContextLink((prev) => ({ headers: { ...prev.headers, ...requestHeaders() } }));

  // The one error link: an expired session goes back to login; other codes become a translated
  // message. Validation issues of target writes are payload `issues`, shown beside their rows.
  const errors = new ErrorLink(({ error, operation }) => {
    const code = errorCode(error);
    if (code === 'UNAUTHENTICATED' && operation.operationName !== 'Login') {
      setToken(null);
      options.onUnauthenticated();
      return;
    }
    // Queries show their error in place (ErrorState); mutations get a message here.
    const isMutation = operation.query.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation');
    if (isMutation && operation.operationName !== 'Login') {
      notifyError(describeError(error, (key, params) => translate(storedLocale(), key, params)));
    }
  });

  return new ApolloClient({
    link: ApolloLink.from([errors, headers, new HttpLink({ uri: options.uri ?? '/graphql' })]),
    cache: new InMemoryCache({
      typePolicies: {
        // Progress has no id: keep each answer with its parent query.
        Progress: { keyFields: false },
        Figure: { keyFields: false },
        PlanIndicator: { keyFields: false },
        KindValue: { keyFields: false },
      },
    }),
  });
}
