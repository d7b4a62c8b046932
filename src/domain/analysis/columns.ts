
/**
 * The registered technology contracts as columns (a column store in the process): one typed
 * array per attribute, each attribute of few values as a one-byte dictionary code. A contract
 * takes 34 bytes — the day (4), its year and quarter (2), eight codes (8), the seller (4), two
 * amounts in fen (16) — so a million contracts fit in 34 MB and a question is one pass over flat
 * arrays instead of rows.
 */

/** The attributes kept as dictionary codes; code 0 is "none" (NULL). */
export const codedColumns = ['type', 'sub_type', 'flow', 'district', 'zone', 'field', 'seller_kind', 'buyer_province'] as const;
export type CodedColumn = (typeof codedColumns)[number];

/** One registered contract as read from the registry: its registration day and amounts already as whole numbers. */
export interface ContractFact {
  /** Days since 1970-01-01 of the registration date. */
  day: number;
  type: string;
  sub_type: string;
  flow: string;
  district: string | null;
  zone: string | null;
  field: string | null;
  seller_kind: string | null;
  buyer_province: string | null;
  seller_id: number;
  /** Whole fen, each at most 10^15 (see fen.ts). */
  contract_fen: number;
  transaction_fen: number;
}

/** Values of one attribute and their one-byte codes, in order of first appearance. */
export class Dictionary {
  readonly values: Array<string | null> = [null];
  private readonly codes = new Map<string, number>();

  /** The code of a value, adding it when new. */
  encode(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code > 255) throw new RangeError(`More than 255 values of one attribute (at ${value})`);
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  /** The code of a known value; undefined when no contract has it. */
  codeOf(value: string | null): number | undefined {
    return value === null ? 0 : this.codes.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a calendar date YYYY-MM-DD. */
export const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;

export interface ContractColumns {
  readonly length: number;
  readonly day: Int32Array;
  readonly coded: Readonly<Record<CodedColumn, Uint8Array>>;
  readonly dictionaries: Readonly<Record<CodedColumn, Dictionary>>;
  /** Each contract's seller as a dense index into `sellerIds`. */
  readonly seller: Int32Array;
  readonly sellerIds: Int32Array;
  readonly contractFen: Float64Array;
  readonly transactionFen: Float64Array;
  /** Each contract's year as an offset from the first year with a contract, and its quarter (0–3). */
  readonly firstYear: number;
  readonly year: Uint8Array;
  readonly quarter: Uint8Array;
}

/** Bytes the columns of one contract take (the per-seller and per-day tables come on top, small). */
export function bytesPerContract(store: ContractColumns): number {
  const perRow = [store.day, store.year, store.quarter, store.seller, store.contractFen, store.transactionFen, ...codedColumns.map((c) => store.coded[c])];
  return perRow.reduce((sum, column) => sum + column.BYTES_PER_ELEMENT, 0);
}

/** Collects contracts one by one into growing arrays, then freezes them into columns. */
export class ColumnStoreBuilder {
  private capacity: number;
  private length = 0;
  private day: Int32Array;
  private coded: Record<CodedColumn, Uint8Array>;
  private readonly dictionaries = Object.fromEntries(codedColumns.map((c) => [c, new Dictionary()])) as Record<CodedColumn, Dictionary>;
  private seller: Int32Array;
  private readonly sellerIndex = new Map<number, number>();
  private readonly sellerIds: number[] = [];
  private contractFen: Float64Array;
  private transactionFen: Float64Array;

  constructor(expected = 1024) {
    this.capacity = Math.max(16, expected);
    this.day = new Int32Array(this.capacity);
    this.coded = Object.fromEntries(codedColumns.map((c) => [c, new Uint8Array(this.capacity)])) as Record<CodedColumn, Uint8Array>;
    this.seller = new Int32Array(this.capacity);
    this.contractFen = new Float64Array(this.capacity);
    this.transactionFen = new Float64Array(this.capacity);
  }

  add(fact: ContractFact): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.day[i] = fact.day;
    for (const c of codedColumns) this.coded[c][i] = this.dictionaries[c].encode(fact[c]);
    let seller = this.sellerIndex.get(fact.seller_id);
    if (seller === undefined) {
      seller = this.sellerIds.push(fact.seller_id) - 1;
      this.sellerIndex.set(fact.seller_id, seller);
    }
    this.seller[i] = seller;
    if (!Number.isSafeInteger(fact.contract_fen) || !Number.isSafeInteger(fact.transaction_fen)) throw new RangeError(`Amounts beyond exact range for seller ${fact.seller_id}`);
    this.contractFen[i] = fact.contract_fen;
    this.transactionFen[i] = fact.transaction_fen;
  }

  build(): ContractColumns {
    const n = this.length;
    const day = this.day.slice(0, n);
    return {
      length: n,
      day,
      coded: Object.fromEntries(codedColumns.map((c) => [c, this.coded[c].slice(0, n)])) as Record<CodedColumn, Uint8Array>,
      dictionaries: this.dictionaries,
      seller: this.seller.slice(0, n),
      sellerIds: Int32Array.from(this.sellerIds),
      contractFen: this.contractFen.slice(0, n),
      transactionFen: this.transactionFen.slice(0, n),
      ...calendarOf(day),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    const wider = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.day = wider(this.day);
    for (const c of codedColumns) this.coded[c] = wider(this.coded[c]);
    this.seller = wider(this.seller);
    this.contractFen = wider(this.contractFen);
    this.transactionFen = wider(this.transactionFen);
  }
}

/** Each contract's year (an offset from the first year) and quarter, looked up per day of the span. */
function calendarOf(day: Int32Array): Pick<ContractColumns, 'firstYear' | 'year' | 'quarter'> {
  let min = Infinity;
  let max = -Infinity;
  for (const d of day) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const year = new Uint8Array(day.length);
  const quarter = new Uint8Array(day.length);
  if (day.length === 0) return { firstYear: 1970, year, quarter };
  const firstYear = new Date(min * MS_PER_DAY).getUTCFullYear();
  const yearOfDay = new Uint8Array(max - min + 1);
  const quarterOfDay = new Uint8Array(max - min + 1);
  for (let d = min; d <= max; d++) {
    const date = new Date(d * MS_PER_DAY);
    yearOfDay[d - min] = date.getUTCFullYear() - firstYear;
    quarterOfDay[d - min] = Math.floor(date.getUTCMonth() / 3);
  }
  for (let i = 0; i < day.length; i++) {
    year[i] = yearOfDay[day[i]! - min]!;
    quarter[i] = quarterOfDay[day[i]! - min]!;
  }
  return { firstYear, year, quarter };
}
