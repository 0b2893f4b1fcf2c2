import type { ConfigProviderProps, ThemeConfig } from 'antd';

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
    // Someone who asked their system for less motion gets none: dialogs, menus and messages
    // open and close at once, and the focus never lands after an animation has ended.
    motion: !(typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches),
  },
  components: {
    Tag: { green7: '#237804', orange7: '#ad4e00', gold7: '#874d00', cyan7: '#006d75', volcano7: '#ad2102' },
  },
};

/**
 * Dialogs close by their buttons or Escape, never by a click beside them: most hold a form, and
 * a stray tap on a phone would throw away what was typed.
 */
export const MODAL: ConfigProviderProps['modal'] = { mask: { closable: false } };
