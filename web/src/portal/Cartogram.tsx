import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { legendSteps, NO_VALUE_SHADE, SHADES, tableRows, type Cartogram as Map, type PlaceFigure } from './cartogram';

interface Props {
  map: Map;
  /** The value as the indicator writes it. */
  format: (value: number | null) => string;
  /** Where a place's tile leads: its records. */
  hrefOf: (place: PlaceFigure) => string;
  side: 'zh' | 'en';
  caption: string;
}

const shadeOf = (p: PlaceFigure) => (p.shade === null ? NO_VALUE_SHADE : SHADES[p.shade]!);

/** The tile map: each tile a named link to its records; the legend; the same figures as a table. */
export function Cartogram({ map, format, hrefOf, side, caption }: Props) {
  const { t } = useTranslation();
  const max = Math.max(0, ...map.tiles.map((p) => p.value ?? 0), ...map.unplaced.map((p) => p.value ?? 0));
  return (
    <>
      <div className="portal-map" style={{ gridTemplateColumns: `repeat(${map.cols}, minmax(0, 1fr))` }} data-testid="portal-cartogram">
        {map.tiles.map((p) => {
          const { fill, text } = shadeOf(p);
          return (
            <Link key={p.code} to={hrefOf(p)} className="portal-tile" style={{ gridRow: p.row, gridColumn: p.col, background: fill, color: text }} aria-label={t('portal.map.tileLabel', { name: p.name, value: format(p.value) })}>
              <span>{p.name}</span>
              <strong>{format(p.value)}</strong>
            </Link>
          );
        })}
      </div>
      <ul className="portal-legend" aria-label={t('portal.map.legend')}>
        {legendSteps(max).map((s) => (
          <li key={s.shade}>
            <span className="portal-swatch" style={{ background: SHADES[s.shade]!.fill }} aria-hidden />
            {format(s.from)} – {format(s.to)}
          </li>
        ))}
        <li>
          <span className="portal-swatch" style={{ background: NO_VALUE_SHADE.fill }} aria-hidden />
          {t('portal.map.noValue')}
        </li>
      </ul>
      <h2>{t('portal.map.table')}</h2>
      <div className="portal-scroll">
        <table className="portal-table" data-testid="portal-map-table">
          <caption style={{ textAlign: 'left', paddingBottom: 4 }}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('portal.map.place')}</th>
              <th scope="col" className="num">
                {t('portal.map.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {tableRows(map, side).map((p) => (
              <tr key={p.code}>
                <th scope="row" style={{ fontWeight: 'normal' }}>
                  <Link to={hrefOf(p)}>{p.name}</Link>
                </th>
                <td className="num">{format(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
