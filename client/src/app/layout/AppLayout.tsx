import { Outlet, useLocation, useNavigate, matchPath } from 'react-router';
import { Button, Flex, Grid, Layout, Menu, Segmented, Space, Tooltip, Typography, theme } from 'antd';
import {
  ApartmentOutlined,
  BarChartOutlined,
  CodeOutlined,
  EditOutlined,
  FileTextOutlined,
  HomeOutlined,
  LogoutOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { can } from '../access';
import { useI18n, type Locale } from '../i18n';
import { APP_ROUTES } from '../app-routes';
import { useSession, useUser } from '../session';
import { LogoutMutation } from '../../features/auth/auth.graphql';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';

const ICONS: Record<string, React.ReactNode> = {
  '/': <HomeOutlined />,
  '/plans': <FileTextOutlined />,
  '/indicators': <UnorderedListOutlined />,
  '/results': <EditOutlined />,
  '/imports': <UploadOutlined />,
  '/progress': <BarChartOutlined />,
  '/units': <ApartmentOutlined />,
  '/playground': <CodeOutlined />,
  '/accounts': <TeamOutlined />,
};

/** The signed-in frame: menu by role, the user and unit, the language switch. */
export function AppLayout() {
  const { t, locale, setLocale } = useI18n();
  const user = useUser();
  const session = useSession();
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  // On a phone the header keeps its buttons; the unit and the user's name give way.
  const screens = Grid.useBreakpoint();
  const wide = screens.md !== false;

  const items = APP_ROUTES.filter((r) => r.menu && can(user.role, r.access)).map((r) => ({
    key: r.path,
    icon: ICONS[r.path],
    label: t(r.menu!),
  }));
  const selected = [...items].reverse().find((i) => (i.key === '/' ? location.pathname === '/' : matchPath({ path: i.key, end: false }, location.pathname)))?.key;

  async function logout() {
    try {
      await client.mutate({ mutation: LogoutMutation });
    } catch {
      // the session may already be gone; signing out locally is what matters
    }
    await session.signOut();
    navigate('/login');
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={56} width={220} theme="light" style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
        <Typography.Title level={4} style={{ padding: '16px 20px 8px', margin: 0, color: '#b71c1c' }}>
          {t('app.name')}
        </Typography.Title>
        <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={(e) => navigate(e.key)} style={{ borderInlineEnd: 0 }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, paddingInline: wide ? 24 : 12, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Flex justify="space-between" align="center" gap={8} style={{ height: '100%' }}>
            <Typography.Text type="secondary" ellipsis style={{ minWidth: 0, flex: 1 }}>
              {user.unit?.name ?? ''}
            </Typography.Text>
            <Space size={wide ? 'middle' : 'small'}>
              <NotificationBell />
              <Segmented<Locale>
                size="small"
                aria-label={t('lang.label')}
                value={locale}
                onChange={(l) => setLocale(l)}
                options={[
                  { value: 'vi', label: 'VI', title: t('lang.vi') },
                  { value: 'en', label: 'EN', title: t('lang.en') },
                ]}
              />
              {wide && (
                <span>
                  <Typography.Text strong>{user.displayName ?? user.username}</Typography.Text> <Typography.Text type="secondary">· {t(`role.${user.role}`)}</Typography.Text>
                </span>
              )}
              <Tooltip title={t('nav.logout')}>
                <Button icon={<LogoutOutlined />} onClick={logout} aria-label={t('nav.logout')} />
              </Tooltip>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
