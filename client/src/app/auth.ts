/**
 * The session lives in an httpOnly cookie the server sets at login: script never sees the
 * token. Whether someone is signed in is what `me` answers (session.tsx); this module only
 * carries the news that the server ended the session (an UNAUTHENTICATED answer), so the
 * Apollo links and React agree.
 */
const listeners = new Set<() => void>();

/** Where the SPA kept its token before the cookie: removed on start, never written again. */
const LEGACY_TOKEN_KEY = 'chitieu.token';

export function forgetLegacyToken(): void {
  try {
    localStorage.removeItem(LEGACY_TOKEN_KEY);
  } catch {
    // storage unavailable: nothing was kept there either
  }
}

/** The server no longer knows the session (expired, revoked, signed out elsewhere). */
export function sessionEnded(): void {
  listeners.forEach((l) => l());
}

export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where to go after signing in: only a path inside the SPA, never another site. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function loginPathFor(current: string): string {
  return current === '/' || current.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(current)}`;
}
