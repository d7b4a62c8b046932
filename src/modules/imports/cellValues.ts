import type { CityConfig } from '../../domain/city.js';
import { violation, type CodeList, type RuleViolation } from '../../domain/message.js';
import type { RawCell } from './rawRows.js';

/**
 * One cell → one field value, by column type. Empty cells are null (not given); anything that
 * cannot be read is a violation naming what would have been accepted.
 */

export type CellResult<T> = { ok: true; value: T | null } | { ok: false; violation: RuleViolation };

const ok = <T>(value: T | null): CellResult<T> => ({ ok: true, value });
const fail = <T>(v: RuleViolation): CellResult<T> => ({ ok: false, violation: v });

/** Longer than this, a code, yes/no or place cannot be right: refused before any normalisation. */
const MAX_TOKEN_CHARS = 100;

const cellErrorViolation = (error: string) =>
  violation('cell.error', `单元格是 Excel 错误值 ${error}`, `The cell holds the Excel error ${error}`, { error });

/** Plain text of a scalar cell; dates as YYYY-MM-DD. */
function scalarText(cell: Exclude<RawCell, null>): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * Exports prefix an apostrophe to cells a spreadsheet would run as a formula (=, +, -, @, tab, CR);
 * importing takes exactly that one apostrophe off again. Apostrophes before such a character are
 * counted too ('' + =x → '=x), so an exporter that also guards values already starting that way
 * round-trips every value.
 */
const GUARDED = /^'+[=+\-@\t\r]/;
export function unneutralise(text: string): string {
  return text.charCodeAt(0) === 0x27 && GUARDED.test(text) ? text.slice(1) : text;
}

/**
 * Free text: trimmed, empty → null; `guarded` (CSV, XLSX — spreadsheet formats) removes an
 * export's formula guard. Length is the contract's to judge.
 */
export function textCell(cell: RawCell, guarded = true): CellResult<string> {
  if (cell === null) return ok(null);
  if (typeof cell === 'object' && !(cell instanceof Date)) return fail(cellErrorViolation(cell.error));
  const scalar = scalarText(cell);
  const text = (guarded ? unneutralise(scalar) : scalar).trim();
  return ok(text === '' ? null : text);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** A comparable form: NFKC (full-width → ASCII; skipped for ASCII, the common case), trimmed, lower-cased. */
export function comparable(text: string): string {
  return (NON_ASCII.test(text) ? text.normalize('NFKC') : text).trim().toLowerCase();
}

/**
 * A code, yes/no or place cell read as text: its trimmed-for-display `raw` text and the `token` it
 * is looked up by ('' when too long to be right) — or the cell's result already (empty → null,
 * an Excel error → its violation).
 */
function readToken(cell: RawCell): { raw: string; token: string } | CellResult<never> {
  if (cell === null) return ok(null);
  if (typeof cell === 'object' && !(cell instanceof Date)) return fail(cellErrorViolation(cell.error));
  const raw = scalarText(cell);
  if (raw.trim() === '') return ok(null);
  return { raw, token: raw.length > MAX_TOKEN_CHARS ? '' : comparable(raw) };
}

/** Code → code and names → code for a city's districts (current and retired) or zones. */
const placeLookups = new WeakMap<object, Map<string, string>>();
function placeLookup(places: ReadonlyArray<{ code: string; name: { zh: string; en: string } }>, key: object): Map<string, string> {
  let lookup = placeLookups.get(key);
  if (!lookup) {
    lookup = new Map();
    for (const p of places) for (const name of [p.code, p.name.zh, p.name.en]) lookup.set(comparable(name), p.code);
    placeLookups.set(key, lookup);
  }
  return lookup;
}

/** Code → code, and Chinese or English label → code, in comparable form. */
const codeLookups = new WeakMap<CodeList<string>, Map<string, string>>();
function codeLookup(codes: CodeList<string>): Map<string, string> {
  let lookup = codeLookups.get(codes);
  if (!lookup) {
    lookup = new Map();
    for (const [code, label] of Object.entries(codes)) {
      for (const name of [code, label.zh, label.en]) lookup.set(comparable(name), code);
    }
    codeLookups.set(codes, lookup);
  }
  return lookup;
}

/** The code a text names — the code itself, or its Chinese or English label — or undefined. */
export const codeNamed = (codes: CodeList<string>, text: string): string | undefined => codeLookup(codes).get(comparable(text));

function unknownCode(text: string, codes: CodeList<string>): RuleViolation {
  const entries = Object.entries(codes);
  return violation(
    'code.unknown',
    `“${text}”不是可选值；可选：${entries.map(([c, l]) => `${l.zh}（${c}）`).join('、')}`,
    `"${text}" is not an allowed value; allowed: ${entries.map(([c, l]) => `${c} (${l.en})`).join(', ')}`,
    { value: text, allowed: entries.map(([c]) => c).join(',') },
  );
}

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** A code list value: the English code (any case) or its Chinese or English label. */
export function codeCell(cell: RawCell, codes: CodeList<string>): CellResult<string> {
  const read = readToken(cell);
  if ('ok' in read) return read;
  const code = codeLookup(codes).get(read.token);
  return code === undefined ? fail(unknownCode(shorten(read.raw.trim()), codes)) : ok(code);
}

const YES = new Set(['是', '1', 'true', 'yes', 'y', '✓', '✔', '√', '对']);
const NO = new Set(['否', '0', 'false', 'no', 'n', '✗', '✘', '×', '不是']);

function notBoolean(text: string): RuleViolation {
  return violation(
    'bool.invalid',
    `“${text}”不是是/否值；可填：是、否、1、0、true、false、yes、no、Y、N、✓`,
    `"${text}" is not a yes/no value; use 是, 否, 1, 0, true, false, yes, no, Y, N or ✓`,
    { value: text },
  );
}

/** Yes/no (是/否): 是/否, 1/0, true/false, yes/no, Y/N, ✓; Excel booleans and 1/0 numbers too. */
export function boolCell(cell: RawCell): CellResult<boolean> {
  if (cell === null) return ok(null);
  if (typeof cell === 'boolean') return ok(cell);
  const read = readToken(cell);
  if ('ok' in read) return read;
  if (YES.has(read.token)) return ok(true);
  if (NO.has(read.token)) return ok(false);
  return fail(notBoolean(shorten(read.raw.trim())));
}

function unknownDistrict(city: CityConfig, text: string): RuleViolation {
  return violation(
    'district.unknown',
    `“${text}”不是${city.name.zh}的区县代码或区县名称`,
    `"${text}" is not a district code or district name of ${city.name.en}`,
    { value: text, city: city.code },
  );
}

/**
 * A district (区县): the 6-digit code, or the Chinese or English name of a current or retired
 * district (岳麓区 → 430104); whether the code may be used is the domain rule's to say.
 */
export function districtCell(city: CityConfig, cell: RawCell): CellResult<string> {
  const read = readToken(cell);
  if ('ok' in read) return read;
  if (/^\d{6}$/.test(read.token)) return ok(read.token);
  const code = placeLookup([...city.districts, ...city.retiredDistricts], city.districts).get(read.token);
  return code === undefined ? fail(unknownDistrict(city, shorten(read.raw.trim()))) : ok(code);
}

/** A zone (园区): its code or its Chinese or English name; an unknown one is left for the domain rule to name. */
export function zoneCell(city: CityConfig, cell: RawCell): CellResult<string> {
  const read = readToken(cell);
  if ('ok' in read) return read;
  return ok(placeLookup(city.zones, city.zones).get(read.token) ?? shorten(read.raw.trim()));
}
