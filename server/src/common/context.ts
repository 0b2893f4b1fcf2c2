import type { Locale } from '@chitieu/domain';
import type { Actor } from './scope';
import type { Loaders } from './loaders';
import type { Services } from '../services';

/** Everything a resolver may touch for one request. Built per request: loaders never leak between users. */
export interface RequestContext {
  requestId: string;
  locale: Locale;
  actor: Actor | null;
  /** The caller's address, for login throttling. */
  ip: string;
  loaders: Loaders;
  services: Services;
  /**
   * The SPA's httpOnly session cookie, set by `login` and cleared by `logout` (absent where no
   * HTTP response exists, e.g. the CLI).
   */
  sessionCookie?: SessionCookie;
}

export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** A context that is known to be signed in: the auth checker guarantees it for every guarded field. */
export type AuthedContext = RequestContext & { actor: Actor };
