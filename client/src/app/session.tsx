import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe } from '../features/auth/session-requests';
import type { SessionUserFragment } from '../gql/graphql';
import { forgetLegacyToken, onSessionEnded } from './auth';
import { errorCode } from './errors';

export type SessionUser = SessionUserFragment;

export interface Session {
  user: SessionUser | null;
  /** True until the server has said who is signed in (the first `me`). */
  loading: boolean;
  error: unknown;
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
}

/**
 * Who is signed in, as the server says: the session is an httpOnly cookie script cannot read,
 * so `me` is asked on start (UNAUTHENTICATED there just means "nobody"; a plain request, as
 * Apollo is not loaded on the login route), the login mutation's answer signs in, and an UNAUTHENTICATED answer anywhere (auth.ts `sessionEnded`) signs out.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ user: null, loading: true, error: undefined });

  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      setState({ user: (await fetchMe()) ?? null, loading: false, error: undefined });
    } catch (error) {
      const signedOut = errorCode(error) === 'UNAUTHENTICATED';
      setState({ user: null, loading: false, error: signedOut ? undefined : error });
    }
  }, []);

  useEffect(() => {
    // The token the SPA used to keep in localStorage: never read again, removed.
    forgetLegacyToken();
    void load();
  }, [load]);

  useEffect(() => onSessionEnded(() => setState({ user: null, loading: false, error: undefined })), []);

  // Apollo's cache belongs to the signed-in frame (signed-in.tsx): each sign-in mounts it with a
  // new, empty client, and leaving it (signing out) drops the client with everything it cached.
  const signIn = useCallback(async (user: SessionUser) => {
    setState({ user, loading: false, error: undefined });
  }, []);
  const signOut = useCallback(async () => {
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
