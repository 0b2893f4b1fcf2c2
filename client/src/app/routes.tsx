import { Suspense, lazy, useEffect, useRef, type ReactNode } from 'react';
import { Navigate, useLocation, useRoutes, type RouteObject } from 'react-router';
import { can, type Permission } from './access';
import { APP_ROUTES } from './app-routes';
import { page } from './lazy-page';
import { loginPathFor } from './auth';
import { loadCatalogue, storedLocale, useI18n, type MessageKey } from './i18n';
import { useSession } from './session';
import { LightLoading, PageLoading, shellParts } from './shell-parts';
import { reloadIfUpdated } from '../pwa/register';
// In the entry (2 kB with its stylesheet): the login page renders without another round trip.
import { LoginPage } from '../features/auth/pages/LoginPage';

/*
 * Nothing here loads antd or Apollo: the login route and the session check are the first
 * JavaScript a phone downloads (issue #16). The signed-in frame (signed-in.tsx: antd's App and
 * locale, Apollo, the layout) is one chunk, loaded once the session is known, with the whole
 * catalogue of the reader's language; it gives the parts shown around pages (shell-parts.tsx).
 */
const loadShell = () => Promise.all([import('./signed-in'), loadCatalogue(storedLocale())]);
// Installed (the service worker serves the frame from its cache, no network spent): start on it
// while `me` is asked, rather than after.
if (typeof navigator !== 'undefined' && navigator.serviceWorker?.controller && !window.location.pathname.startsWith('/login')) loadShell().catch(() => {});
const SignedInShell = page(async () => (await loadShell())[0], 'SignedInShell');
const SessionError = lazy(async () => ({ default: (await import('./signed-in')).SessionError }));

/** Signed in, or off to /login?next=<here>. */
function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;
  if (session.loading) return <LightLoading />;
  if (session.error)
    return (
      <Suspense fallback={<LightLoading />}>
        <SessionError error={session.error} onRetry={session.refetch} />
      </Suspense>
    );
  if (!session.user) return <Navigate to={loginPathFor(here)} replace />;
  return <>{children}</>;
}

/** Each page names the browser tab ("Kế hoạch — Chỉ tiêu"), in the reader's language. */
function PageTitle({ title }: { title?: MessageKey }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${t(title)} — ${t('app.name')}` : t('app.name');
  }, [t, title]);
  return null;
}

function RequireAccess({ access, children }: { access: Permission; children: ReactNode }) {
  const { user } = useSession();
  const { Forbidden } = shellParts;
  return can(user?.role, access) ? <>{children}</> : <Forbidden />;
}

function NotFound() {
  const { NotFound: Shown } = shellParts;
  return <Shown />;
}

export const routeObjects: RouteObject[] = [
  {
    path: '/login',
    element: <LoginPage />,
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <Suspense fallback={<LightLoading />}>
          <SignedInShell />
        </Suspense>
      </RequireSession>
    ),
    children: [
      ...APP_ROUTES.map(({ path, access, Page, menu, title }) => ({
        path,
        element: (
          <RequireAccess access={access}>
            <PageTitle title={title ?? menu} />
            <Suspense fallback={<PageLoading />}>
              <Page />
            </Suspense>
          </RequireAccess>
        ),
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
];

/**
 * The routes in react-router's declarative mode (inside App's BrowserRouter): the SPA uses no
 * loader, action or blocker, and the data router (createBrowserRouter) would add ~15 kB gzip
 * to the login route.
 */
export function AppRoutes() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // A new version installed meanwhile (pwa/register.ts) is loaded at a change of page, never mid-form.
  useEffect(() => {
    if (first.current) first.current = false;
    else reloadIfUpdated();
  }, [pathname]);
  return useRoutes(routeObjects);
}
