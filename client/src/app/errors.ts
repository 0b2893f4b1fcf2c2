import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { MessageKey } from './i18n';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const TRANSLATED: Record<string, MessageKey> = {
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  FORBIDDEN: 'error.FORBIDDEN',
  NOT_FOUND: 'error.NOT_FOUND',
  CONFLICT: 'error.CONFLICT',
  TOO_MANY_REQUESTS: 'error.TOO_MANY_REQUESTS',
  INTERNAL: 'error.INTERNAL',
  INTERNAL_SERVER_ERROR: 'error.INTERNAL',
};

/** The first `extensions.code` of a GraphQL error, if any. */
export function errorCode(error: unknown): string | null {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors.find((e) => typeof e.extensions?.code === 'string')?.extensions?.code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** No answer at all (no signal, server unreachable): the request may be tried again later. */
export function isNetworkError(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error) || ServerError.is(error)) return false;
  // A request given up after its time (a signal too weak to answer) counts as no answer too.
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  return error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.message));
}

/**
 * One sentence for the user. Codes with a fixed meaning are translated here; input problems
 * (BAD_USER_INPUT, a wrong password…) keep the server's message, already in the user's language.
 */
export function describeError(error: unknown, t: T): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : null;
    // A refusal that says why (a domain reason) keeps the server's sentence: it names the unit and period.
    const params = first?.extensions?.params as { reason?: unknown } | undefined;
    const reason = first?.extensions?.reason ?? params?.reason;
    if (code && TRANSLATED[code] && !reason) return t(TRANSLATED[code]);
    return first?.message ?? t('error.UNKNOWN', { message: '' });
  }
  if (ServerError.is(error) && error.statusCode >= 500) return t('error.INTERNAL');
  if (isNetworkError(error)) return t('error.NETWORK');
  return t('error.UNKNOWN', { message: error instanceof Error ? error.message : String(error) });
}
