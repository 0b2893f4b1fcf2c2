import { Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, createBrowserRouter, useLocation, type RouteObject } from 'react-router';
import { Button } from 'antd';
import { can, type Permission } from './access';
import { APP_ROUTES } from './app-routes';
import { page } from './lazy-page';
import { loginPathFor } from './auth';
import { useI18n, type MessageKey } from './i18n';
import { useSession } from './session';
import { EmptyState, ErrorState, Loading } from './components/States';

const LoginPage = page(() => import('../features/auth/pages/LoginPage'), 'LoginPage');
const AppLayout = page(() => import('./layout/AppLayout'), 'AppLayout');
function Forbidden() {
  const { t } = useI18n();
  return (
    <EmptyState action={<Button href="/">{t('common.toHome')}</Button>}>
      <strong>{t('common.forbiddenTitle')}</strong>
      <br />
      {t('common.forbiddenHint')}
    </EmptyState>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <EmptyState action={<Button href="/">{t('common.toHome')}</Button>}>{t('common.notFoundTitle')}</EmptyState>;
}

/** Signed in, or off to /login?next=<here>. */
function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;
  if (session.loading) return <Loading />;
  if (session.error) return <ErrorState error={session.error} onRetry={session.refetch} />;
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
  return can(user?.role, access) ? <>{children}</> : <Forbidden />;
}

export const routeObjects: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense fallback={<Loading />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <Suspense fallback={<Loading />}>
          <AppLayout />
        </Suspense>
      </RequireSession>
    ),
    children: [
      ...APP_ROUTES.map(({ path, access, Page, menu, title }) => ({
        path,
        element: (
          <RequireAccess access={access}>
            <PageTitle title={title ?? menu} />
            <Suspense fallback={<Loading />}>
              <Page />
            </Suspense>
          </RequireAccess>
        ),
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routeObjects);
}
