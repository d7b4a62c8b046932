import { parseCalendarDate } from '../../domain/calendarDate.js';
import type { ListQuery } from '../../contracts/common.js';
import type { FieldProblem } from '../../contracts/common.js';
import type { ListField, ListSpec } from './spec.js';

/** One `field:value` term: alternatives are OR-ed, `negate` wraps the whole term in NOT. */
export interface FilterTerm {
  field: string;
  negate: boolean;
  alternatives: Array<{ op: 'eq' | 'gt' | 'lt' | 'null'; value: string | number | boolean | null }>;
}

export type CursorValue = string | number | boolean | null;

export interface ParsedList {
  filters: FilterTerm[];
  search: string | null;
  sort: { field: string; desc: boolean };
  perPage: number;
  paging: { kind: 'page'; page: number } | { kind: 'cursor'; after: [CursorValue, number] | null };
  groupBy: string | null;
  /**
   * Only rows whose id another list's matching rows refer to (set by the server, never parsed
   * from a query): an indicator's "distinct organizations holding a qualification" drills down
   * to the organizations list this way.
   */
  referencedBy?: { spec: ListSpec; filters: FilterTerm[]; column: string };
}

type Problem = Omit<FieldProblem, 'params'> & { params?: Record<string, unknown> };

const problem = (field: string, code: string, zh: string, en: string, params?: Record<string, unknown>): Problem =>
  params ? { field, code, message: { zh, en }, params } : { field, code, message: { zh, en } };

/** Parses the OpenAlex-style list query against a spec; all problems are returned together. */
export function parseListQuery(spec: ListSpec, q: ListQuery): { ok: true; value: ParsedList } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const filters = q.filter ? parseFilter(spec, q.filter, problems) : [];
  const sort = q.sort ? parseSort(spec, q.sort, problems) : spec.defaultSort;
  const groupBy = q.group_by ? parseGroupBy(spec, q.group_by, problems) : null;
  let paging: ParsedList['paging'] = { kind: 'page', page: q.page ?? 1 };
  if (q.cursor !== undefined) {
    if (q.page !== undefined) problems.push(problem('cursor', 'cursor.with_page', '不能同时使用 cursor 与 page', 'Use either cursor or page, not both'));
    const after = q.cursor === '*' ? null : decodeCursor(spec, sort.field, q.cursor);
    if (after === undefined) problems.push(problem('cursor', 'cursor.invalid', '游标无效，请使用上一页返回的 next_cursor', 'Invalid cursor; use meta.next_cursor of the previous page'));
    else paging = { kind: 'cursor', after };
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { filters, search: q.search ? q.search : null, sort, perPage: q.per_page, paging, groupBy } };
}

/** A filter string alone (catalogue formulas are written in the list syntax). */
export function parseFilters(spec: ListSpec, raw: string): { ok: true; value: FilterTerm[] } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const filters = parseFilter(spec, raw, problems);
  return problems.length ? { ok: false, problems } : { ok: true, value: filters };
}

/** Filter terms written back in the list syntax, so a client can open the same list. */
export function formatFilters(terms: readonly FilterTerm[]): string {
  const alt = (a: FilterTerm['alternatives'][number]) => (a.op === 'null' ? 'null' : `${a.op === 'gt' ? '>' : a.op === 'lt' ? '<' : ''}${String(a.value)}`);
  return terms.map((t) => `${t.field}:${t.negate ? '!' : ''}${t.alternatives.map(alt).join('|')}`).join(',');
}

function parseFilter(spec: ListSpec, raw: string, problems: Problem[]): FilterTerm[] {
  const terms: FilterTerm[] = [];
  for (const part of raw.split(',')) {
    if (part.trim() === '') continue;
    const colon = part.indexOf(':');
    if (colon <= 0) {
      problems.push(problem('filter', 'filter.syntax', `筛选条件“${part}”应为“字段:值”`, `Filter "${part}" must be field:value`, { term: part }));
      continue;
    }
    const name = part.slice(0, colon).trim();
    const field = spec.fields[name];
    if (!field) {
      problems.push(unknownField('filter', name, Object.keys(spec.fields)));
      continue;
    }
    let body = part.slice(colon + 1).trim();
    const negate = body.startsWith('!');
    if (negate) body = body.slice(1);
    const alternatives: FilterTerm['alternatives'] = [];
    for (const alt of body.split('|')) {
      const parsed = parseAlternative(name, field, alt.trim(), problems);
      if (parsed) alternatives.push(parsed);
    }
    if (alternatives.length) terms.push({ field: name, negate, alternatives });
  }
  return terms;
}

function parseAlternative(name: string, field: ListField, raw: string, problems: Problem[]): FilterTerm['alternatives'][number] | null {
  if (raw === 'null') return { op: 'null', value: null };
  let op: 'eq' | 'gt' | 'lt' = 'eq';
  let text = raw;
  if ((raw.startsWith('>') || raw.startsWith('<')) && (field.type === 'date' || field.type === 'int' || field.type === 'decimal' || field.type === 'timestamp')) {
    op = raw.startsWith('>') ? 'gt' : 'lt';
    text = raw.slice(1);
  }
  const value = coerce(field, text);
  if (value === undefined) {
    problems.push(badValue(name, field, raw));
    return null;
  }
  return { op, value };
}

/** Converts a filter or cursor literal to the field's type; undefined when it does not fit. */
export function coerce(field: ListField, text: string): string | number | boolean | undefined {
  switch (field.type) {
    case 'int':
      return /^-?\d{1,9}$/.test(text) ? Number(text) : undefined;
    case 'decimal':
      // Kept as text and cast to numeric in SQL: 0.1 + 0.2 compares as 0.3, which a float does not.
      return /^-?\d{1,18}(\.\d{1,6})?$/.test(text) ? text : undefined;
    case 'bool':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'date':
      return parseCalendarDate(text) ?? undefined;
    case 'timestamp':
      return isTimestamp(text) ? text : undefined;
    case 'code':
      return field.values && !field.values.includes(text) ? undefined : text;
    case 'text':
      // PostgreSQL text cannot hold U+0000; refusing it here names the field instead of failing in SQL.
      return text === '' || text.includes('\u0000') ? undefined : text;
  }
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?$/;

/** ISO 8601 as PostgreSQL reads it, on a real day and clock time (2025-02-30 and 25:00 are not). */
function isTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m || parseCalendarDate(m[1] ?? '') === null) return false;
  const [hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = m.slice(2).map((v) => Number(v ?? 0));
  return hour < 24 && minute < 60 && second < 60 && offsetHours < 16 && offsetMinutes < 60;
}

function badValue(name: string, field: ListField, raw: string): Problem {
  const expected = field.values ? field.values.join(' | ') : { int: '整数 integer', decimal: '数值 decimal number, e.g. 1250000.50', bool: 'true | false', date: 'YYYY-MM-DD', timestamp: 'ISO 8601', text: '非空文本 non-empty text', code: '' }[field.type];
  return problem(
    `filter.${name}`,
    'filter.bad_value',
    `筛选字段 ${name} 的值“${raw}”无效，应为：${expected}`,
    `Invalid value "${raw}" for filter field ${name}; expected ${expected}`,
    { value: raw, expected },
  );
}

function unknownField(param: string, name: string, known: string[]): Problem {
  return problem(param, `${param}.unknown_field`, `不支持的字段“${name}”，可用字段：${known.join(', ')}`, `Unknown field "${name}"; available: ${known.join(', ')}`, {
    name,
    available: known,
  });
}

function parseSort(spec: ListSpec, raw: string, problems: Problem[]): ParsedList['sort'] {
  const [name = '', dir = 'asc', ...rest] = raw.split(':').map((s) => s.trim());
  const sortable = Object.keys(spec.fields).filter((f) => spec.fields[f]?.sort);
  if (rest.length || (dir !== 'asc' && dir !== 'desc')) {
    problems.push(problem('sort', 'sort.syntax', `排序应为“字段”或“字段:desc”`, 'Sort must be field or field:desc', { value: raw }));
  } else if (!spec.fields[name]?.sort) {
    problems.push(unknownField('sort', name, sortable));
  }
  return { field: name, desc: dir === 'desc' };
}

function parseGroupBy(spec: ListSpec, raw: string, problems: Problem[]): string | null {
  if (spec.fields[raw]?.group) return raw;
  problems.push(unknownField('group_by', raw, Object.keys(spec.fields).filter((f) => spec.fields[f]?.group)));
  return null;
}

/**
 * Cursors are opaque to clients: base64url JSON of the sort field, the last row's sort key (as
 * text) and its id. A cursor only continues the sort it was made for.
 */
export function encodeCursor(sortField: string, value: string | null, id: number): string {
  return Buffer.from(JSON.stringify([sortField, value, id])).toString('base64url');
}

function decodeCursor(spec: ListSpec, sortField: string, raw: string): [CursorValue, number] | undefined {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(v) || v.length !== 3 || v[0] !== sortField || !isRowId(v[2])) return undefined;
  const [, value, id] = v as [string, unknown, number];
  if (value === null) return [null, id];
  const field = spec.fields[sortField];
  if (typeof value !== 'string' || !field) return undefined;
  const typed = coerce(field, value);
  return typed === undefined ? undefined : [typed, id];
}

/** Row ids are positive PostgreSQL integers; anything else in a cursor was not made by the server. */
function isRowId(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) > 0 && (v as number) <= 2_147_483_647;
}
