import { theme } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, BreakdownSeries } from './districtBreakdown';

const SERIES = [
  { key: 'organizations', label: 'nav.organizations' },
  { key: 'rdInstitutions', label: 'nav.rdInstitutions' },
  { key: 'platforms', label: 'nav.platforms' },
] as const satisfies ReadonlyArray<{ key: BreakdownSeries; label: string }>;

/**
 * The overview's district counts as a plain HTML table in antd's look. antd's Table (with its
 * sorting, filtering and pagination, none of which these few rows use) would add some 300 KB of
 * JavaScript to the first page every visitor opens.
 */
export function DistrictTable({ rows, loading, districtName }: { rows: BreakdownRow[]; loading: boolean; districtName: (code: string | null) => string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const cell: CSSProperties = { padding: `${token.paddingXS}px ${token.paddingSM}px`, borderBottom: `1px solid ${token.colorBorderSecondary}` };
  const number: CSSProperties = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' };
  const head: CSSProperties = { background: token.colorFillAlter, fontWeight: token.fontWeightStrong };
  return (
    <table data-testid="home-districts" aria-busy={loading} style={{ width: '100%', borderCollapse: 'collapse', fontSize: token.fontSize }}>
      <thead>
        <tr>
          <th scope="col" style={{ ...cell, ...head, textAlign: 'left' }}>
            {t('home.district')}
          </th>
          {SERIES.map((s) => (
            <th key={s.key} scope="col" style={{ ...number, ...head }}>
              {t(s.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.district ?? 'none'} style={r.district === 'total' ? { fontWeight: token.fontWeightStrong } : undefined}>
            <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 'inherit' }}>
              {districtName(r.district)}
            </th>
            {SERIES.map((s) => (
              <td key={s.key} style={number}>
                {loading ? '…' : r[s.key]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
