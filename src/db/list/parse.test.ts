import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../../contracts/common.js';
import { coerce, encodeCursor, parseListQuery, type ParsedList } from './parse.js';
import type { ListField, ListSpec } from './spec.js';

/** A list with one field of every type, as the registry modules declare them. */
const spec: ListSpec = {
  from: 'things t',
  tables: ['things'],
  select: 't.*',
  fields: {
    id: { column: 't.id', type: 'int', sort: true },
    name: { column: 't.name', type: 'text', sort: true },
    kind: { column: 't.kind', type: 'code', values: ['enterprise', 'university'], sort: true, group: true },
    founded_on: { column: 't.founded_on', type: 'date', sort: true },
    founded_year: { column: 'extract(year from t.founded_on)::int', type: 'int', group: true },
    confirmed: { column: '(t.confirmed_on IS NOT NULL)', type: 'bool', group: true },
    created_at: { column: 't.created_at', type: 'timestamp', sort: true },
  },
  searchColumns: ['t.name'],
  defaultSort: { field: 'id', desc: false },
};

const query = (q: Partial<ListQuery> = {}): ListQuery => ({ per_page: 25, ...q });

function parsed(q: Partial<ListQuery>): ParsedList {
  const r = parseListQuery(spec, query(q));
  if (!r.ok) throw new Error(`expected a valid query, got ${JSON.stringify(r.problems)}`);
  return r.value;
}

function problems(q: Partial<ListQuery>) {
  const r = parseListQuery(spec, query(q));
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

const cursorOf = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

describe('parseListQuery defaults', () => {
  it('gives the default sort, page 1 and no filter, search or grouping', () => {
    expect(parsed({})).toEqual({ filters: [], search: null, sort: { field: 'id', desc: false }, perPage: 25, paging: { kind: 'page', page: 1 }, groupBy: null });
  });
  it('keeps per_page, page and a search text', () => {
    expect(parsed({ per_page: 200, page: 3, search: '岳麓' })).toMatchObject({ perPage: 200, paging: { kind: 'page', page: 3 }, search: '岳麓' });
  });
  it('treats an empty search as none', () => {
    expect(parsed({ search: '' }).search).toBeNull();
  });
});

describe('filter', () => {
  it('reads field:value as equality on the typed value', () => {
    expect(parsed({ filter: 'kind:enterprise' }).filters).toEqual([{ field: 'kind', negate: false, alternatives: [{ op: 'eq', value: 'enterprise' }] }]);
    expect(parsed({ filter: 'id:42' }).filters[0]?.alternatives).toEqual([{ op: 'eq', value: 42 }]);
    expect(parsed({ filter: 'confirmed:true' }).filters[0]?.alternatives).toEqual([{ op: 'eq', value: true }]);
    expect(parsed({ filter: 'confirmed:false' }).filters[0]?.alternatives).toEqual([{ op: 'eq', value: false }]);
  });
  it('ANDs comma-separated terms and ignores blank ones and surrounding spaces', () => {
    const filters = parsed({ filter: ' kind : enterprise ,, founded_on:>2020-01-01,' }).filters;
    expect(filters.map((f) => f.field)).toEqual(['kind', 'founded_on']);
    expect(filters[0]?.alternatives).toEqual([{ op: 'eq', value: 'enterprise' }]);
  });
  it('ORs pipe-separated alternatives', () => {
    expect(parsed({ filter: 'kind:enterprise|university' }).filters[0]?.alternatives).toEqual([
      { op: 'eq', value: 'enterprise' },
      { op: 'eq', value: 'university' },
    ]);
  });
  it('negates a whole term with !', () => {
    expect(parsed({ filter: 'kind:!enterprise|university' }).filters[0]).toEqual({
      field: 'kind',
      negate: true,
      alternatives: [
        { op: 'eq', value: 'enterprise' },
        { op: 'eq', value: 'university' },
      ],
    });
  });
  it('reads null as "has no value", alone or among alternatives', () => {
    expect(parsed({ filter: 'founded_on:null' }).filters[0]?.alternatives).toEqual([{ op: 'null', value: null }]);
    expect(parsed({ filter: 'kind:!null' }).filters[0]).toMatchObject({ negate: true, alternatives: [{ op: 'null', value: null }] });
    expect(parsed({ filter: 'founded_on:null|>2020-01-01' }).filters[0]?.alternatives).toEqual([
      { op: 'null', value: null },
      { op: 'gt', value: '2020-01-01' },
    ]);
  });
  it('reads > and < on dates, numbers and timestamps', () => {
    expect(parsed({ filter: 'founded_on:>2020-01-01' }).filters[0]?.alternatives).toEqual([{ op: 'gt', value: '2020-01-01' }]);
    expect(parsed({ filter: 'founded_on:<2020-01-01' }).filters[0]?.alternatives).toEqual([{ op: 'lt', value: '2020-01-01' }]);
    expect(parsed({ filter: 'founded_year:>2019' }).filters[0]?.alternatives).toEqual([{ op: 'gt', value: 2019 }]);
    expect(parsed({ filter: 'created_at:<2025-06-30T12:00:00Z' }).filters[0]?.alternatives).toEqual([{ op: 'lt', value: '2025-06-30T12:00:00Z' }]);
  });
  it('takes > on a text field literally (no ranges on text)', () => {
    expect(parsed({ filter: 'name:>a' }).filters[0]?.alternatives).toEqual([{ op: 'eq', value: '>a' }]);
  });
  it('keeps a Chinese text value as it is', () => {
    expect(parsed({ filter: 'name:长沙理工大学' }).filters[0]?.alternatives).toEqual([{ op: 'eq', value: '长沙理工大学' }]);
  });

  it.each([
    ['name', 'filter.syntax'],
    [':enterprise', 'filter.syntax'],
  ])('refuses the term %j without a field as filter.syntax', (raw, code) => {
    expect(problems({ filter: raw })).toEqual([expect.objectContaining({ field: 'filter', code, params: { term: raw } })]);
  });

  it('names an unknown field and lists the available ones', () => {
    const [p] = problems({ filter: 'colour:red' });
    expect(p).toMatchObject({ field: 'filter', code: 'filter.unknown_field', params: { name: 'colour', available: Object.keys(spec.fields) } });
    expect(p?.message.zh).toContain('colour');
    expect(p?.message.en).toContain('colour');
  });

  it.each([
    ['founded_on', '2025-02-30'],
    ['founded_on', '>2025-13-01'],
    ['founded_on', '2025-2-3'],
    ['founded_on', ''],
    ['id', 'abc'],
    ['id', '1.5'],
    ['id', '1234567890'],
    ['kind', 'bank'],
    ['kind', ''],
    ['confirmed', 'yes'],
    ['name', ''],
    ['name', 'a\u0000b'],
    ['created_at', '2025-02-30'],
    ['created_at', '>2025-02-03T25:00'],
    ['created_at', '2025-02-03T10:60'],
    ['created_at', '2025-02-03T10:00:61'],
    ['created_at', '2025-02-03T10:00+16:00'],
    ['created_at', 'yesterday'],
  ])('refuses %s:%j as filter.bad_value naming filter.%s', (name, value) => {
    const [p, ...rest] = problems({ filter: `${name}:${value}` });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ field: `filter.${name}`, code: 'filter.bad_value', params: { value } });
    expect(p?.message.zh).not.toBe('');
    expect(p?.message.en).not.toBe('');
  });

  it('lists the allowed codes of a code field', () => {
    expect(problems({ filter: 'kind:bank' })[0]?.params).toMatchObject({ expected: 'enterprise | university' });
  });

  it('reports one problem per bad alternative and keeps going', () => {
    expect(problems({ filter: 'kind:enterprise|bank|shop,founded_on:x' }).map((p) => [p.field, p.params?.value])).toEqual([
      ['filter.kind', 'bank'],
      ['filter.kind', 'shop'],
      ['filter.founded_on', 'x'],
    ]);
  });

  it.each(['2025-06-30', '2025-06-30T08:00', '2025-06-30 08:00:00', '2025-06-30T08:00:00.123456Z', '2025-06-30 19:19:20.306+00', '2025-06-30T08:00:00+08:00', '2025-06-30T08:00:00-0530'])(
    'accepts the timestamp %s',
    (value) => {
      expect(parsed({ filter: `created_at:>${value}` }).filters[0]?.alternatives).toEqual([{ op: 'gt', value }]);
    },
  );
});

describe('sort', () => {
  it('reads field, field:asc and field:desc', () => {
    expect(parsed({ sort: 'name' }).sort).toEqual({ field: 'name', desc: false });
    expect(parsed({ sort: 'name:asc' }).sort).toEqual({ field: 'name', desc: false });
    expect(parsed({ sort: 'founded_on:desc' }).sort).toEqual({ field: 'founded_on', desc: true });
  });
  it.each(['name:down', 'name:desc:x'])('refuses %j as sort.syntax', (raw) => {
    expect(problems({ sort: raw })).toEqual([expect.objectContaining({ field: 'sort', code: 'sort.syntax' })]);
  });
  it('names a field that does not exist or cannot be sorted, listing the sortable ones', () => {
    for (const raw of ['colour', 'founded_year:desc', 'confirmed']) {
      const [p] = problems({ sort: raw });
      expect(p).toMatchObject({ field: 'sort', code: 'sort.unknown_field', params: { available: ['id', 'name', 'kind', 'founded_on', 'created_at'] } });
    }
  });
});

describe('group_by', () => {
  it('accepts a groupable field', () => {
    expect(parsed({ group_by: 'founded_year' }).groupBy).toBe('founded_year');
  });
  it('names a field that does not exist or cannot be grouped, listing the groupable ones', () => {
    for (const raw of ['colour', 'name']) {
      expect(problems({ group_by: raw })).toEqual([
        expect.objectContaining({ field: 'group_by', code: 'group_by.unknown_field', params: { name: raw, available: ['kind', 'founded_year', 'confirmed'] } }),
      ]);
    }
  });
});

describe('cursor', () => {
  it('starts cursor paging with *', () => {
    expect(parsed({ cursor: '*' }).paging).toEqual({ kind: 'cursor', after: null });
  });
  it('continues after the sort key and id a cursor carries, typed by the sort field', () => {
    expect(parsed({ cursor: encodeCursor('id', '7', 7) }).paging).toEqual({ kind: 'cursor', after: [7, 7] });
    expect(parsed({ sort: 'founded_on:desc', cursor: encodeCursor('founded_on', '2020-01-01', 3) }).paging).toEqual({ kind: 'cursor', after: ['2020-01-01', 3] });
    expect(parsed({ sort: 'name', cursor: encodeCursor('name', '长沙', 9) }).paging).toEqual({ kind: 'cursor', after: ['长沙', 9] });
  });
  it('carries a missing sort key (rows with NULL sort last)', () => {
    expect(parsed({ sort: 'founded_on', cursor: encodeCursor('founded_on', null, 12) }).paging).toEqual({ kind: 'cursor', after: [null, 12] });
  });
  it('keeps the microseconds of a timestamp key', () => {
    const key = '2026-01-02 03:04:05.123456+00';
    expect(parsed({ sort: 'created_at', cursor: encodeCursor('created_at', key, 1) }).paging).toEqual({ kind: 'cursor', after: [key, 1] });
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['a cursor of another sort', encodeCursor('name', 'a', 1)],
    ['a wrong-length array', cursorOf(['id', '1'])],
    ['an object', cursorOf({ sort: 'id' })],
    ['a non-integer id', cursorOf(['id', '1', 1.5])],
    ['a zero id', cursorOf(['id', '1', 0])],
    ['an id beyond integer range', cursorOf(['id', '1', 1e20])],
    ['an id as text', cursorOf(['id', '1', '1'])],
    ['a key of the wrong type', cursorOf(['id', 'abc', 1])],
    ['a key that is not text', cursorOf(['id', 1, 1])],
  ])('refuses %s as cursor.invalid', (_label, cursor) => {
    expect(problems({ cursor })).toEqual([expect.objectContaining({ field: 'cursor', code: 'cursor.invalid' })]);
  });

  it('refuses an impossible date or text with NUL inside a cursor', () => {
    expect(problems({ sort: 'founded_on', cursor: encodeCursor('founded_on', '2025-02-30', 1) })[0]?.code).toBe('cursor.invalid');
    expect(problems({ sort: 'name', cursor: encodeCursor('name', 'a\u0000', 1) })[0]?.code).toBe('cursor.invalid');
  });

  it('refuses cursor and page together', () => {
    expect(problems({ cursor: '*', page: 2 })).toEqual([expect.objectContaining({ field: 'cursor', code: 'cursor.with_page' })]);
  });
});

describe('every problem at once', () => {
  it('reports filter, sort, group_by and cursor problems in one answer', () => {
    const fields = problems({ filter: 'colour:red,founded_on:2025-02-30', sort: 'colour', group_by: 'name', cursor: 'x', page: 2 }).map((p) => `${p.field}:${p.code}`);
    expect(fields).toEqual([
      'filter:filter.unknown_field',
      'filter.founded_on:filter.bad_value',
      'sort:sort.unknown_field',
      'group_by:group_by.unknown_field',
      'cursor:cursor.with_page',
      'cursor:cursor.invalid',
    ]);
  });
});

describe('coerce', () => {
  const field = (type: ListField['type'], values?: string[]): ListField => ({ column: 'c', type, ...(values ? { values } : {}) });
  it('converts literals to the field type, or undefined when they do not fit', () => {
    expect(coerce(field('int'), '-12')).toBe(-12);
    expect(coerce(field('int'), '123456789')).toBe(123456789);
    expect(coerce(field('int'), '1e3')).toBeUndefined();
    expect(coerce(field('bool'), 'true')).toBe(true);
    expect(coerce(field('bool'), 'TRUE')).toBeUndefined();
    expect(coerce(field('date'), '2024-02-29')).toBe('2024-02-29');
    expect(coerce(field('date'), '2025-02-29')).toBeUndefined();
    expect(coerce(field('code'), 'x')).toBe('x');
    expect(coerce(field('code', ['a']), 'x')).toBeUndefined();
    expect(coerce(field('text'), ' a ')).toBe(' a ');
  });
});

describe('decimal fields (money)', () => {
  const money: ListSpec = { ...spec, fields: { ...spec.fields, amount: { column: 't.amount', type: 'decimal', sort: true } } };
  const parse = (q: Partial<ListQuery>) => parseListQuery(money, query(q));

  it('filters above, below and at an amount, kept as text so no float rounds it', () => {
    const r = parse({ filter: 'amount:>0.299999,amount:<1250000.5,amount:0.30' });
    expect(r.ok && r.value.filters).toEqual([
      { field: 'amount', negate: false, alternatives: [{ op: 'gt', value: '0.299999' }] },
      { field: 'amount', negate: false, alternatives: [{ op: 'lt', value: '1250000.5' }] },
      { field: 'amount', negate: false, alternatives: [{ op: 'eq', value: '0.30' }] },
    ]);
  });

  it('refuses what is not a decimal number, naming the field', () => {
    for (const bad of ['1e5', 'NaN', '12.', '0x10']) {
      const r = parse({ filter: `amount:${bad}` });
      expect(r.ok ? [] : r.problems.map((p) => [p.field, p.code])).toEqual([['filter.amount', 'filter.bad_value']]);
    }
  });

  it('sorts and pages by amount: a cursor carries the amount as text', () => {
    const r = parse({ sort: 'amount:desc', cursor: encodeCursor('amount', '1250000.50', 7) });
    expect(r.ok && r.value.sort).toEqual({ field: 'amount', desc: true });
    expect(r.ok && r.value.paging).toEqual({ kind: 'cursor', after: ['1250000.50', 7] });
  });
});
