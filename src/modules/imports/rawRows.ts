import type { RuleViolation } from '../../domain/message.js';

/**
 * The one shape every reader (CSV, XLSX, JSON Lines) yields, so that header mapping and row
 * validation never know the file format: a header event, then one event per non-empty row.
 */

/** An Excel error value such as #N/A or #DIV/0!, kept apart so it is never taken for text. */
export interface CellError {
  error: string;
}

/** A cell as the file holds it: CSV gives text only; XLSX and JSON Lines also numbers, booleans, dates. */
export type RawCell = string | number | boolean | Date | null | CellError;

/** Text encodings a CSV may come in. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'gbk';

export interface HeaderEvent {
  kind: 'header';
  /** Line (or Excel row) of the header; 1 unless blank lines or rows precede it. */
  line: number;
  headers: string[];
  /** CSV and JSON Lines: the encoding the text was read in. */
  encoding?: TextEncoding;
  /** XLSX: the sheet read. */
  sheet?: string;
}

export interface RowEvent {
  kind: 'row';
  /** Physical line where the row starts (header = 1), or the Excel row number. */
  line: number;
  /** Aligned with the headers; missing trailing cells are null. */
  cells: RawCell[];
  /** Set when the row itself is malformed (ragged, not JSON): the row is rejected with this alone. */
  problem?: RuleViolation;
}

export type RawEvent = HeaderEvent | RowEvent;

export function isEmptyCell(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isEmptyRow(cells: readonly RawCell[]): boolean {
  return cells.every(isEmptyCell);
}
