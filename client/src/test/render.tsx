import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { MemoryRouter } from 'react-router';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { I18nProvider, type Locale } from '../app/i18n';
import { StaticSessionProvider, type SessionUser } from '../app/session';

/** The demo province administrator, for pages that read the signed-in user. */
export const PROVINCE_ADMIN: SessionUser = {
  id: 'u1',
  username: 'tinh.daklak',
  displayName: 'Văn phòng UBND tỉnh Đắk Lắk',
  role: 'PROVINCE_ADMIN',
  unit: { id: '66', name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE', level: 1 },
};

/**
 * A component with the app's providers: language, antd, a router, Apollo answering from mocks,
 * and (for pages) a signed-in user.
 */
export function renderWithProviders(
  ui: ReactElement,
  { mocks = [], locale = 'vi', user, route = '/' }: { mocks?: MockLink.MockedResponse[]; locale?: Locale; user?: SessionUser; route?: string } = {},
) {
  const content = <MockedProvider mocks={mocks}>{user ? <StaticSessionProvider user={user}>{ui}</StaticSessionProvider> : ui}</MockedProvider>;
  return render(
    <I18nProvider initial={locale}>
      <ConfigProvider locale={viVN}>
        <AntApp>
          <MemoryRouter initialEntries={[route]}>{content}</MemoryRouter>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>,
  );
}
