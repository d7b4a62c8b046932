/**
 * The arithmetic of the indicator engine (指标计算), without I/O: the database hands over counts
 * per area, breakdown key and range of years, and these functions turn them into a value per year.
 */

/** Counts of records that count in the years `from`…`to` (to = null: every year from `from` on). */
export interface Bucket {
  area: string | null;
  key: string | null;
  from: number;
  to: number | null;
  /** Records (or their summed field) in the bucket. */
  n: number;
  /** Of those, the ones in the share's part (shares only; 0 otherwise). */
  part: number;
}

export interface Cell {
  n: number;
  part: number;
}

/** Values per year `first`…`last` for the city, each area and each breakdown key. */
export class SeriesTable {
  private readonly cells = new Map<string, Cell[]>();

  constructor(
    readonly first: number,
    readonly last: number,
    readonly cityCode: string,
  ) {}

  /** The cells of an area (the city code: all areas) and breakdown key (omitted: all keys; null: no value). */
  get(area: string, key?: string | null): Cell[] | undefined {
    return this.cells.get(cellKey(area, key));
  }

  /** The breakdown keys seen for an area, in first-seen order. */
  keys(area: string): Array<string | null> {
    const prefix = `${area}\u0001`;
    const found: Array<string | null> = [];
    for (const k of this.cells.keys()) {
      if (!k.startsWith(prefix) || k === `${prefix}*`) continue;
      const key = k.slice(prefix.length);
      found.push(key === '' ? null : key.slice(1));
    }
    return found;
  }

  /** Areas with any record (a null area is kept as the empty string). */
  areas(): string[] {
    const areas = new Set<string>();
    for (const k of this.cells.keys()) areas.add(k.slice(0, k.indexOf('\u0001')));
    areas.delete(this.cityCode);
    return [...areas];
  }

  add(bucket: Bucket): void {
    const lo = Math.max(bucket.from, this.first);
    const hi = Math.min(bucket.to ?? this.last, this.last);
    if (lo > hi) return;
    const area = bucket.area ?? '';
    for (const [a, k] of [[area, bucket.key], [area, undefined], [this.cityCode, bucket.key], [this.cityCode, undefined]] as const) {
      const cells = this.cellsOf(a, k);
      for (let y = lo; y <= hi; y++) {
        const c = cells[y - this.first]!;
        c.n += bucket.n;
        c.part += bucket.part;
      }
    }
  }

  private cellsOf(area: string, key: string | null | undefined): Cell[] {
    const k = cellKey(area, key);
    let cells = this.cells.get(k);
    if (!cells) this.cells.set(k, (cells = Array.from({ length: this.last - this.first + 1 }, () => ({ n: 0, part: 0 }))));
    return cells;
  }
}

/** undefined: the total over keys; null: records without a value for the breakdown. */
function cellKey(area: string, key: string | null | undefined): string {
  return key === undefined ? `${area}\u0001*` : key === null ? `${area}\u0001` : `${area}\u0001=${key}`;
}

export function seriesTable(buckets: Iterable<Bucket>, first: number, last: number, cityCode: string): SeriesTable {
  const table = new SeriesTable(first, last, cityCode);
  for (const b of buckets) table.add(b);
  return table;
}

/** part ÷ whole in percent; null when the whole is zero. */
export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);

/** Growth over the previous value in percent; null without a previous value or from zero. */
export const growthPercent = (value: number | null, previous: number | null): number | null =>
  value === null || previous === null || previous === 0 ? null : ((value - previous) / Math.abs(previous)) * 100;
