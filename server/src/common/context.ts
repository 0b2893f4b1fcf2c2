import type { Locale } from '@chitieu/domain';
import type { Actor } from './scope';
import type { Loaders } from './loaders';

/**
 * Who is asking and what belongs to this one request. Built per request: loaders never leak
 * between users. No services: those are wired once at start-up (services.ts).
 */
export interface RequestContext {
  requestId: string;
  locale: Locale;
  actor: Actor | null;
  /** The caller's address, for login throttling. */
  ip: string;
  loaders: Loaders;
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
