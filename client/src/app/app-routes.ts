import type { ComponentType } from 'react';
import type { Permission } from './access';
import type { MessageKey } from './i18n';
import { page } from './lazy-page';

const HomePage = page(() => import('../features/home/pages/HomePage'), 'HomePage');
const PlansPage = page(() => import('../features/plans/pages/PlansPage'), 'PlansPage');
const PlanPage = page(() => import('../features/plans/pages/PlanPage'), 'PlanPage');
const CascadePage = page(() => import('../features/cascade/pages/CascadePage'), 'CascadePage');
const ResultsPage = page(() => import('../features/results/pages/ResultsPage'), 'ResultsPage');
const ImportPage = page(() => import('../features/imports/pages/ImportPage'), 'ImportPage');
const DashboardPage = page(() => import('../features/progress/pages/DashboardPage'), 'DashboardPage');
const PlaygroundPage = page(() => import('../features/playground/pages/PlaygroundPage'), 'PlaygroundPage');
const UnitTreePage = page(() => import('../features/units/pages/UnitTreePage'), 'UnitTreePage');
const IndicatorsPage = page(() => import('../features/indicators/pages/IndicatorsPage'), 'IndicatorsPage');
const AccountsPage = page(() => import('../features/accounts/pages/AccountsPage'), 'AccountsPage');
const NotificationsPage = page(() => import('../features/notifications/pages/NotificationsPage'), 'NotificationsPage');

export interface AppRoute {
  path: string;
  access: Permission;
  Page: ComponentType;
  /** Shown in the side menu under this label. */
  menu?: MessageKey;
  /** The browser tab's title, when the page has no menu label of its own. */
  title?: MessageKey;
}

/** Every signed-in page with what it needs; the menu and the guard read the same list. */
export const APP_ROUTES: readonly AppRoute[] = [
  { path: '/', access: 'home', Page: HomePage, menu: 'nav.home' },
  { path: '/plans', access: 'plans.view', Page: PlansPage, menu: 'nav.plans' },
  { path: '/plans/:planId', access: 'plans.view', Page: PlanPage, title: 'nav.plans' },
  { path: '/plans/:planId/cascade', access: 'targets.cascade', Page: CascadePage, title: 'cascade.title' },
  { path: '/indicators', access: 'indicators.view', Page: IndicatorsPage, menu: 'nav.indicators' },
  { path: '/results', access: 'results.enter', Page: ResultsPage, menu: 'nav.results' },
  { path: '/imports', access: 'imports', Page: ImportPage, menu: 'import.nav' },
  { path: '/progress', access: 'progress.view', Page: DashboardPage, menu: 'nav.progress' },
  { path: '/units', access: 'units.view', Page: UnitTreePage, menu: 'nav.units' },
  { path: '/accounts', access: 'accounts.manage', Page: AccountsPage, menu: 'nav.accounts' },
  { path: '/playground', access: 'playground', Page: PlaygroundPage, menu: 'nav.playground' },
  { path: '/notifications', access: 'home', Page: NotificationsPage, title: 'notifications.title' },
];
