import { violation, type RuleViolation } from '../../domain/message.js';
import { ImportFileError } from './problems.js';
import type { RawCell, RawEvent } from './rawRows.js';
import { decodeText } from './textDecoding.js';

/**
 * JSON Lines reader: one JSON object per line, UTF-8. The headers are the keys of the first object
 * followed by the `expectedKeys` it lacks, so a key a line leaves out reads as an empty cell (an
 * exporter may omit nulls). A line that is not a JSON object is a row problem, not the end.
 */

/** A line longer than this (in characters) stops the import. */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

export interface JsonlOptions {
  /** The entity's canonical keys; see above. */
  expectedKeys?: readonly string[];
}

/** Physical lines of a text stream with their numbers (1-based); CRLF and LF both end a line. */
async function* lines(text: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let pending = '';
  let line = 0;
  for await (const chunk of text) {
    pending += chunk;
    let nl = pending.indexOf('\n');
    while (nl !== -1) {
      line++;
      yield { line, text: pending.slice(0, nl).replace(/\r$/, '') };
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
    if (pending.length > MAX_LINE_CHARS) {
      throw new ImportFileError(
        violation('jsonl.line_too_long', `第 ${line + 1} 行超过 ${MAX_LINE_CHARS} 个字符`, `Line ${line + 1} exceeds ${MAX_LINE_CHARS} characters`, { line: line + 1 }),
        line + 1,
      );
    }
  }
  if (pending !== '') yield { line: line + 1, text: pending.replace(/\r$/, '') };
}

const notAnObject = violation('jsonl.not_object', '该行不是 JSON 对象', 'The line is not a JSON object');

function invalidJson(message: string): RuleViolation {
  return violation('jsonl.invalid_json', `该行不是有效的 JSON：${message}`, `The line is not valid JSON: ${message}`);
}

function nestedValue(key: string): RuleViolation {
  return violation('jsonl.nested_value', `键“${key}”的值应为文本、数字、布尔值或 null`, `The value of "${key}" must be text, a number, a boolean or null`, { key });
}

type Parsed = { ok: true; object: Record<string, unknown> } | { ok: false; problem: RuleViolation };

function parseLine(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: invalidJson((error as Error).message) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: notAnObject };
  return { ok: true, object: value as Record<string, unknown> };
}

function toCells(headers: readonly string[], object: Record<string, unknown>): { cells: RawCell[]; problem?: RuleViolation } {
  const cells: RawCell[] = [];
  for (const key of headers) {
    const value = Object.hasOwn(object, key) ? object[key] : null;
    if (value !== null && typeof value === 'object') return { cells: headers.map(() => null), problem: nestedValue(key) };
    cells.push(value as RawCell);
  }
  return { cells };
}

/** Header (from the first object), then rows; lines before the first object are reported after the header. */
export async function* readJsonl(source: AsyncIterable<Uint8Array>, options: JsonlOptions = {}): AsyncGenerator<RawEvent> {
  let headers: string[] | null = null;
  const early: Array<{ line: number; problem: RuleViolation }> = [];
  for await (const { line, text } of lines(decodeText(source, 'utf-8'))) {
    if (text.trim() === '') continue;
    const parsed = parseLine(text);
    if (headers === null) {
      if (!parsed.ok) {
        early.push({ line, problem: parsed.problem });
        continue;
      }
      const own = Object.keys(parsed.object);
      headers = [...own, ...(options.expectedKeys ?? []).filter((k) => !own.includes(k))];
      yield { kind: 'header', line, headers, encoding: 'utf-8' };
      for (const e of early) yield { kind: 'row', line: e.line, cells: headers.map(() => null), problem: e.problem };
    }
    if (!parsed.ok) {
      yield { kind: 'row', line, cells: headers.map(() => null), problem: parsed.problem };
      continue;
    }
    yield { kind: 'row', line, ...toCells(headers, parsed.object) };
  }
  if (headers === null && early.length > 0) {
    const first = early[0]!;
    throw new ImportFileError(violation('jsonl.no_object', '文件中没有一行是有效的 JSON 对象', 'No line of the file is a valid JSON object'), first.line);
  }
}
