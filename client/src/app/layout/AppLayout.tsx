import { useState } from 'react';
import { Outlet, useLocation, useNavigate, matchPath } from 'react-router';
import { Button, ConfigProvider, Drawer, Flex, Grid, Layout, Menu, Segmented, Tooltip, Typography, theme, type ThemeConfig } from 'antd';
import {
  ApartmentOutlined,
  BarChartOutlined,
  CodeOutlined,
  EditOutlined,
  FileTextOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
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
import './phone.css';

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

/**
 * On a phone the controls are touch targets (44 px, Apple's and WCAG 2.5.5's least): buttons,
 * inputs and selects of every page, and the menu's items; cards give their content more of the
 * width; the header is a phone's usual 56 px (antd would make it twice the controls' height).
 * Merged into the app's theme.
 */
const PHONE_THEME: ThemeConfig = {
  token: { controlHeight: 44 },
  components: { Layout: { headerHeight: 56 }, Menu: { itemHeight: 48 }, Card: { bodyPadding: 16, headerPadding: 16 } },
};

/**
 * The signed-in frame: menu by role, the user and unit, the language switch. On a laptop the menu
 * is a side bar (folded to its icons below 992 px); on a phone (below 768 px) it opens from the
 * header's menu button in a drawer, which also holds the unit and the language switch, and the
 * header keeps the user's name and its buttons on one line (issue #16).
 */
export function AppLayout() {
  const { t, locale, setLocale } = useI18n();
  const user = useUser();
  const session = useSession();
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const collapsed = screens.lg === false;
  const [navOpen, setNavOpen] = useState(false);

  const items = APP_ROUTES.filter((r) => r.menu && can(user.role, r.access)).map((r) => ({
    key: r.path,
    icon: ICONS[r.path],
    label: t(r.menu!),
  }));
  const selected = [...items].reverse().find((i) => (i.key === '/' ? location.pathname === '/' : matchPath({ path: i.key, end: false }, location.pathname)))?.key;
  const name = user.displayName ?? user.username;
  const role = t(`role.${user.role}`);

  async function logout() {
    try {
      await client.mutate({ mutation: LogoutMutation });
    } catch {
      // the session may already be gone; signing out locally is what matters
    }
    await session.signOut();
    navigate('/login');
  }

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={(e) => {
        setNavOpen(false);
        navigate(e.key);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
  const languages = (
    <Segmented<Locale>
      size={phone ? 'middle' : 'small'}
      aria-label={t('lang.label')}
      value={locale}
      onChange={(l) => setLocale(l)}
      options={[
        { value: 'vi', label: 'VI', title: t('lang.vi') },
        { value: 'en', label: 'EN', title: t('lang.en') },
      ]}
    />
  );
  // One line, however long the name: it gives way (with an ellipsis) to the header's buttons, and
  // is a line of text high (not the header's line height).
  const oneLine = { minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', lineHeight: token.lineHeight } as const;

  return (
    <ConfigProvider theme={phone ? PHONE_THEME : undefined}>
      <Layout style={{ minHeight: '100vh' }}>
        {!phone && (
          <Layout.Sider collapsed={collapsed} collapsedWidth={56} width={220} theme="light" style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
            {collapsed ? (
              // Folded to its icons: the brand is the app's icon, not its name a letter a line.
              <div data-testid="brand" style={{ padding: '16px 0 8px', textAlign: 'center', lineHeight: 0 }}>
                <img src="/icons/favicon.svg" alt={t('app.name')} width={28} height={28} />
              </div>
            ) : (
              <Typography.Title data-testid="brand" level={4} style={{ padding: '16px 20px 8px', margin: 0, color: '#b71c1c', whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Typography.Title>
            )}
            {menu}
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header style={{ background: token.colorBgContainer, paddingInline: phone ? 8 : 24, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
            <Flex justify="space-between" align="center" gap={8} style={{ height: '100%' }}>
              {phone && <Button type="text" icon={<MenuOutlined />} onClick={() => setNavOpen(true)} aria-label={t('nav.menu')} aria-expanded={navOpen} data-testid="nav-open" />}
              {phone ? (
                <Typography.Text strong data-testid="header-user" title={`${name} · ${role}`} style={{ ...oneLine, flex: 1 }}>
                  {name}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary" ellipsis style={{ minWidth: 0, flex: 1 }}>
                  {user.unit?.name ?? ''}
                </Typography.Text>
              )}
              <Flex align="center" gap={phone ? 4 : 'middle'} style={{ minWidth: 0, flex: '0 1 auto' }}>
                <NotificationBell />
                {!phone && languages}
                {!phone && (
                  <span data-testid="header-user" title={`${name} · ${role}`} style={oneLine}>
                    <Typography.Text strong>{name}</Typography.Text> <Typography.Text type="secondary">· {role}</Typography.Text>
                  </span>
                )}
                <Tooltip title={t('nav.logout')}>
                  <Button type={phone ? 'text' : 'default'} icon={<LogoutOutlined />} onClick={logout} aria-label={t('nav.logout')} />
                </Tooltip>
              </Flex>
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
        {phone && (
          <Drawer
            open={navOpen}
            onClose={() => setNavOpen(false)}
            placement="left"
            size={280}
            title={
              <span data-testid="brand" style={{ color: '#b71c1c', whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </span>
            }
            styles={{ body: { padding: 0 } }}
          >
            <Flex vertical gap={8} style={{ padding: '12px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
              <Typography.Text strong>{name}</Typography.Text>
              <Typography.Text type="secondary">
                {role}
                {user.unit ? ` · ${user.unit.name}` : ''}
              </Typography.Text>
              <div>{languages}</div>
            </Flex>
            {menu}
          </Drawer>
        )}
      </Layout>
    </ConfigProvider>
  );
}
