import { Grid } from 'antd';

/** Below antd's md breakpoint (768 px): a phone, with the menu in a drawer and lists as cards. */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: lay out for a wide screen.
  return screens.md === false;
}
