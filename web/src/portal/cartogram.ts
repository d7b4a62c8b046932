/**
 * The portal's schematic map (tile cartogram, 示意图): each district — or each zone, on a map of
 * their own — a square in the grid cell the city configuration gives it, shaded by its value. No
 * boundary data: any city's tiles lay out the same way, the grid shrunk to the cells they use.
 */

export interface MapPlace {
  code: string;
  label: { zh: string; en: string };
  tile: { row: number; col: number } | null;
}

export interface PlaceFigure {
  code: string;
  name: string;
  value: number | null;
  /** Index into SHADES; null: no value. */
  shade: number | null;
}

/** A figure in its cell: `row` and `col` count from 1, as CSS grid lines do. */
export interface CartogramTile extends PlaceFigure {
  row: number;
  col: number;
}

export interface Cartogram {
  rows: number;
  cols: number;
  tiles: CartogramTile[];
  /** Places the configuration gives no cell: still listed (in the table), never lost. */
  unplaced: PlaceFigure[];
}

/** Fill and text colour of each step, light to dark; every pair reads at 4.5:1 or more (WCAG AA). */
export const SHADES = [
  { fill: '#eff6ff', text: '#1e293b' },
  { fill: '#bfdbfe', text: '#1e293b' },
  { fill: '#60a5fa', text: '#0f172a' },
  { fill: '#2563eb', text: '#ffffff' },
  { fill: '#1e3a8a', text: '#ffffff' },
] as const;
/** A place without a value: grey, so it is not read as "low". */
export const NO_VALUE_SHADE = { fill: '#e2e8f0', text: '#334155' } as const;

/** The step of a value: equal steps from 0 to the largest value; 0 and below the lightest. */
export function shadeOf(value: number | null, max: number): number | null {
  if (value === null) return null;
  if (max <= 0 || value <= 0) return 0;
  return Math.min(SHADES.length - 1, Math.floor((value / max) * SHADES.length));
}

export function cartogram(places: readonly MapPlace[], values: ReadonlyMap<string, number>, side: 'zh' | 'en'): Cartogram {
  const max = Math.max(0, ...values.values());
  const figure = (p: MapPlace): PlaceFigure => {
    const value = values.get(p.code) ?? null;
    return { code: p.code, name: p.label[side], value, shade: shadeOf(value, max) };
  };
  const placed = places.filter((p): p is MapPlace & { tile: NonNullable<MapPlace['tile']> } => p.tile !== null);
  const top = Math.min(...placed.map((p) => p.tile.row));
  const left = Math.min(...placed.map((p) => p.tile.col));
  const tiles = placed.map((p) => ({ ...figure(p), row: p.tile.row - top + 1, col: p.tile.col - left + 1 }));
  return {
    rows: Math.max(0, ...tiles.map((t) => t.row)),
    cols: Math.max(0, ...tiles.map((t) => t.col)),
    tiles,
    unplaced: places.filter((p) => p.tile === null).map(figure),
  };
}

/** The map as a table (its accessible alternative): largest value first, places without one last, ties by name. */
export function tableRows(map: Cartogram, side: 'zh' | 'en'): PlaceFigure[] {
  const all: PlaceFigure[] = [...map.tiles, ...map.unplaced].map(({ code, name, value, shade }) => ({ code, name, value, shade }));
  return all.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, side === 'zh' ? 'zh-CN' : 'en'));
}

/** The range of values each step stands for, for the legend: [from, to) of each, up to the largest value. */
export function legendSteps(max: number): Array<{ shade: number; from: number; to: number }> {
  const step = max > 0 ? max / SHADES.length : 0;
  return SHADES.map((_, shade) => ({ shade, from: step * shade, to: shade === SHADES.length - 1 ? max : step * (shade + 1) }));
}
