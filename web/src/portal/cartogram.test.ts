import { describe, expect, it } from 'vitest';
import { cartogram, legendSteps, NO_VALUE_SHADE, shadeOf, SHADES, tableRows, type MapPlace } from './cartogram';

const place = (code: string, zh: string, en: string, tile: [number, number] | null): MapPlace => ({ code, label: { zh, en }, tile: tile && { row: tile[0], col: tile[1] } });

/** Three districts on a grid that starts at row 2, column 3, and one the city gives no cell. */
const PLACES = [place('a', '甲区', 'A District', [2, 3]), place('b', '乙区', 'B District', [3, 5]), place('c', '丙区', 'C District', [4, 4]), place('d', '丁区', 'D District', null)];

describe('tile cartogram', () => {
  it('shrinks the grid to the cells the tiles use, counting from 1', () => {
    const map = cartogram(PLACES, new Map(), 'zh');
    expect({ rows: map.rows, cols: map.cols }).toEqual({ rows: 3, cols: 3 });
    expect(map.tiles.map((t) => [t.code, t.row, t.col])).toEqual([
      ['a', 1, 1],
      ['b', 2, 3],
      ['c', 3, 2],
    ]);
  });

  it('names each place in the language asked for and keeps the one without a cell apart', () => {
    const map = cartogram(PLACES, new Map([['d', 4]]), 'en');
    expect(map.tiles.map((t) => t.name)).toEqual(['A District', 'B District', 'C District']);
    expect(map.unplaced).toEqual([{ code: 'd', name: 'D District', value: 4, shade: 4 }]);
  });

  it('shades by value against the largest, and leaves a place without a value unshaded', () => {
    const map = cartogram(PLACES, new Map([['a', 10], ['b', 0]]), 'zh');
    expect(map.tiles.map((t) => [t.code, t.value, t.shade])).toEqual([
      ['a', 10, SHADES.length - 1],
      ['b', 0, 0],
      ['c', null, null],
    ]);
  });

  it('lays out a map with no tile at all as an empty grid', () => {
    const map = cartogram([place('x', '某区', 'X', null)], new Map(), 'zh');
    expect({ rows: map.rows, cols: map.cols, tiles: map.tiles, unplaced: map.unplaced.length }).toEqual({ rows: 0, cols: 0, tiles: [], unplaced: 1 });
  });
});

describe('shade steps', () => {
  it('splits 0 to the largest value into equal steps, the largest in the darkest', () => {
    expect([0, 19, 20, 59, 60, 99, 100].map((v) => shadeOf(v, 100))).toEqual([0, 0, 1, 2, 3, 4, 4]);
    expect(shadeOf(3, 0)).toBe(0);
    expect(shadeOf(null, 100)).toBeNull();
  });

  it('gives the legend the range of each step', () => {
    expect(legendSteps(50).map((s) => [s.from, s.to])).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
      [30, 40],
      [40, 50],
    ]);
  });

  it('pairs every fill with a text colour of at least 4.5:1 contrast', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const { fill, text } of [...SHADES, NO_VALUE_SHADE]) {
      const [light, dark] = [luminance(fill), luminance(text)].sort((x, y) => y - x);
      expect((light! + 0.05) / (dark! + 0.05), `${text} on ${fill}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('the map as a table', () => {
  it('lists every place, largest value first, those without one last, ties by name', () => {
    const map = cartogram(PLACES, new Map([['a', 5], ['b', 7], ['d', 5]]), 'en');
    expect(tableRows(map, 'en').map((r) => [r.code, r.value])).toEqual([
      ['b', 7],
      ['a', 5],
      ['d', 5],
      ['c', null],
    ]);
  });
});
