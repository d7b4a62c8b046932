import type { ThemeConfig } from 'antd';

/**
 * antd's look with colours that meet WCAG AA contrast (4.5:1 for text) on white and on their
 * tinted backgrounds, checked by axe in e2e/accessibility.test.ts. antd's defaults do not:
 * secondary text and placeholders (rgba(0,0,0,.45) and .25), the green, red and orange of
 * change figures, status tags and danger buttons, and its default info blue.
 */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    colorInfo: '#1d4ed8',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.57)',
    // A coloured tag's text is the 7th shade of its palette; these three are too light on their tint.
    gold7: '#874d00',
    yellow7: '#876800',
    lime7: '#3f6600',
  },
};
