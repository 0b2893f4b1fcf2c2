import { BrowserRouter } from 'react-router';
import { I18nProvider } from './i18n';
import { AppRoutes } from './routes';
import { SessionProvider } from './session';

/**
 * What every route shares: the language, who is signed in, the router. antd (its theme, App,
 * locale packs) and Apollo belong to the signed-in frame (signed-in.tsx, its own chunk): the
 * login route, the first page on a slow link, goes without (issue #16).
 */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
