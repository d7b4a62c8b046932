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
    // antd's light tints, kept: the ones it would derive from the darker colours above are greyish.
    colorSuccessBg: '#f6ffed',
    colorWarningBg: '#fff7e6',
    colorErrorBg: '#fff1f0',
    colorInfoBg: '#e6f4ff',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.57)',
    // A coloured tag's text is a darker shade of its palette's seed; these are too light on their tint
    // (cyan: a submitted application's state; orange: a returned one's, a reorganized platform's).
    cyan: '#006d75',
    gold: '#ad6800',
    green: '#237804',
    lime: '#5b8c00',
    orange: '#ad4e00',
    yellow: '#ad8b00',
  },
  components: {
    // Its "no data" text is drawn in the disabled colour, which is not meant to be read.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};

const stillTheme: ThemeConfig = { ...appTheme, token: { ...appTheme.token, motion: false } };

/**
 * The theme for a user who asked for reduced motion: antd's opening and closing animations off
 * (dropdowns, dialogs, drawers appear at once). The browser tests ask for it too, so a click never
 * lands on an option that is still sliding into place.
 */
export function themeFor(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? stillTheme : appTheme;
}
