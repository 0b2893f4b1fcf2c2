import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { MemoryRouter } from 'react-router';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { I18nProvider, type Locale } from '../app/i18n';

/** A component with the app's providers: language, antd, a router, and Apollo answering from mocks. */
export function renderWithProviders(ui: ReactElement, { mocks = [], locale = 'vi' }: { mocks?: MockLink.MockedResponse[]; locale?: Locale } = {}) {
  return render(
    <I18nProvider initial={locale}>
      <ConfigProvider locale={viVN}>
        <AntApp>
          <MemoryRouter>
            <MockedProvider mocks={mocks}>{ui}</MockedProvider>
          </MemoryRouter>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>,
  );
}
