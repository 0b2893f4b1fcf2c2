import type { ComponentType, ReactNode } from 'react';
import { useI18n } from './i18n';
import './shell-parts.css';

/**
 * What routes.tsx shows before antd is loaded: the login route and the session check carry no
 * antd (issue #16: ≤ 150 kB of JavaScript gzip on the first page). A spinner of our own, with
 * the same accessible name as the app's <Loading> (a status saying "loading").
 */
export function LightLoading() {
  const { t } = useI18n();
  return (
    <div role="status" className="ct-light-loading">
      <span className="ct-light-spinner" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}

/**
 * The signed-in frame's parts routes.tsx renders around pages (antd's Loading, Forbidden, Not
 * found), given by signed-in.tsx when its chunk runs, which is before any page renders.
 */
export const shellParts: { Loading: ComponentType; Forbidden: ComponentType; NotFound: ComponentType } = {
  Loading: LightLoading,
  Forbidden: LightLoading,
  NotFound: LightLoading,
};

export function PageLoading(): ReactNode {
  const { Loading } = shellParts;
  return <Loading />;
}
