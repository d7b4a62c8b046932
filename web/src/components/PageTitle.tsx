import { theme } from 'antd';
import type { HTMLAttributes } from 'react';

/**
 * The page's one `<h1>` (screen readers and axe expect exactly one), in the size of antd's
 * level-3 title the pages have always shown. A plain element: antd's Typography brings its
 * editing and copying code (an input and the form library) to every page that shows a title.
 */
export function PageTitle({ style, ...props }: HTMLAttributes<HTMLHeadingElement>) {
  const { token } = theme.useToken();
  return <h1 {...props} style={{ margin: 0, fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3, fontWeight: token.fontWeightStrong, color: token.colorTextHeading, ...style }} />;
}

/** The page's h1 where an antd component draws the title (a Card's head, a Result): its look stays the component's. */
export function InlinePageTitle(props: HTMLAttributes<HTMLHeadingElement>) {
  return <h1 {...props} style={{ margin: 0, font: 'inherit', color: 'inherit' }} />;
}
