import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { MeQuery } from '../features/auth/auth.graphql';
import type { SessionUserFragment } from '../gql/graphql';
import { getToken, setToken, subscribeToken } from './auth';

export type SessionUser = SessionUserFragment;

export interface Session {
  token: string | null;
  user: SessionUser | null;
  loading: boolean;
  error: unknown;
  refetch(): void;
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in: the token in storage, and `me` read with it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(subscribeToken, getToken, () => null);
  const client = useApolloClient();
  const me = useQuery(MeQuery, { skip: !token, fetchPolicy: 'network-only' });

  const signIn = useCallback(
    async (next: string) => {
      await client.clearStore();
      setToken(next);
    },
    [client],
  );
  const signOut = useCallback(async () => {
    setToken(null);
    await client.clearStore();
  }, [client]);

  const value = useMemo<Session>(
    () => ({
      token,
      user: token ? (me.data?.me ?? null) : null,
      loading: !!token && me.loading,
      error: me.error,
      refetch: () => void me.refetch(),
      signIn,
      signOut,
    }),
    [token, me.data, me.loading, me.error, me.refetch, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** A fixed signed-in session: component tests of pages, and anything rendered outside the app shell. */
export function StaticSessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const value = useMemo<Session>(
    () => ({ token: 'static', user, loading: false, error: undefined, refetch: () => {}, signIn: async () => {}, signOut: async () => {} }),
    [user],
  );
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
