import { theme } from 'antd';
import { Link } from 'react-router';
import { useList } from '../api/hooks';
import type { Resource } from '../api/resources';
import { panelStyle } from './panelStyle';

/** One figure of the overview: a list's total, read as meta.count of a one-row page; opens the list. */
export function CountCard({ resource, title, to }: { resource: Resource<unknown, unknown, unknown>; title: string; to: string }) {
  const { token } = theme.useToken();
  const { data, isPending } = useList(resource, { per_page: 1 });
  return (
    <Link to={to} style={{ ...panelStyle(token), color: token.colorText }} aria-busy={isPending}>
      <div style={{ color: token.colorTextSecondary }}>{title}</div>
      <div style={{ fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3 }}>{isPending ? '…' : (data?.meta.count ?? 0).toLocaleString('en-US')}</div>
    </Link>
  );
}
