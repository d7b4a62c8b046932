import { parseCalendarDate } from '../../domain/calendarDate.js';
import { violation, type RuleViolation } from '../../domain/message.js';
import type { RawCell } from './rawRows.js';

/**
 * Dates in files (日期): `YYYY-MM-DD`, `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`,
 * `YYYYMMDD`, Excel date cells, and Excel serial numbers (days since 1899-12-30) when a plain number
 * lands in a date column. Every date is calendar-checked: 2025-02-30 is refused, not rolled over.
 */

export type DateResult = { ok: true; value: string | null } | { ok: false; violation: RuleViolation };

const SEPARATED = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Excel serial 0 = 1899-12-30 (for serials from 61 on). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const pad = (n: string | number, width: number) => String(n).padStart(width, '0');

function invalidDate(text: string): RuleViolation {
  return violation(
    'date.invalid',
    `日期“${text}”无效：应为 1900–2100 年间的真实日期，如 2025-06-30、2025/6/30、2025年6月30日`,
    `"${text}" is not a valid date: expected a real day between 1900 and 2100, e.g. 2025-06-30, 2025/6/30 or 2025年6月30日`,
    { value: text },
  );
}

/** The UTC calendar day of a Date; Excel dates carry no zone, exceljs reads them as UTC. */
function fromDate(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  // Excel's float arithmetic can land a midnight a fraction of a second early.
  const d = new Date(Math.round(time / 1000) * 1000);
  return parseCalendarDate(`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`);
}

function fromSerial(serial: number): string | null {
  const days = Math.floor(serial + 1e-9);
  // Serial 60 is Excel's 29 February 1900, a day that never was; before it Excel is one day ahead.
  if (days < 1 || days === 60) return null;
  return fromDate(new Date(EXCEL_EPOCH + (days < 60 ? days + 1 : days) * MS_PER_DAY));
}

/** Text in one of the accepted forms → canonical YYYY-MM-DD, or null when it is not a real day. */
export function parseDateText(text: string): string | null {
  const compact = COMPACT.exec(text);
  if (compact) return parseCalendarDate(`${compact[1]}-${compact[2]}-${compact[3]}`);
  const m = SEPARATED.exec(text);
  if (!m) return null;
  const month = m[2] ?? m[4] ?? '';
  const day = m[3] ?? m[5] ?? '';
  return parseCalendarDate(`${m[1]}-${pad(month, 2)}-${pad(day, 2)}`);
}

/** An 8-digit number such as 20250630 typed into Excel is a compact date, not a serial. */
function fromNumber(n: number): string | null {
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) return parseDateText(String(n));
  return fromSerial(n);
}

export function dateCell(cell: RawCell): DateResult {
  if (cell === null) return { ok: true, value: null };
  if (cell instanceof Date) {
    const value = fromDate(cell);
    return value === null ? { ok: false, violation: invalidDate(String(cell)) } : { ok: true, value };
  }
  if (typeof cell === 'number') {
    const value = fromNumber(cell);
    return value === null ? { ok: false, violation: invalidDate(String(cell)) } : { ok: true, value };
  }
  if (typeof cell !== 'string') return { ok: false, violation: invalidDate(typeof cell === 'object' ? cell.error : String(cell)) };
  const text = (/[^\x00-\x7f]/.test(cell) ? cell.normalize('NFKC') : cell).trim();
  if (text === '') return { ok: true, value: null };
  const value = text.length > 20 ? null : parseDateText(text);
  return value === null ? { ok: false, violation: invalidDate(text.length > 40 ? `${text.slice(0, 40)}…` : text) } : { ok: true, value };
}
