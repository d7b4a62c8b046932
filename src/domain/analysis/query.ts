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
function codedTest(column: Uint8Array, dictionary: ContractColumns['dictionaries'][CodedColumn], term: FilterTerm): RowTest {
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
  return (i) => allowed[column[i]!] === 1;
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

function termTest(store: ContractColumns, term: FilterTerm): RowTest {
  const column = filterColumns[term.field as FilterField];
  switch (column) {
    case undefined:
      throw new RangeError(`No column for filter field ${term.field}`);
    case 'day':
      return numericTest((i) => store.day[i]!, term, (v) => whole(dayNumber(String(v))));
    case 'year':
      return numericTest((i) => store.firstYear + store.yearOfDay[store.day[i]! - store.firstDay]!, term, whole);
    case 'seller':
      return numericTest((i) => store.sellerIds[store.seller[i]!]!, term, whole);
    case 'contract':
      return numericTest((i) => store.contractFen[i]!, term, (v) => fenThreshold(String(v)));
    case 'transaction':
      return numericTest((i) => store.transactionFen[i]!, term, (v) => fenThreshold(String(v)));
    default:
      return codedTest(store.coded[column], store.dictionaries[column], term);
  }
}

function scopeTest(store: ContractColumns, scope: Scope): RowTest | null {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return () => false;
  if (scope.kind === 'sellers') {
    const ids = new Set(scope.ids);
    const mine = Uint8Array.from(store.sellerIds, (id) => (ids.has(id) ? 1 : 0));
    return (i) => mine[store.seller[i]!] === 1;
  }
  // An officer's area: the contract's district or its zone is one of the area's (as the list's SQL says).
  const district = codedTest(store.coded.district, store.dictionaries.district, { field: 'district_code', negate: false, alternatives: scope.districts.map((value) => ({ op: 'eq', value })) });
  const zone = codedTest(store.coded.zone, store.dictionaries.zone, { field: 'zone', negate: false, alternatives: scope.zones.map((value) => ({ op: 'eq', value })) });
  return (i) => district(i) || zone(i);
}

/** Calls `visit` for every contract the selection counts. */
function forEachSelected(store: ContractColumns, selection: Selection, visit: (i: number) => void): void {
  const first = dayNumber(periodBounds(selection.from).start);
  const last = dayNumber(periodBounds(selection.to).end);
  const tests = selection.filters.map((t) => termTest(store, t));
  const scope = scopeTest(store, selection.scope);
  if (scope) tests.unshift(scope);
  const day = store.day;
  rows: for (let i = 0; i < store.length; i++) {
    const d = day[i]!;
    if (d < first || d > last) continue;
    for (const test of tests) if (!test(i)) continue rows;
    visit(i);
  }
}

/** How a dimension splits contracts: each contract's key code, how many codes, and the key each code stands for. */
interface Split {
  codes: number;
  codeOf: (i: number) => number;
  key: (code: number) => string | null;
}

function splitBy(store: ContractColumns, dimension: Dimension): Split {
  const { day, firstDay, firstYear, yearOfDay, quarterOfDay } = store;
  const years = yearOfDay.length ? yearOfDay[yearOfDay.length - 1]! + 1 : 0;
  if (dimension === 'year') return { codes: years, codeOf: (i) => yearOfDay[day[i]! - firstDay]!, key: (c) => String(firstYear + c) };
  if (dimension === 'quarter')
    return { codes: years * 4, codeOf: (i) => yearOfDay[day[i]! - firstDay]! * 4 + quarterOfDay[day[i]! - firstDay]!, key: (c) => `${firstYear + Math.floor(c / 4)}Q${(c % 4) + 1}` };
  const column = store.coded[dimension];
  const dictionary = store.dictionaries[dimension];
  return { codes: dictionary.size, codeOf: (i) => column[i]!, key: (c) => dictionary.values[c] ?? null };
}

/** Sums per cell in doubles; null when a sum passed 2^53 fen and may be off by a fen. */
function sumInDoubles(store: ContractColumns, selection: Selection, cells: number, cellOf: (i: number) => number): Array<Measures<number>> | null {
  const count = new Float64Array(cells);
  const contract = new Float64Array(cells);
  const transaction = new Float64Array(cells);
  const { contractFen, transactionFen } = store;
  forEachSelected(store, selection, (i) => {
    const c = cellOf(i);
    count[c]!++;
    contract[c]! += contractFen[i]!;
    transaction[c]! += transactionFen[i]!;
  });
  if (contract.some(beyondExact)) return null;
  return Array.from(count, (n, c) => ({ count: n, contract: contract[c]!, transaction: transaction[c]! }));
}

/** The same sums in BigInt: slower, exact at any size. */
function sumInBigInts(store: ContractColumns, selection: Selection, cells: number, cellOf: (i: number) => number): Array<Measures<bigint>> {
  const sums = Array.from({ length: cells }, () => ({ count: 0, contract: 0n, transaction: 0n }));
  forEachSelected(store, selection, (i) => {
    const cell = sums[cellOf(i)]!;
    cell.count++;
    cell.contract += BigInt(store.contractFen[i]!);
    cell.transaction += BigInt(store.transactionFen[i]!);
  });
  return sums;
}

function sums(store: ContractColumns, selection: Selection, cells: number, cellOf: (i: number) => number): Measures[] {
  return sumInDoubles(store, selection, cells, cellOf) ?? sumInBigInts(store, selection, cells, cellOf);
}

const byKey = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** The cells of up to two dimensions that hold at least one contract, ordered by their keys (none last). */
export function aggregate(store: ContractColumns, selection: Selection, by: readonly Dimension[]): Cell[] {
  if (by.length > 2) throw new RangeError('At most two dimensions');
  const splits = by.map((d) => splitBy(store, d));
  const [outer, inner] = splits;
  const width = inner?.codes ?? 1;
  const cells = (outer?.codes ?? 1) * width;
  const cellOf: (i: number) => number = !outer ? () => 0 : !inner ? outer.codeOf : (i) => outer.codeOf(i) * width + inner.codeOf(i);
  const result: Cell[] = [];
  sums(store, selection, cells, cellOf).forEach((m, c) => {
    if (m.count === 0) return;
    const codes = inner ? [Math.floor(c / width), c % width] : outer ? [c] : [];
    result.push({ keys: codes.map((code, d) => splits[d]!.key(code)), ...m });
  });
  return result.sort((a, b) => a.keys.reduce((order, k, d) => order || byKey(k, b.keys[d]!), 0));
}

export interface SellerSum extends Measures {
  sellerId: number;
}

/** The `limit` sellers of the largest contract amounts in the selection (ties: the smaller seller id first). */
export function topSellers(store: ContractColumns, selection: Selection, limit: number): SellerSum[] {
  const ranked = sums(store, selection, store.sellerIds.length, (i) => store.seller[i]!)
    .map((m, s) => ({ ...m, sellerId: store.sellerIds[s]! }))
    .filter((m) => m.count > 0);
  const larger = (a: SellerSum, b: SellerSum) => (a.contract === b.contract ? a.sellerId - b.sellerId : a.contract > b.contract ? -1 : 1);
  return ranked.sort(larger).slice(0, limit);
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
