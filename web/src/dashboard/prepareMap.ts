import type { RegistryMeta } from '../../../src/contracts/meta';
import type { Observation } from '../api/indicators';
import type { ChartModel, ChartText } from './chartModel';

/**
 * The schematic district map (区县示意图): each district a tile in the grid cell the city
 * configuration gives it, coloured by its value, its name and value written inside. A heat map
 * on two hidden category axes draws it, so no map geometry is shipped.
 */
export type MapDistrict = RegistryMeta['city']['districts'][number];

export interface MapSource {
  code: string;
  period: string;
  /** The indicator by district: one observation per district (breakdown_key = district code). */
  points: readonly Observation[];
}

/** Light to the primary blue: low values stay readable under dark text. */
const COLOURS = ['#e0ecff', '#1d4ed8'];

export function prepareMap(districts: readonly MapDistrict[], source: MapSource, name: string, text: ChartText, side: 'zh' | 'en'): ChartModel {
  const placed = districts.filter((d): d is MapDistrict & { tile: NonNullable<MapDistrict['tile']> } => d.tile !== null);
  const valueOf = new Map(source.points.map((p) => [p.breakdown_key, p.value]));
  const values = placed.map((d) => valueOf.get(d.code) ?? null);
  const cells = (n: number) => Array.from({ length: n }, (_, i) => String(i));
  const tileValue = (v: unknown) => (Array.isArray(v) && typeof v[2] === 'number' ? v[2] : null);
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  return {
    option: {
      tooltip: { trigger: 'item', formatter: (p) => (Array.isArray(p) ? '' : `${p.name}: ${text.format(tileValue(p.value))}`) },
      grid: { left: 4, right: 4, top: 4, bottom: 44 },
      xAxis: { type: 'category', show: false, data: cells(Math.max(0, ...placed.map((d) => d.tile.col)) + 1) },
      yAxis: { type: 'category', show: false, inverse: true, data: cells(Math.max(0, ...placed.map((d) => d.tile.row)) + 1) },
      visualMap: {
        min: 0,
        max,
        text: [text.format(max), text.format(0)],
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        inRange: { color: COLOURS },
      },
      series: [
        {
          type: 'heatmap',
          name,
          data: placed.map((d, i) => ({ name: d.label[side], value: [d.tile.col, d.tile.row, values[i] ?? '-'] })),
          // No fixed colour: ECharts picks dark or light text against each tile's fill.
          label: { show: true, fontSize: 12, lineHeight: 16, width: 96, overflow: 'break', formatter: (p) => `${p.name}\n${text.format(tileValue(p.value))}` },
          itemStyle: { borderColor: '#fff', borderWidth: 4, borderRadius: 6 },
          cursor: 'pointer',
        },
      ],
    },
    drill: placed.map((d) => ({ code: source.code, period: source.period, area: d.code })),
  };
}
