import { useEffect, useMemo } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
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

/**
 * antd's defaults with text colours that reach WCAG AA contrast (4.5:1, checked by axe in the
 * browser specs): secondary text and placeholders, links, success/warning/error text, and the
 * colour-7 text of green, orange, gold, cyan and volcano tags do not by default.
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1554b4',
    borderRadius: 6,
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorSuccessText: '#237804',
    colorWarningText: '#874d00',
    colorErrorText: '#cf1322',
    colorLink: '#1554b4',
    colorLinkHover: '#0e4194',
    colorLinkActive: '#0a3273',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
  components: {
    Tag: { green7: '#237804', orange7: '#ad4e00', gold7: '#874d00', cyan7: '#006d75', volcano7: '#ad2102' },
  },
};

function Localized({ children }: { children: React.ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en' ? enGB : viVN} theme={THEME}>
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
