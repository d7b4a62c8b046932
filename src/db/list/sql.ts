import type { Queryable } from '../client.js';
import { ListCache, tablesVersion } from './cache.js';
import { encodeCursor, type CursorValue, type FilterTerm, type ParsedList } from './parse.js';
import { SQL_TYPE, type ListSpec } from './spec.js';

/** Collects positional parameters while SQL text is assembled. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function termSql(spec: ListSpec, term: FilterTerm, params: Params): string {
  const field = spec.fields[term.field]!;
  const cast = SQL_TYPE[field.type];
  const parts: string[] = [];
  const eqs = term.alternatives.filter((a) => a.op === 'eq').map((a) => a.value);
  if (eqs.length === 1) parts.push(`${field.column} = ${params.add(eqs[0], cast)}`);
  else if (eqs.length > 1) parts.push(`${field.column} = ANY(${params.add(eqs, cast + '[]')})`);
  for (const a of term.alternatives) {
    if (a.op === 'null') parts.push(`${field.column} IS NULL`);
    else if (a.op === 'gt') parts.push(`${field.column} > ${params.add(a.value, cast)}`);
    else if (a.op === 'lt') parts.push(`${field.column} < ${params.add(a.value, cast)}`);
  }
  const any = parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  if (!term.negate) return any;
  // NOT (x = 'a') is unknown for NULL x; a negated filter keeps rows where x is absent, unless
  // the term itself asks about absence (`!null` means "has a value").
  const asksForNull = term.alternatives.some((a) => a.op === 'null');
  return asksForNull ? `NOT ${any}` : `(${field.column} IS NULL OR NOT ${any})`;
}

/** SQL of filter terms over a list's FROM (main table `t`), AND-ed; 'true' when there are none. */
export function filtersSql(spec: ListSpec, filters: readonly FilterTerm[], params: Params): string {
  return filters.length ? filters.map((t) => termSql(spec, t, params)).join(' AND ') : 'true';
}

function whereSql(spec: ListSpec, list: ParsedList, params: Params): string[] {
  const where = list.filters.map((t) => termSql(spec, t, params));
  if (list.referencedBy) {
    const { spec: other, filters, column } = list.referencedBy;
    const inner = filters.map((t) => termSql(other, t, params));
    where.push(`t.id IN (SELECT ${column} FROM ${other.from}${inner.length ? ` WHERE ${inner.join(' AND ')}` : ''})`);
  }
  if (list.search) {
    const pattern = params.add(`%${escapeLike(list.search)}%`, 'text');
    const ors = spec.searchColumns.map((c) => `${c} ILIKE ${pattern}`);
    if (spec.searchExact) ors.push(`${spec.searchExact.column} = ${params.add(spec.searchExact.normalize(list.search), 'text')}`);
    where.push(`(${ors.join(' OR ')})`);
  }
  return where;
}

/**
 * Keyset condition after (value, id) under the order `orderSql` gives. Nullable columns sort their
 * NULLs last; columns that cannot be NULL compare as a row, which PostgreSQL answers from an index.
 */
function afterSql(column: string, cast: string, notNull: boolean, desc: boolean, after: [CursorValue, number], params: Params): string {
  const cmp = desc ? '<' : '>';
  const [value, id] = after;
  const idParam = params.add(id, 'int');
  if (column === 't.id') return `t.id ${cmp} ${idParam}`;
  if (value === null) return `(${column} IS NULL AND t.id ${cmp} ${idParam})`;
  const v = params.add(value, cast);
  if (notNull) return `(${column}, t.id) ${cmp} (${v}, ${idParam})`;
  return `(${column} IS NULL OR ${column} ${cmp} ${v} OR (${column} = ${v} AND t.id ${cmp} ${idParam}))`;
}

function orderSql(column: string, notNull: boolean, desc: boolean): string {
  const dir = desc ? 'DESC' : 'ASC';
  if (column === 't.id') return `t.id ${dir}`;
  return `${notNull ? '' : `(${column} IS NULL), `}${column} ${dir}, t.id ${dir}`;
}

export interface ListPage<Row> {
  meta: { count: number; per_page: number; page: number | null; next_cursor: string | null; groups_count: number | null };
  results: Row[];
  group_by: Array<{ key: string | null; key_display_name: { zh: string; en: string } | null; count: number }>;
}

const caches = new WeakMap<Queryable, ListCache<ListPage<unknown>>>();

/**
 * Runs a parsed list query and presents its rows, from the cache when the tables behind it have
 * not changed (pages are cached presented, so a hit costs one counter lookup). Inside a
 * transaction (a `Queryable` without `transaction`) nothing is cached: its writes may still roll
 * back, and a page built on them must not outlive it.
 */
export async function runList<Row extends { id: number }, Item>(db: Queryable, spec: ListSpec, list: ParsedList, present: (row: Row) => Item): Promise<ListPage<Item>> {
  const build = async () => {
    const page = await queryList<Row>(db, spec, list);
    return { ...page, results: page.results.map(present) };
  };
  if (!('transaction' in db)) return build();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ListCache()));
  const tables = list.referencedBy ? [...new Set([...spec.tables, ...list.referencedBy.spec.tables])] : spec.tables;
  const version = await tablesVersion(db, tables);
  const { referencedBy, ...own } = list;
  // The select is part of the key: two lists over one FROM may show different columns (open data's rows);
  // so are the searched columns: the public searches fewer of a recruitment call's than the registry.
  const key = `${spec.from}\n${spec.select}\n${spec.searchColumns.join(',')}\n${JSON.stringify(own)}${referencedBy ? `\n${referencedBy.spec.from}\n${referencedBy.column}\n${JSON.stringify(referencedBy.filters)}` : ''}`;
  const hit = cache.get(key, version);
  if (hit) return hit as ListPage<Item>;
  const page = await build();
  cache.set(key, version, page);
  return page;
}

/** One page with the total count, or the counts per group. */
async function queryList<Row extends { id: number }>(db: Queryable, spec: ListSpec, list: ParsedList): Promise<ListPage<Row>> {
  const params = new Params();
  const where = whereSql(spec, list, params);
  const whereClause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const meta = { count: 0, per_page: list.perPage, page: null as number | null, next_cursor: null as string | null, groups_count: null as number | null };

  if (list.groupBy) {
    const field = spec.fields[list.groupBy]!;
    const { rows } = await db.query<{ key: unknown; count: number }>(
      `SELECT ${field.column} AS key, count(*)::int AS count FROM ${spec.from} ${whereClause} GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST`,
      params.values,
    );
    const group_by = rows.map((r) => {
      const key = r.key === null ? null : String(r.key);
      return { key, key_display_name: key !== null && field.label ? field.label(key) : null, count: r.count };
    });
    return { meta: { ...meta, count: rows.reduce((n, r) => n + r.count, 0), groups_count: group_by.length }, results: [], group_by };
  }

  const countValues = [...params.values];
  const field = spec.fields[list.sort.field]!;
  const notNull = field.notNull === true;
  const pageWhere = [...where];
  if (list.paging.kind === 'cursor' && list.paging.after) pageWhere.push(afterSql(field.column, SQL_TYPE[field.type], notNull, list.sort.desc, list.paging.after, params));
  const offset = list.paging.kind === 'page' ? (list.paging.page - 1) * list.perPage : 0;
  // The sort key travels as text: timestamps keep their microseconds, which a JS Date would cut.
  const pageSql = `SELECT ${spec.select}, (${field.column})::text AS __sort FROM ${spec.from}
    ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
    ORDER BY ${orderSql(field.column, notNull, list.sort.desc)}
    LIMIT ${list.perPage + 1} OFFSET ${offset}`;
  // On PostgreSQL the two run at once on two connections; PGlite runs them in turn.
  const [count, page] = await Promise.all([
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${spec.from} ${whereClause}`, countValues),
    db.query<Row & { __sort: string | null }>(pageSql, params.values),
  ]);
  meta.count = count.rows[0]?.n ?? 0;
  const rows = page.rows;
  const more = rows.length > list.perPage;
  const pageRows = more ? rows.slice(0, list.perPage) : rows;
  if (list.paging.kind === 'page') meta.page = list.paging.page;
  else if (more) {
    const last = pageRows[pageRows.length - 1]!;
    meta.next_cursor = encodeCursor(list.sort.field, last.__sort, last.id);
  }
  return { meta, results: pageRows.map(({ __sort: _, ...row }) => row as unknown as Row), group_by: [] };
}

/**
 * Every row a parsed list query matches, in its sort order, as keyset batches of `batchSize`:
 * no count, no offset, no page cache, so an export of any size holds one batch at a time.
 * `select` names the columns wanted (over the spec's FROM, main table `t`); paging and groups of
 * the query are ignored.
 */
export async function* listBatches<Row>(db: Queryable, spec: ListSpec, list: ParsedList, select: string, batchSize = 1000): AsyncGenerator<Row[]> {
  const field = spec.fields[list.sort.field]!;
  const notNull = field.notNull === true;
  let after: [CursorValue, number] | null = null;
  for (;;) {
    const params = new Params();
    const where = whereSql(spec, list, params);
    if (after) where.push(afterSql(field.column, SQL_TYPE[field.type], notNull, list.sort.desc, after, params));
    const { rows } = await db.query<Row & { __id: number; __sort: string | null }>(
      `SELECT ${select}, t.id AS __id, (${field.column})::text AS __sort FROM ${spec.from}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${orderSql(field.column, notNull, list.sort.desc)}
        LIMIT ${batchSize}`,
      params.values,
    );
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    after = [last.__sort, last.__id];
    yield rows.map(({ __id: _, __sort: __, ...row }) => row as unknown as Row);
    if (rows.length < batchSize) return;
  }
}
