import { storedLocale } from './i18n';

/**
 * Headers every request carries: Apollo's CSRF preflight marker (the server asks it of every
 * request its session cookie authenticates, /import and /export included) and the language.
 * The session itself is the httpOnly cookie the browser sends to its own origin. A module of its
 * own, without Apollo: the login route's plain requests (features/auth/session-requests) use it.
 */
export function requestHeaders(): Record<string, string> {
  return {
    'apollo-require-preflight': 'true',
    'accept-language': storedLocale(),
  };
}
