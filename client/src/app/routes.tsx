import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, createBrowserRouter, useLocation, type RouteObject } from 'react-router';
import { Button } from 'antd';
import { can, type Permission } from './access';
import { loginPathFor } from './auth';
import { useI18n, type MessageKey } from './i18n';
import { useSession } from './session';
import { EmptyState, ErrorState, Loading } from './components/States';

/** Route-level code splitting: each page is its own chunk, so the login route stays small. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('../features/auth/pages/LoginPage'), 'LoginPage');
const AppLayout = page(() => import('./layout/AppLayout'), 'AppLayout');
const HomePage = page(() => import('../features/home/pages/HomePage'), 'HomePage');
const PlansPage = page(() => import('../features/plans/pages/PlansPage'), 'PlansPage');
const PlanPage = page(() => import('../features/plans/pages/PlanPage'), 'PlanPage');
const CascadePage = page(() => import('../features/cascade/pages/CascadePage'), 'CascadePage');
const ResultsPage = page(() => import('../features/results/pages/ResultsPage'), 'ResultsPage');
const ImportPage = page(() => import('../features/imports/pages/ImportPage'), 'ImportPage');
const DashboardPage = page(() => import('../features/progress/pages/DashboardPage'), 'DashboardPage');
const PlaygroundPage = page(() => import('../features/playground/pages/PlaygroundPage'), 'PlaygroundPage');
const UnitTreePage = page(() => import('../features/units/pages/UnitTreePage'), 'UnitTreePage');
const AccountsPage = page(() => import('../features/accounts/pages/AccountsPage'), 'AccountsPage');

export interface AppRoute {
  path: string;
  access: Permission;
  Page: ComponentType;
  /** Shown in the side menu under this label. */
  menu?: MessageKey;
}

/** Every signed-in page with what it needs; the menu and the guard read the same list. */
export const APP_ROUTES: readonly AppRoute[] = [
  { path: '/', access: 'home', Page: HomePage, menu: 'nav.home' },
  { path: '/plans', access: 'plans.view', Page: PlansPage, menu: 'nav.plans' },
  { path: '/plans/:planId', access: 'plans.view', Page: PlanPage },
  { path: '/plans/:planId/cascade', access: 'targets.cascade', Page: CascadePage },
  { path: '/results', access: 'results.enter', Page: ResultsPage, menu: 'nav.results' },
  { path: '/imports', access: 'imports', Page: ImportPage, menu: 'import.nav' },
  { path: '/progress', access: 'progress.view', Page: DashboardPage, menu: 'nav.progress' },
  { path: '/units', access: 'units.view', Page: UnitTreePage, menu: 'nav.units' },
  { path: '/accounts', access: 'accounts.manage', Page: AccountsPage, menu: 'nav.accounts' },
  { path: '/playground', access: 'playground', Page: PlaygroundPage, menu: 'nav.playground' },
];

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
      ...APP_ROUTES.map(({ path, access, Page }) => ({
        path,
        element: (
          <RequireAccess access={access}>
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
