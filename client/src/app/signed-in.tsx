import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enGB from 'antd/locale/en_GB';
import { ApolloProvider, useApolloClient } from '@apollo/client/react';
import { useQueueSender } from '../features/results/offline-queue';
import { createApolloClient } from './apollo';
import { EmptyState, ErrorState, Loading } from './components/States';
import { useI18n } from './i18n';
import { useSession } from './session';
import { AppLayout } from './layout/AppLayout';
import { setErrorNotifier } from './notifier';
import { shellParts } from './shell-parts';
import { MODAL, THEME } from './theme';

/** Sends the figures typed offline when the frame starts and whenever the link comes back. */
function QueueSender() {
  const { message } = AntApp.useApp();
  const { t } = useI18n();
  const { user } = useSession();
  const client = useApolloClient();
  const onSent = useCallback((count: number) => void message.success(t('offline.sent', { count })), [message, t]);
  useQueueSender(client, user?.id, onSent);
  return null;
}

function ErrorNotifierBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setErrorNotifier((text) => void message.error(text, 6)), [message]);
  return null;
}

/**
 * The signed-in frame, one chunk loaded once the session is known: Apollo with its cache, antd's
 * App (messages, modals, notifications), theme and locale packs, and the layout. A new Apollo client
 * each time it mounts: signing out (or a session ended by the server) leaves this frame for
 * /login, and what the last user's client cached goes with it.
 */
export function SignedInShell() {
  const { user } = useSession();
  // Another user (the device's last one turned out not to be the session's): a new frame, a new client.
  return <SignedInFrame key={user?.id ?? ''} />;
}

function SignedInFrame() {
  const { locale } = useI18n();
  // An ended session: the error link tells the session (auth.ts sessionEnded), whose guard in
  // routes.tsx goes to /login?next=<here>, unmounting this frame and its client.
  const { user } = useSession();
  const [client] = useState(() => createApolloClient({ onUnauthenticated: () => {}, userId: user?.id }));
  return (
    <ConfigProvider locale={locale === 'en' ? enGB : viVN} theme={THEME} modal={MODAL}>
      <AntApp>
        <ErrorNotifierBridge />
        <ApolloProvider client={client}>
          <QueueSender />
          <AppLayout />
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Forbidden() {
  const { t } = useI18n();
  return (
    <EmptyState action={<Button href="/">{t('common.toHome')}</Button>}>
      <strong>{t('common.forbiddenTitle')}</strong>
      <br />
      {t('common.forbiddenHint')}
    </EmptyState>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return <EmptyState action={<Button href="/">{t('common.toHome')}</Button>}>{t('common.notFoundTitle')}</EmptyState>;
}

/** The session could not be checked (no network, server down): the app's error state, in its theme. */
export function SessionError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  return (
    <ConfigProvider theme={THEME}>
      <div style={{ padding: 24 }}>
        <ErrorState error={error} onRetry={onRetry} />
      </div>
    </ConfigProvider>
  );
}

// From now on, routes.tsx shows antd's states around pages.
Object.assign(shellParts, { Loading, Forbidden, NotFound });
