import type { GlobalToken } from 'antd';
import type { CSSProperties } from 'react';

/**
 * The bordered box of antd's Card, for the overview: antd's Card carries its tab bar's code, and
 * the overview is the page every visitor opens first, so it stays light (e2e/delivery.test.ts).
 */
export function panelStyle(token: GlobalToken): CSSProperties {
  return { display: 'block', padding: token.padding, background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG };
}
