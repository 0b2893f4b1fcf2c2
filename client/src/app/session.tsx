import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe } from '../features/auth/session-requests';
import type { SessionUserFragment } from '../gql/graphql';
import { forgetLegacyToken, onSessionEnded } from './auth';
import { errorCode, isNetworkError } from './errors';
import { KEPT_ANSWERS, KEPT_USER, load as loadKept, remove as removeKept, removePrefix, save as keep } from './offline/store';

/** Forgets what the device kept of the signed-in user (the offline queue stays: typed figures are never dropped). */
async function forgetKept() {
  await removeKept(KEPT_USER);
  await removePrefix(KEPT_ANSWERS);
}

export type SessionUser = SessionUserFragment;

export interface Session {
  user: SessionUser | null;
  /** True until the server has said who is signed in (the first `me`). */
  loading: boolean;
  error: unknown;
  /** Started with no signal: the user is the one this device last knew; their answers come from the device. */
  offline?: boolean;
  refetch(): void;
  /** After `login` answered: the cookie is set, the user is the payload's. */
  signIn(user: SessionUser): Promise<void>;
  /** After `logout` (or when the server no longer knows the session): forget everything cached. */
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

interface State {
  user: SessionUser | null;
  loading: boolean;
  error: unknown;
  offline?: boolean;
}

/**
 * Who is signed in, as the server says: the session is an httpOnly cookie script cannot read,
 * so `me` is asked on start (UNAUTHENTICATED there just means "nobody"; a plain request, as
 * Apollo is not loaded on the login route), the login mutation's answer signs in, and an UNAUTHENTICATED answer anywhere (auth.ts `sessionEnded`) signs out.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ user: null, loading: true, error: undefined });

  const load = useCallback(async (atStart = false) => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    let answered = false;
    // On start, the user this device last knew opens the app at once (the installed app on a slow
    // link); `me` confirms them, or signs them out, a round trip later.
    if (atStart) {
      void loadKept<SessionUser>(KEPT_USER).then((kept) => {
        if (kept && !answered) setState({ user: kept, loading: false, error: undefined });
      });
    }
    try {
      const user = (await fetchMe()) ?? null;
      answered = true;
      if (user) void keep(KEPT_USER, user);
      else void forgetKept();
      setState({ user, loading: false, error: undefined });
    } catch (error) {
      answered = true;
      const signedOut = errorCode(error) === 'UNAUTHENTICATED';
      if (signedOut) void forgetKept();
      // No signal: a reporter who was signed in on this device goes on with what it kept.
      const kept = isNetworkError(error) ? await loadKept<SessionUser>(KEPT_USER) : undefined;
      if (kept) setState({ user: kept, loading: false, error: undefined, offline: true });
      else setState({ user: null, loading: false, error: signedOut ? undefined : error });
    }
  }, []);

  useEffect(() => {
    // The token the SPA used to keep in localStorage: never read again, removed.
    forgetLegacyToken();
    void load(true);
  }, [load]);

  useEffect(
    () =>
      onSessionEnded(() => {
        void forgetKept();
        setState({ user: null, loading: false, error: undefined });
      }),
    [],
  );

  // Apollo's cache belongs to the signed-in frame (signed-in.tsx): each sign-in mounts it with a
  // new, empty client, and leaving it (signing out) drops the client with everything it cached.
  const signIn = useCallback(async (user: SessionUser) => {
    void keep(KEPT_USER, user);
    setState({ user, loading: false, error: undefined });
  }, []);
  const signOut = useCallback(async () => {
    await forgetKept();
    setState({ user: null, loading: false, error: undefined });
  }, []);

  const value = useMemo<Session>(() => ({ ...state, refetch: () => void load(), signIn, signOut }), [state, load, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** A fixed signed-in session: component tests of pages, and anything rendered outside the app shell. */
export function StaticSessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const value = useMemo<Session>(() => ({ user, loading: false, error: undefined, refetch: () => {}, signIn: async () => {}, signOut: async () => {} }), [user]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user, for pages behind RequireAccess (never null there). */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
