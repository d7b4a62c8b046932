import { periodBounds, type Period } from '../period.js';
import { dayNumber, type CodedColumn, type ContractColumns } from './columns.js';
import { beyondExact } from './fen.js';

/**
 * Questions over the column store: which contracts count (the period by registration day, the
 * filters in the registry's list syntax, the caller's reach), grouped by up to two dimensions,
 * summed exactly; the top sellers; the same cells a year before.
 */

export const dimensions = ['year', 'quarter', 'type', 'sub_type', 'flow', 'district', 'zone', 'field', 'seller_kind', 'buyer_province'] as const;
export type Dimension = (typeof dimensions)[number];

/** A parsed term of the list syntax (the shape src/db/list/parse.ts gives). */
export interface FilterTerm {
  field: string;
  negate: boolean;
  alternatives: Array<{ op: 'eq' | 'gt' | 'lt' | 'null'; value: string | number | boolean | null }>;
}

/** The list fields a question may filter on, and the column behind each. */
export const filterColumns = {
  type: 'type',
  sub_type: 'sub_type',
  flow: 'flow',
  district_code: 'district',
  zone: 'zone',
  technology_field: 'field',
  seller_kind: 'seller_kind',
  buyer_province: 'buyer_province',
  seller_org_id: 'seller',
  registered_on: 'day',
  registered_year: 'year',
  contract_amount: 'contract',
  transaction_amount: 'transaction',
} as const satisfies Record<string, CodedColumn | 'seller' | 'day' | 'year' | 'contract' | 'transaction'>;
export type FilterField = keyof typeof filterColumns;

/** Whose contracts a caller may count: the same reach as the contracts list. */
export type Scope = { kind: 'all' } | { kind: 'none' } | { kind: 'sellers'; ids: readonly number[] } | { kind: 'area'; districts: readonly string[]; zones: readonly string[] };

export interface Selection {
  from: Period;
  to: Period;
  filters: readonly FilterTerm[];
  scope: Scope;
}

export interface Measures<M = number | bigint> {
  count: number;
  /** Fen. */
  contract: M;
  transaction: M;
}

export interface Cell extends Measures {
  keys: Array<string | null>;
}

type RowTest = (i: number) => boolean;

/** Codes allowed by a term over a coded column; a negated term keeps "none" unless it asks about none (as SQL's NOT does). */
function allowedCodes(dictionary: ContractColumns['dictionaries'][CodedColumn], term: FilterTerm): Uint8Array {
  const allowed = new Uint8Array(256);
  for (const a of term.alternatives) {
    const code = dictionary.codeOf(a.op === 'null' ? null : String(a.value));
    if (code !== undefined) allowed[code] = 1;
  }
  if (term.negate) {
    const asksForNone = term.alternatives.some((a) => a.op === 'null');
    for (let c = 0; c < 256; c++) allowed[c] = allowed[c] ? 0 : 1;
    if (!asksForNone) allowed[0] = 1;
  }
  return allowed;
}

/** A threshold in fen from a decimal of yuan (up to six places): its floor, and whether a fraction of a fen was cut. */
function fenThreshold(text: string): { floor: number; fractional: boolean } {
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const scaled = (BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'))) * (text.startsWith('-') ? -1n : 1n);
  const floor = scaled / 10_000n - (scaled < 0n && scaled % 10_000n !== 0n ? 1n : 0n);
  return { floor: Number(floor), fractional: scaled % 10_000n !== 0n };
}

/** A term over a column of numbers (days, years, fen, seller ids), none of them ever absent. */
function numericTest(value: (i: number) => number, term: FilterTerm, toNumber: (v: string | number) => { floor: number; fractional: boolean }): RowTest {
  const tests = term.alternatives.map((a): RowTest => {
    if (a.op === 'null' || typeof a.value === 'boolean' || a.value === null) return () => false;
    const { floor, fractional } = toNumber(a.value);
    if (a.op === 'gt') return (i) => value(i) > floor;
    if (a.op === 'lt') return (i) => value(i) < floor + (fractional ? 1 : 0);
    return fractional ? () => false : (i) => value(i) === floor;
  });
  const any: RowTest = (i) => tests.some((t) => t(i));
  return term.negate ? (i) => !any(i) : any;
}

const whole = (v: string | number) => ({ floor: Number(v), fractional: false });

/** Clears the mask of the rows a coded column's allowed codes leave out (a tight loop: no call per row). */
function keepCodes(mask: Uint8Array, column: Uint8Array, allowed: Uint8Array): void {
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && allowed[column[i]!] === 0) mask[i] = 0;
}

function keepWhere(mask: Uint8Array, test: RowTest): void {
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && !test(i)) mask[i] = 0;
}

function applyTerm(store: ContractColumns, mask: Uint8Array, term: FilterTerm): void {
  const column = filterColumns[term.field as FilterField];
  switch (column) {
    case undefined:
      throw new RangeError(`No column for filter field ${term.field}`);
    case 'day':
      return keepWhere(mask, numericTest((i) => store.day[i]!, term, (v) => whole(dayNumber(String(v)))));
    case 'year':
      return keepWhere(mask, numericTest((i) => store.firstYear + store.year[i]!, term, whole));
    case 'seller':
      return keepWhere(mask, numericTest((i) => store.sellerIds[store.seller[i]!]!, term, whole));
    case 'contract':
      return keepWhere(mask, numericTest((i) => store.contractFen[i]!, term, (v) => fenThreshold(String(v))));
    case 'transaction':
      return keepWhere(mask, numericTest((i) => store.transactionFen[i]!, term, (v) => fenThreshold(String(v))));
    default:
      return keepCodes(mask, store.coded[column], allowedCodes(store.dictionaries[column], term));
  }
}

function applyScope(store: ContractColumns, mask: Uint8Array, scope: Scope): void {
  if (scope.kind === 'all') return;
  if (scope.kind === 'none') return void mask.fill(0);
  if (scope.kind === 'sellers') {
    const ids = new Set(scope.ids);
    const mine = Uint8Array.from(store.sellerIds, (id) => (ids.has(id) ? 1 : 0));
    const seller = store.seller;
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && mine[seller[i]!] === 0) mask[i] = 0;
    return;
  }
  // An officer's area: the contract's district or its zone is one of the area's (as the list's SQL says).
  const eq = (field: string, values: readonly string[]): FilterTerm => ({ field, negate: false, alternatives: values.map((value) => ({ op: 'eq', value })) });
  const district = allowedCodes(store.dictionaries.district, eq('district_code', scope.districts));
  const zone = allowedCodes(store.dictionaries.zone, eq('zone', scope.zones));
  const { district: d, zone: z } = store.coded;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && district[d[i]!] === 0 && zone[z[i]!] === 0) mask[i] = 0;
}

/** Which contracts the filters and the reach keep (1) — null when they keep every one. */
function selectionMask(store: ContractColumns, selection: Selection): Uint8Array | null {
  if (selection.filters.length === 0 && selection.scope.kind === 'all') return null;
  const mask = new Uint8Array(store.length).fill(1);
  applyScope(store, mask, selection.scope);
  for (const term of selection.filters) applyTerm(store, mask, term);
  return mask;
}

/** Each contract's code in one dimension, as a column; how many codes; the key each code stands for. */
interface Split {
  codes: Uint8Array | Uint16Array | Int32Array;
  count: number;
  key: (code: number) => string | null;
}

const quarterCodes = new WeakMap<ContractColumns, Uint16Array>();

function splitBy(store: ContractColumns, dimension: Dimension): Split {
  const { firstYear, year, quarter } = store;
  let years = 0;
  for (const y of year) if (y >= years) years = y + 1;
  if (dimension === 'year') return { codes: year, count: years, key: (c) => String(firstYear + c) };
  if (dimension === 'quarter') {
    let codes = quarterCodes.get(store);
    if (!codes) {
      codes = Uint16Array.from(year, (y, i) => y * 4 + quarter[i]!);
      quarterCodes.set(store, codes);
    }
    return { codes, count: years * 4, key: (c) => `${firstYear + Math.floor(c / 4)}Q${(c % 4) + 1}` };
  }
  const dictionary = store.dictionaries[dimension];
  return { codes: store.coded[dimension], count: dictionary.size, key: (c) => dictionary.values[c] ?? null };
}

/** The cells of the grid: the outer code times the inner's count plus the inner code. */
interface Grid {
  outer: Split['codes'] | null;
  inner: Split['codes'] | null;
  width: number;
  cells: number;
}

/** Per cell: how many contracts, and their sums in fen. */
interface Sums {
  count: Float64Array;
  contract: ArrayLike<number | bigint>;
  transaction: ArrayLike<number | bigint>;
}

/** The first and last day of the selection's periods. */
function dayRange(selection: Selection): [number, number] {
  return [dayNumber(periodBounds(selection.from).start), dayNumber(periodBounds(selection.to).end)];
}

/**
 * One pass over the columns: every contract the selection counts added to its cell. Sums in
 * doubles; null when one passed 2^53 fen and may be off by a fen (see fen.ts).
 */
function sumInDoubles(store: ContractColumns, selection: Selection, grid: Grid): Sums | null {
  const count = new Float64Array(grid.cells);
  const contract = new Float64Array(grid.cells);
  const transaction = new Float64Array(grid.cells);
  const [first, last] = dayRange(selection);
  const mask = selectionMask(store, selection);
  const { day, contractFen, transactionFen } = store;
  const { outer, inner, width } = grid;
  for (let i = 0; i < store.length; i++) {
    const d = day[i]!;
    if (d < first || d > last || (mask !== null && mask[i] === 0)) continue;
    const c = outer === null ? 0 : inner === null ? outer[i]! : outer[i]! * width + inner[i]!;
    count[c]!++;
    contract[c]! += contractFen[i]!;
    transaction[c]! += transactionFen[i]!;
  }
  return contract.some(beyondExact) ? null : { count, contract, transaction };
}

/**
 * The same pass per seller. A loop of its own: the seller column is an Int32Array, and sharing the
 * grid's loop would make V8 read every column through the slower many-kinds path.
 */
function sumBySellerInDoubles(store: ContractColumns, selection: Selection): Sums | null {
  const sellers = store.sellerIds.length;
  const count = new Float64Array(sellers);
  const contract = new Float64Array(sellers);
  const transaction = new Float64Array(sellers);
  const [first, last] = dayRange(selection);
  const mask = selectionMask(store, selection);
  const { day, seller, contractFen, transactionFen } = store;
  for (let i = 0; i < store.length; i++) {
    const d = day[i]!;
    if (d < first || d > last || (mask !== null && mask[i] === 0)) continue;
    const s = seller[i]!;
    count[s]!++;
    contract[s]! += contractFen[i]!;
    transaction[s]! += transactionFen[i]!;
  }
  return contract.some(beyondExact) ? null : { count, contract, transaction };
}

/** Either pass summing in BigInt: slower, exact at any size. */
function sumInBigInts(store: ContractColumns, selection: Selection, cells: number, cellOf: (i: number) => number): Sums {
  const count = new Float64Array(cells);
  const contract = new Array<bigint>(cells).fill(0n);
  const transaction = new Array<bigint>(cells).fill(0n);
  const [first, last] = dayRange(selection);
  const mask = selectionMask(store, selection);
  for (let i = 0; i < store.length; i++) {
    const d = store.day[i]!;
    if (d < first || d > last || (mask !== null && mask[i] === 0)) continue;
    const c = cellOf(i);
    count[c]!++;
    contract[c]! += BigInt(store.contractFen[i]!);
    transaction[c]! += BigInt(store.transactionFen[i]!);
  }
  return { count, contract, transaction };
}

function gridSums(store: ContractColumns, selection: Selection, grid: Grid): Sums {
  const { outer, inner, width } = grid;
  return sumInDoubles(store, selection, grid) ?? sumInBigInts(store, selection, grid.cells, (i) => (outer === null ? 0 : inner === null ? outer[i]! : outer[i]! * width + inner[i]!));
}

const measuresAt = (sums: Sums, c: number): Measures => ({ count: sums.count[c]!, contract: sums.contract[c]!, transaction: sums.transaction[c]! });

const byKey = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** The cells of up to two dimensions that hold at least one contract, ordered by their keys (none last). */
export function aggregate(store: ContractColumns, selection: Selection, by: readonly Dimension[]): Cell[] {
  if (by.length > 2) throw new RangeError('At most two dimensions');
  const splits = by.map((d) => splitBy(store, d));
  const [outer, inner] = splits;
  const width = inner?.count ?? 1;
  const grid: Grid = { outer: outer?.codes ?? null, inner: inner?.codes ?? null, width, cells: (outer?.count ?? 1) * width };
  const sums = gridSums(store, selection, grid);
  const result: Cell[] = [];
  for (let c = 0; c < grid.cells; c++) {
    if (sums.count[c] === 0) continue;
    const codes = inner ? [Math.floor(c / width), c % width] : outer ? [c] : [];
    result.push({ keys: codes.map((code, d) => splits[d]!.key(code)), ...measuresAt(sums, c) });
  }
  return result.sort((a, b) => a.keys.reduce((order, k, d) => order || byKey(k, b.keys[d]!), 0));
}

export interface SellerSum extends Measures {
  sellerId: number;
}

/** Ranks first: the larger contract amount, then the smaller seller id. */
const ranksBefore = (a: SellerSum, b: SellerSum): boolean => (a.contract === b.contract ? a.sellerId < b.sellerId : a.contract > b.contract);

/** The `limit` sellers of the largest contract amounts in the selection (ties: the smaller seller id first). */
export function topSellers(store: ContractColumns, selection: Selection, limit: number): SellerSum[] {
  const sums = sumBySellerInDoubles(store, selection) ?? sumInBigInts(store, selection, store.sellerIds.length, (i) => store.seller[i]!);
  // The best `limit` kept in order as the sellers go by: a few hundred thousand sellers, no full sort.
  const top: SellerSum[] = [];
  for (let s = 0; s < store.sellerIds.length; s++) {
    if (sums.count[s] === 0) continue;
    const last = top[limit - 1];
    if (last && (sums.contract[s]! < last.contract || (sums.contract[s] === last.contract && store.sellerIds[s]! > last.sellerId))) continue;
    const seller = { ...measuresAt(sums, s), sellerId: store.sellerIds[s]! };
    let at = top.length;
    while (at > 0 && ranksBefore(seller, top[at - 1]!)) at--;
    top.splice(at, 0, seller);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** The period a year earlier (2025Q3 → 2024Q3). */
export const yearBefore = (p: Period): Period => ({ ...p, year: p.year - 1 });

/** A cell's key a year later: how a year-earlier cell lines up with this one (years and quarters move, other keys stay). */
function keyYearLater(dimension: Dimension, key: string | null): string | null {
  if (key === null) return key;
  if (dimension === 'year') return String(Number(key) + 1);
  if (dimension === 'quarter') return `${Number(key.slice(0, 4)) + 1}${key.slice(4)}`;
  return key;
}

export interface YearOnYearCell extends Cell {
  previous: Measures;
}

/** Each cell with the same cell a year before (zeros where it held nothing); cells only the year before had are left out. */
export function yearOnYear(store: ContractColumns, selection: Selection, by: readonly Dimension[]): YearOnYearCell[] {
  const before = aggregate(store, { ...selection, from: yearBefore(selection.from), to: yearBefore(selection.to) }, by);
  const earlier = new Map(before.map((c) => [JSON.stringify(c.keys.map((k, d) => keyYearLater(by[d]!, k))), c]));
  return aggregate(store, selection, by).map((cell) => {
    const prior = earlier.get(JSON.stringify(cell.keys));
    return { ...cell, previous: prior ? { count: prior.count, contract: prior.contract, transaction: prior.transaction } : { count: 0, contract: 0, transaction: 0 } };
  });
}

/** Relative change from `before` to `now` (0.25 = +25 %), or null when there was nothing before. */
export function change(now: number | bigint, before: number | bigint): number | null {
  return Number(before) === 0 ? null : Number(now) / Number(before) - 1;
}
