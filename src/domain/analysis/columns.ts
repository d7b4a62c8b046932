/**
 * The registered technology contracts as columns (a column store in the process): one typed
 * array per attribute, each attribute of few values as a one-byte dictionary code. A contract
 * takes 38 bytes — its id (4), the day (4), its year and quarter (2), eight codes (8), the seller
 * (4), two amounts in fen (16) — so a million contracts fit in about 40 MB and a question is one
 * pass over flat arrays instead of rows. The table is patched in place as contracts are written
 * (`ContractTable.patch`), so a write costs its rows, not a rebuild.
 */

/** The attributes kept as dictionary codes; code 0 is "none" (NULL). */
export const codedColumns = ['type', 'sub_type', 'flow', 'district', 'zone', 'field', 'seller_kind', 'buyer_province'] as const;
export type CodedColumn = (typeof codedColumns)[number];

/** One registered contract as read from the registry: its registration day and amounts already as whole numbers. */
export interface ContractFact {
  /** The contract's id in the registry. */
  id: number;
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

/**
 * The day of a removed contract (a tombstone): below the first day of every period, so every
 * scan's period test already skips it and no question pays for removals until they are compacted.
 */
export const REMOVED_DAY = -0x8000_0000;

/**
 * The columns as one question reads them: views of exactly `length` contracts. A view is read
 * synchronously — the table patches its arrays in place between questions, never during one.
 */
export interface ContractColumns {
  readonly length: number;
  readonly id: Int32Array;
  /** The registration day; REMOVED_DAY for a contract no longer counted. */
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
  const perRow = [store.id, store.day, store.year, store.quarter, store.seller, store.contractFen, store.transactionFen, ...codedColumns.map((c) => store.coded[c])];
  return perRow.reduce((sum, column) => sum + column.BYTES_PER_ELEMENT, 0);
}

/** What a delta changes: contracts written (now registered: updated in place or appended) and contracts removed (deleted, or no longer registered). */
export interface ContractChanges {
  written: readonly ContractFact[];
  removed: readonly number[];
}

/** Removed contracts beyond this share of the rows are compacted away (a pass over the columns, no database). */
const COMPACT_SHARE = 0.1;
/** Room left after the expected rows, so the first appends after a build do not double the columns. */
const SLACK_SHARE = 1 / 16;

type Column = Int32Array | Uint8Array | Float64Array;

/** A copy of a column with room for `capacity` entries. */
function widened<T extends Column>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a.subarray(0, Math.min(a.length, capacity)));
  return b;
}

/**
 * The contracts as growing columns (amortized doubling). A build adds each contract once
 * (`add`); a delta then updates, appends and removes by contract id (`patch`). A removed
 * contract keeps its slot as a tombstone (REMOVED_DAY) until a tenth of the rows are tombstones,
 * then the live rows are moved together. Years are offsets from the first year; a contract
 * before it re-bases the year column.
 */
export class ContractTable {
  private capacity: number;
  private length = 0;
  private removed = 0;
  private id: Int32Array;
  private day: Int32Array;
  private year: Uint8Array;
  private quarter: Uint8Array;
  private coded: Record<CodedColumn, Uint8Array>;
  private readonly dictionaries = Object.fromEntries(codedColumns.map((c) => [c, new Dictionary()])) as Record<CodedColumn, Dictionary>;
  private seller: Int32Array;
  private sellerIds = new Int32Array(1024);
  private sellerCount = 0;
  private readonly sellerIndex = new Map<number, number>();
  private contractFen: Float64Array;
  private transactionFen: Float64Array;
  /** The year of offset 0, or null while the year column must be computed again (after a build, or a contract before it). */
  private firstYear: number | null = null;
  private view: ContractColumns | undefined;

  constructor(expected = 1024) {
    this.capacity = Math.max(16, Math.ceil(expected * (1 + SLACK_SHARE)));
    this.id = new Int32Array(this.capacity);
    this.day = new Int32Array(this.capacity);
    this.year = new Uint8Array(this.capacity);
    this.quarter = new Uint8Array(this.capacity);
    this.coded = Object.fromEntries(codedColumns.map((c) => [c, new Uint8Array(this.capacity)])) as Record<CodedColumn, Uint8Array>;
    this.seller = new Int32Array(this.capacity);
    this.contractFen = new Float64Array(this.capacity);
    this.transactionFen = new Float64Array(this.capacity);
  }

  /** Contracts counted now (tombstones left out). */
  get live(): number {
    return this.length - this.removed;
  }

  /** Appends a contract the table does not hold yet (a build reads each contract once; a build that throws is discarded). */
  add(fact: ContractFact): void {
    this.admit(fact);
    this.reserve(this.length + 1);
    this.write(this.length++, fact);
    this.firstYear = null;
    this.view = undefined;
  }

  /**
   * Applies a delta. Every written contract is admitted (and may be refused) before any column
   * changes, so a refused delta leaves the table as it was; the rest is one synchronous step.
   */
  patch(changes: ContractChanges): void {
    for (const fact of changes.written) this.admit(fact);
    const slots = this.slotsOf([...changes.written.map((f) => f.id), ...changes.removed]);
    this.reserve(this.length + changes.written.filter((f) => !slots.has(f.id)).length);
    for (const fact of changes.written) {
      let at = slots.get(fact.id);
      if (at === undefined) slots.set(fact.id, (at = this.length++));
      else if (this.day[at] === REMOVED_DAY) this.removed--;
      this.write(at, fact);
      this.placeInCalendar(at);
    }
    for (const id of changes.removed) {
      const at = slots.get(id);
      if (at === undefined || this.day[at] === REMOVED_DAY) continue;
      this.day[at] = REMOVED_DAY;
      // No longer a year of any grid (splitBy sizes the grid by the largest year).
      this.year[at] = 0;
      this.removed++;
    }
    if (this.removed > COMPACT_SHARE * this.length) this.compact();
    this.view = undefined;
  }

  /** The columns as of now, one view per version of the table (so per-view caches hold). */
  columns(): ContractColumns {
    if (this.firstYear === null) this.computeCalendar();
    this.view ??= this.makeView();
    return this.view;
  }

  /** Checks a contract's amounts and gives its values and seller their codes, so writing it cannot fail. */
  private admit(fact: ContractFact): void {
    if (!Number.isSafeInteger(fact.contract_fen) || !Number.isSafeInteger(fact.transaction_fen)) throw new RangeError(`Amounts beyond exact range for seller ${fact.seller_id}`);
    for (const c of codedColumns) this.dictionaries[c].encode(fact[c]);
    if (this.sellerIndex.has(fact.seller_id)) return;
    if (this.sellerCount === this.sellerIds.length) this.sellerIds = widened(this.sellerIds, this.sellerIds.length * 2);
    this.sellerIds[this.sellerCount] = fact.seller_id;
    this.sellerIndex.set(fact.seller_id, this.sellerCount++);
  }

  /** Writes an admitted contract into row `at`. */
  private write(at: number, fact: ContractFact): void {
    this.id[at] = fact.id;
    this.day[at] = fact.day;
    for (const c of codedColumns) this.coded[c][at] = this.dictionaries[c].codeOf(fact[c])!;
    this.seller[at] = this.sellerIndex.get(fact.seller_id)!;
    this.contractFen[at] = fact.contract_fen;
    this.transactionFen[at] = fact.transaction_fen;
  }

  /**
   * Where the table holds each of some contracts. One pass over the id column (a delta's few
   * contracts cost less than the question after them), so no index by id costs memory.
   */
  private slotsOf(ids: readonly number[]): Map<number, number> {
    const slots = new Map<number, number>();
    if (ids.length === 0) return slots;
    const held = this.id.subarray(0, this.length);
    if (ids.length <= 8) {
      for (const id of ids) {
        const at = held.indexOf(id);
        if (at >= 0) slots.set(id, at);
      }
      return slots;
    }
    const wanted = new Set(ids);
    let lowest = Infinity;
    let highest = -Infinity;
    for (const id of wanted) [lowest, highest] = [Math.min(lowest, id), Math.max(highest, id)];
    for (let i = 0; i < held.length; i++) {
      const id = held[i]!;
      if (id >= lowest && id <= highest && wanted.has(id)) slots.set(id, i);
    }
    return slots;
  }

  /** Room for `rows` contracts: the columns double when full, so appends cost O(1) amortized. */
  private reserve(rows: number): void {
    if (rows <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < rows) capacity *= 2;
    this.resize(capacity);
  }

  private resize(capacity: number): void {
    this.capacity = capacity;
    this.id = widened(this.id, capacity);
    this.day = widened(this.day, capacity);
    this.year = widened(this.year, capacity);
    this.quarter = widened(this.quarter, capacity);
    for (const c of codedColumns) this.coded[c] = widened(this.coded[c], capacity);
    this.seller = widened(this.seller, capacity);
    this.contractFen = widened(this.contractFen, capacity);
    this.transactionFen = widened(this.transactionFen, capacity);
  }

  /** A patched contract's year and quarter; a year before the first (or past 255 after it) re-bases the column. */
  private placeInCalendar(at: number): void {
    if (this.firstYear === null) return;
    const date = new Date(this.day[at]! * MS_PER_DAY);
    const offset = date.getUTCFullYear() - this.firstYear;
    if (offset < 0 || offset > 255) {
      this.firstYear = null;
      return;
    }
    this.year[at] = offset;
    this.quarter[at] = Math.floor(date.getUTCMonth() / 3);
  }

  /** Every contract's year (an offset from the first year) and quarter, looked up per day of the span. */
  private computeCalendar(): void {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < this.length; i++) {
      const d = this.day[i]!;
      if (d === REMOVED_DAY) continue;
      if (d < min) min = d;
      if (d > max) max = d;
    }
    if (min > max) {
      this.firstYear = 1970;
      return;
    }
    const firstYear = new Date(min * MS_PER_DAY).getUTCFullYear();
    if (new Date(max * MS_PER_DAY).getUTCFullYear() - firstYear > 255) throw new RangeError(`Registration years span more than 256 years from ${firstYear}`);
    const yearOfDay = new Uint8Array(max - min + 1);
    const quarterOfDay = new Uint8Array(max - min + 1);
    for (let d = min; d <= max; d++) {
      const date = new Date(d * MS_PER_DAY);
      yearOfDay[d - min] = date.getUTCFullYear() - firstYear;
      quarterOfDay[d - min] = Math.floor(date.getUTCMonth() / 3);
    }
    for (let i = 0; i < this.length; i++) {
      const d = this.day[i]!;
      if (d === REMOVED_DAY) continue;
      this.year[i] = yearOfDay[d - min]!;
      this.quarter[i] = quarterOfDay[d - min]!;
    }
    this.firstYear = firstYear;
  }

  /** Moves the live contracts together over the tombstones, in their order. */
  private compact(): void {
    const columns: Column[] = [this.id, this.day, this.year, this.quarter, this.seller, this.contractFen, this.transactionFen, ...codedColumns.map((c) => this.coded[c])];
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (this.day[i] === REMOVED_DAY) continue;
      if (kept !== i) for (const column of columns) column[kept] = column[i]!;
      kept++;
    }
    this.length = kept;
    this.removed = 0;
  }

  private makeView(): ContractColumns {
    const n = this.length;
    return {
      length: n,
      id: this.id.subarray(0, n),
      day: this.day.subarray(0, n),
      coded: Object.fromEntries(codedColumns.map((c) => [c, this.coded[c].subarray(0, n)])) as Record<CodedColumn, Uint8Array>,
      dictionaries: this.dictionaries,
      seller: this.seller.subarray(0, n),
      sellerIds: this.sellerIds.subarray(0, this.sellerCount),
      contractFen: this.contractFen.subarray(0, n),
      transactionFen: this.transactionFen.subarray(0, n),
      firstYear: this.firstYear ?? 1970,
      year: this.year.subarray(0, n),
      quarter: this.quarter.subarray(0, n),
    };
  }
}
