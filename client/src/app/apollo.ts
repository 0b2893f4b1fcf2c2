import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { sessionEnded } from './auth';
import { describeError, errorCode, isNetworkError } from './errors';
import { offlineAnswersLink } from './offline/offline-link';
import { storedLocale, translate } from './i18n';
import { requestHeaders } from './request-headers';
import { notifyError } from './notifier';

export interface ApolloOptions {
  /** Called once the session is known to be gone after UNAUTHENTICATED: sends the user to /login?next=… */
  onUnauthenticated(): void;
  uri?: string;
  /** The signed-in user: their reporter's answers are kept on the device for offline use (offline/offline-link.ts). */
  userId?: string;
}

// Kept importable from here (download.ts, the import and playground pages); defined without Apollo.
export { requestHeaders } from './request-headers';

export function createApolloClient(options: ApolloOptions): ApolloClient {
  const headers = new SetContextLink((prev) => ({ headers: { ...prev.headers, ...requestHeaders() } }));

  // The one error link: an expired session goes back to login; other codes become a translated
  // message. Validation issues of target writes are payload `issues`, shown beside their rows.
  const errors = new ErrorLink(({ error, operation }) => {
    const code = errorCode(error);
    // `Me` answering UNAUTHENTICATED only means "not signed in": the session provider reads it.
    if (code === 'UNAUTHENTICATED' && operation.operationName !== 'Login' && operation.operationName !== 'Me') {
      sessionEnded();
      options.onUnauthenticated();
      return;
    }
    // Queries show their error in place (ErrorState); mutations get a message here.
    const isMutation = operation.query.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation');
    // A write the page queues when there is no signal says so itself (results' offline queue).
    const queued = operation.getContext().queueWhenOffline === true && isNetworkError(error);
    if (isMutation && operation.operationName !== 'Login' && !queued) {
      notifyError(describeError(error, (key, params) => translate(storedLocale(), key, params)));
    }
  });

  return new ApolloClient({
    // Same origin: the browser sends the session cookie (credentials 'same-origin').
    link: ApolloLink.from([
      errors,
      headers,
      ...(options.userId ? [offlineAnswersLink(options.userId)] : []),
      new HttpLink({ uri: options.uri ?? '/graphql', credentials: 'same-origin' }),
    ]),
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
