import type { ThemeConfig } from 'antd';

/**
 * antd's defaults with text colours that reach WCAG AA contrast (4.5:1, checked by axe in the
 * browser specs): secondary text and placeholders, links, success/warning/error text, and the
 * colour-7 text of green, orange, gold, cyan and volcano tags do not by default.
 */
export const THEME: ThemeConfig = {
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
