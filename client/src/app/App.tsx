import { useEffect, useMemo } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enGB from 'antd/locale/en_GB';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './apollo';
import { loginPathFor } from './auth';
import { I18nProvider, useI18n } from './i18n';
import { setErrorNotifier } from './notifier';
import { createAppRouter } from './routes';
import { SessionProvider } from './session';

function ErrorNotifierBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setErrorNotifier((text) => void message.error(text, 6)), [message]);
  return null;
}

function Localized({ children }: { children: React.ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en' ? enGB : viVN} theme={{ token: { colorPrimary: '#1554b4', borderRadius: 6 } }}>
      <AntApp>
        <ErrorNotifierBridge />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const router = useMemo(() => createAppRouter(), []);
  const client = useMemo(
    () =>
      createApolloClient({
        onUnauthenticated: () => {
          const here = window.location.pathname + window.location.search;
          void client.clearStore();
          void router.navigate(loginPathFor(here), { replace: true });
        },
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [router],
  );
  return (
    <I18nProvider>
      <Localized>
        <ApolloProvider client={client}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </ApolloProvider>
      </Localized>
    </I18nProvider>
  );
}
