import type { Message, RuleViolation } from '../../domain/message.js';
import type { RawCell } from './rawRows.js';

/**
 * What an import reports (导入问题报告): one entry per problem, every problem of a row at once, so
 * a user fixes the file in one pass. Codes are stable; the messages are for people.
 */
export interface RowProblem {
  /** Physical line of the row's start (CSV, JSON Lines; header = 1) or the Excel row number. */
  line: number;
  /** The header as written in the file; null when the problem concerns the whole row. */
  column: string | null;
  /** The offending value as text, at most {@link MAX_VALUE_CHARS} characters; null when none. */
  value: string | null;
  code: string;
  message: Message;
}

/** A problem of the file as a whole: errors stop the import, warnings (e.g. unknown headers) do not. */
export interface FileProblem {
  severity: 'error' | 'warning';
  /** The line concerned, when there is one (a header problem is on the header's line). */
  line: number | null;
  column: string | null;
  value: string | null;
  code: string;
  message: Message;
}

export const MAX_VALUE_CHARS = 200;

/** A cell as report text: dates as YYYY-MM-DD, long values cut at 200 characters. */
export function cellText(cell: RawCell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString().replace('T00:00:00.000Z', '');
  if (typeof cell === 'object') return cell.error;
  const text = String(cell);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

export function rowProblem(line: number, column: string | null, cell: RawCell, v: RuleViolation): RowProblem {
  return { line, column, value: cellText(cell), code: v.code, message: v.message };
}

export function fileProblem(severity: FileProblem['severity'], v: RuleViolation, at: { line?: number; column?: string; value?: string } = {}): FileProblem {
  return { severity, line: at.line ?? null, column: at.column ?? null, value: at.value === undefined ? null : cellText(at.value), code: v.code, message: v.message };
}

/** Thrown by a reader when the file cannot be read on; the pipeline reports it as a file problem. */
export class ImportFileError extends Error {
  constructor(
    readonly violation: RuleViolation,
    readonly line: number | null = null,
  ) {
    super(violation.message.en);
  }
}

/** Columns of the downloadable report, bilingual so that either reader understands it. */
const REPORT_HEADER = ['行号 line', '列 column', '值 value', '代码 code', '原因 reason_zh', '原因 reason_en'];

/** Cells a spreadsheet would run as a formula get one more leading apostrophe, as exports do. */
function neutralise(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** What a report line shows of a problem: row problems, file problems and stored ones alike. */
export type ReportedProblem = Pick<FileProblem, 'line' | 'column' | 'value' | 'code' | 'message'> & { severity?: FileProblem['severity'] };

function reportLine(p: ReportedProblem): string {
  const cells = [p.line === null ? '' : String(p.line), p.column ?? '', p.value ?? '', p.code, p.message.zh, p.message.en];
  return `${cells.map((c) => csvField(neutralise(c))).join(',')}\r\n`;
}

/** The report as CSV lines (UTF-8 BOM first, so Excel opens it), streamable for huge reports. */
export async function* problemCsvLines(problems: Iterable<ReportedProblem> | AsyncIterable<ReportedProblem>): AsyncGenerator<string> {
  yield `\uFEFF${REPORT_HEADER.join(',')}\r\n`;
  for await (const p of problems) yield reportLine(p);
}

/** The whole report as one CSV string: 行号 line, 列 column, 值 value, 代码 code, 原因 reason_zh, 原因 reason_en. */
export function problemsToCsv(problems: Iterable<ReportedProblem>): string {
  let out = `\uFEFF${REPORT_HEADER.join(',')}\r\n`;
  for (const p of problems) out += reportLine(p);
  return out;
}
