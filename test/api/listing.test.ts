import { beforeAll, describe, expect, it } from 'vitest';
import { organizationList, type Organization } from '../../src/contracts/organizations.js';
import { qualificationList } from '../../src/contracts/qualifications.js';
import type { OrganizationKind } from '../../src/domain/organization.js';
import { createOrganization, createQualification } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

const { app } = await createTestApp();

/**
 * The OpenAlex-style list conventions on one known data set: every expectation is computed from
 * the rows this file creates, so a test says what the answer must be, not what it happened to be.
 */
const KINDS: OrganizationKind[] = ['enterprise', 'university', 'research_institute'];
const DISTRICTS = ['430104', '430105', null];
const FOUNDED = ['2010-01-01', '2015-06-30', null, '2020-12-31'];
const ZONES = ['xiangjiang_new_area', null];

const rows: Organization[] = [];

beforeAll(async () => {
  for (let i = 0; i < 21; i++) {
    rows.push(
      await createOrganization(app, {
        name: `长沙测试主体${String(i).padStart(2, '0')}`,
        name_en: `Changsha Test ${i}`,
        kind: KINDS[i % 3]!,
        district_code: DISTRICTS[i % 3]!,
        founded_on: FOUNDED[i % 4]!,
        zone: ZONES[i % 2]!,
      }),
    );
  }
  rows.push(await createOrganization(app, { name: '湖南岳麓山实验室', name_en: 'Hunan Yuelu Mountain Laboratory', kind: 'research_institute', district_code: '430104', founded_on: null }));
  rows.push(await createOrganization(app, { name: '百分之50%科技有限公司', name_en: null, kind: 'enterprise', district_code: null, founded_on: '2015-06-30' }));
  rows.push(await createOrganization(app, { name: '下划线a_b有限公司', name_en: null, kind: 'other', district_code: '430105', founded_on: '2010-01-01' }));
});

async function list(query: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/organizations?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return organizationList.parse(res.json());
}

const idsOf = (items: Array<{ id: number }>) => items.map((r) => r.id);
const sortedIds = (items: Organization[]) => idsOf(items).sort((a, b) => a - b);
const where = (pred: (o: Organization) => boolean) => sortedIds(rows.filter(pred));

async function filtered(filter: string) {
  const page = await list(`filter=${encodeURIComponent(filter)}&per_page=200`);
  expect(page.meta.count).toBe(page.results.length);
  return sortedIds(page.results);
}

describe('filter', () => {
  it('matches one value', async () => {
    expect(await filtered('kind:university')).toEqual(where((o) => o.kind === 'university'));
  });
  it('ORs alternatives with |', async () => {
    expect(await filtered('kind:university|other')).toEqual(where((o) => o.kind === 'university' || o.kind === 'other'));
  });
  it('ANDs terms with a comma', async () => {
    expect(await filtered('kind:university,district_code:430105')).toEqual(where((o) => o.kind === 'university' && o.district_code === '430105'));
  });
  it('keeps rows without a value under ! (NOT)', async () => {
    const ids = await filtered('district_code:!430104');
    expect(ids).toEqual(where((o) => o.district_code !== '430104'));
    expect(ids).toEqual(expect.arrayContaining(where((o) => o.district_code === null)));
    expect(await filtered('district_code:!430104|430105')).toEqual(where((o) => o.district_code === null));
  });
  it('matches absent values with null, and present ones with !null', async () => {
    expect(await filtered('founded_on:null')).toEqual(where((o) => o.founded_on === null));
    expect(await filtered('founded_on:!null')).toEqual(where((o) => o.founded_on !== null));
  });
  it('compares dates strictly with > and <, leaving out rows without a date', async () => {
    expect(await filtered('founded_on:>2015-06-30')).toEqual(where((o) => o.founded_on !== null && o.founded_on > '2015-06-30'));
    expect(await filtered('founded_on:<2015-06-30')).toEqual(where((o) => o.founded_on !== null && o.founded_on < '2015-06-30'));
    expect(await filtered('founded_on:>2010-01-01,founded_on:<2020-12-31')).toEqual(where((o) => o.founded_on === '2015-06-30'));
  });
  it('ORs a range with null', async () => {
    expect(await filtered('founded_on:>2015-06-30|null')).toEqual(where((o) => o.founded_on === null || o.founded_on > '2015-06-30'));
  });
  it('compares numbers with > and <', async () => {
    expect(await filtered('founded_year:>2014')).toEqual(where((o) => o.founded_on !== null && o.founded_on >= '2015'));
    const some = rows[5]!.id;
    expect(await filtered(`id:<${some}`)).toEqual(where((o) => o.id < some));
  });
  it('filters on timestamps', async () => {
    expect(await filtered('created_at:>2000-01-01T00:00:00Z')).toEqual(sortedIds(rows));
    expect(await filtered('created_at:<2000-01-01')).toEqual([]);
  });
  it('counts the whole match in meta.count, not the page', async () => {
    const page = await list('filter=kind:enterprise&per_page=2');
    expect(page.results).toHaveLength(2);
    expect(page.meta.count).toBe(rows.filter((o) => o.kind === 'enterprise').length);
  });
});

describe('search', () => {
  it('finds a Chinese substring of the name', async () => {
    expect(idsOf((await list(`search=${encodeURIComponent('岳麓')}`)).results)).toEqual(where((o) => o.name.includes('岳麓')));
    expect((await list(`search=${encodeURIComponent('测试主体1')}`)).meta.count).toBe(rows.filter((o) => o.name.includes('测试主体1')).length);
  });
  it('finds the English name case-insensitively', async () => {
    expect(idsOf((await list('search=yuelu%20MOUNTAIN')).results)).toEqual(where((o) => o.name.includes('岳麓')));
  });
  it('takes % and _ literally', async () => {
    expect(idsOf((await list('search=%25')).results)).toEqual(where((o) => o.name.includes('%')));
    expect(idsOf((await list('search=_')).results)).toEqual(where((o) => o.name.includes('_')));
  });
  it('combines with a filter', async () => {
    expect(idsOf((await list(`search=${encodeURIComponent('长沙测试')}&filter=kind:university&per_page=200`)).results)).toEqual(
      where((o) => o.name.startsWith('长沙测试') && o.kind === 'university'),
    );
  });
  it('finds nothing for a name that is not there', async () => {
    expect((await list(`search=${encodeURIComponent('北京')}`)).meta.count).toBe(0);
  });
});

/** The order the server must give for a sort: NULLs last in both directions, then id in the sort's direction. */
function expectedOrder(field: keyof Organization, desc: boolean): number[] {
  const key = (o: Organization) => o[field] as string | number | null;
  return [...rows]
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      if (x === null || y === null) return x === y ? (desc ? b.id - a.id : a.id - b.id) : x === null ? 1 : -1;
      const cmp = x < y ? -1 : x > y ? 1 : 0;
      return (desc ? -cmp : cmp) || (desc ? b.id - a.id : a.id - b.id);
    })
    .map((o) => o.id);
}

describe('sort', () => {
  it('sorts by id ascending by default', async () => {
    expect(idsOf((await list('per_page=200')).results)).toEqual(sortedIds(rows));
  });
  it.each([
    ['founded_on', false],
    ['founded_on', true],
    ['district_code', false],
    ['district_code', true],
    ['kind', false],
    ['id', true],
  ] as const)('sorts by %s (desc %s) with NULLs last and ties by id', async (field, desc) => {
    expect(idsOf((await list(`sort=${field}${desc ? ':desc' : ''}&per_page=200`)).results)).toEqual(expectedOrder(field, desc));
  });
  it('sorts Chinese names in the database order, the same in both directions', async () => {
    const asc = idsOf((await list('sort=name&per_page=200')).results);
    const desc = idsOf((await list('sort=name:desc&per_page=200')).results);
    expect(desc).toEqual([...asc].reverse());
  });
});

describe('paging', () => {
  it('pages with page and per_page', async () => {
    const all = idsOf((await list('per_page=200')).results);
    const second = await list('per_page=5&page=2');
    expect(second.meta).toMatchObject({ page: 2, per_page: 5, count: rows.length, next_cursor: null });
    expect(idsOf(second.results)).toEqual(all.slice(5, 10));
    expect((await list('per_page=5&page=99')).results).toEqual([]);
  });

  it.each(['id', 'id:desc', 'name', 'name:desc', 'founded_on', 'founded_on:desc', 'district_code', 'district_code:desc', 'kind', 'zone:desc', 'uscc', 'created_at', 'updated_at:desc'])(
    'visits every row exactly once with cursors under sort=%s',
    async (sort) => {
      const expected = idsOf((await list(`sort=${sort}&per_page=200`)).results);
      const seen: number[] = [];
      let cursor: string | null = '*';
      for (let pages = 0; cursor !== null; pages++) {
        expect(pages).toBeLessThan(20);
        const page = await list(`sort=${sort}&per_page=4&cursor=${encodeURIComponent(cursor)}`);
        expect(page.meta).toMatchObject({ count: rows.length, page: null, per_page: 4 });
        expect(page.results.length).toBeLessThanOrEqual(4);
        seen.push(...idsOf(page.results));
        cursor = page.meta.next_cursor;
      }
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(rows.length);
    },
  );

  it('pages with cursors inside a filter', async () => {
    const expected = where((o) => o.district_code !== '430104');
    const seen: number[] = [];
    let cursor: string | null = '*';
    while (cursor !== null) {
      const page = await list(`filter=district_code:!430104&per_page=3&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...idsOf(page.results));
      cursor = page.meta.next_cursor;
    }
    expect(seen).toEqual(expected);
  });

  it('gives no next cursor on the last page', async () => {
    expect((await list('cursor=*&per_page=200')).meta.next_cursor).toBeNull();
    expect((await list(`cursor=*&per_page=${rows.length}`)).meta.next_cursor).toBeNull();
  });

  it('pages with cursors over NULL dates and ties on another resource', async () => {
    const holder = rows[0]!;
    const ends = ['2026-01-01', null, '2025-01-01', null, '2026-01-01'];
    for (const [i, valid_to] of ends.entries()) {
      await createQualification(app, { organization_id: holder.id, qualification: 'tech_sme', valid_from: `202${i}-01-01`, valid_to });
    }
    const url = '/api/v1/qualifications?sort=valid_to:desc';
    const all = qualificationList.parse((await app.inject({ method: 'GET', url: `${url}&per_page=200` })).json());
    expect(all.results.map((q) => q.valid_to)).toEqual(['2026-01-01', '2026-01-01', '2025-01-01', null, null]);
    const seen: number[] = [];
    let cursor: string | null = '*';
    while (cursor !== null) {
      const page = qualificationList.parse((await app.inject({ method: 'GET', url: `${url}&per_page=2&cursor=${encodeURIComponent(cursor)}` })).json());
      seen.push(...idsOf(page.results));
      cursor = page.meta.next_cursor;
    }
    expect(seen).toEqual(idsOf(all.results));
  });
});

describe('group_by', () => {
  it('counts rows by a code, with bilingual labels, most frequent first', async () => {
    const page = await list('group_by=kind');
    expect(page.results).toEqual([]);
    expect(page.meta.groups_count).toBe(page.group_by.length);
    const counts = new Map<string, number>();
    for (const o of rows) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
    expect(Object.fromEntries(page.group_by.map((g) => [g.key, g.count]))).toEqual(Object.fromEntries(counts));
    expect(page.group_by.map((g) => g.count)).toEqual([...page.group_by.map((g) => g.count)].sort((a, b) => b - a));
    expect(page.group_by.find((g) => g.key === 'university')?.key_display_name).toEqual({ zh: '高等院校', en: 'University' });
  });

  it('gives rows without a value their own null bucket, last among equals', async () => {
    const page = await list('group_by=district_code');
    const nulls = page.group_by.find((g) => g.key === null);
    expect(nulls).toEqual({ key: null, key_display_name: null, count: rows.filter((o) => o.district_code === null).length });
    expect(page.group_by.find((g) => g.key === '430104')?.key_display_name).toEqual({ zh: '岳麓区', en: 'Yuelu District' });
  });

  it('groups within a filter and search', async () => {
    const page = await list(`group_by=founded_year&filter=kind:enterprise&search=${encodeURIComponent('长沙测试')}`);
    const expected = new Map<string | null, number>();
    for (const o of rows.filter((r) => r.kind === 'enterprise' && r.name.startsWith('长沙测试'))) {
      const year = o.founded_on?.slice(0, 4) ?? null;
      expected.set(year, (expected.get(year) ?? 0) + 1);
    }
    expect(new Map(page.group_by.map((g) => [g.key, g.count]))).toEqual(expected);
    expect(page.meta.count).toBe([...expected.values()].reduce((a, b) => a + b, 0));
  });
});

describe('bad list queries', () => {
  const bad = (query: string) => app.inject({ method: 'GET', url: `/api/v1/organizations?${query}` });

  it.each([
    ['cursor=not-a-cursor', 'cursor', 'cursor.invalid'],
    ['cursor=*&page=2', 'cursor', 'cursor.with_page'],
    ['filter=colour:red', 'filter', 'filter.unknown_field'],
    ['filter=kind', 'filter', 'filter.syntax'],
    ['filter=kind:bank', 'filter.kind', 'filter.bad_value'],
    ['filter=founded_on:2025-02-30', 'filter.founded_on', 'filter.bad_value'],
    ['filter=founded_on:>2025-13-01', 'filter.founded_on', 'filter.bad_value'],
    ['filter=created_at:>2025-02-30', 'filter.created_at', 'filter.bad_value'],
    ['filter=created_at:<2025-02-03T25:00', 'filter.created_at', 'filter.bad_value'],
    ['filter=id:abc', 'filter.id', 'filter.bad_value'],
    ['filter=id:99999999999', 'filter.id', 'filter.bad_value'],
    ['filter=name:a%00b', 'filter.name', 'filter.bad_value'],
    ['sort=colour', 'sort', 'sort.unknown_field'],
    ['sort=founded_year', 'sort', 'sort.unknown_field'],
    ['sort=name:sideways', 'sort', 'sort.syntax'],
    ['group_by=name', 'group_by', 'group_by.unknown_field'],
    ['group_by=colour', 'group_by', 'group_by.unknown_field'],
    ['per_page=201', 'per_page', 'too_big'],
    ['per_page=0', 'per_page', 'too_small'],
    ['per_page=ten', 'per_page', 'invalid_type'],
    ['page=0', 'page', 'too_small'],
    ['page=1.5', 'page', 'invalid_type'],
    ['page=10001', 'page', 'too_big'],
    ['search=a%00b', 'search', 'text.nul'],
    [`search=${'长'.repeat(201)}`, 'search', 'too_long'],
    ['filter=a&filter=b', 'filter', 'invalid_type'],
    ['colour=red', 'colour', 'unknown_field'],
  ])('refuses %s naming %s (%s)', async (query, field, code) => {
    const p = expectProblem(await bad(query.replace(/[^\x20-\x7e]/g, encodeURIComponent)), 400, [field]);
    expect(errorAt(p, field).code).toBe(code);
  });

  it('refuses a cursor made for another sort', async () => {
    const cursor = (await list('sort=name&per_page=2&cursor=*')).meta.next_cursor;
    expect(cursor).not.toBeNull();
    expect(errorAt(expectProblem(await bad(`sort=founded_on&cursor=${cursor}`), 400, ['cursor']), 'cursor').code).toBe('cursor.invalid');
  });

  it('refuses a forged cursor whose id is out of range', async () => {
    const forged = Buffer.from(JSON.stringify(['id', '1', 1e20])).toString('base64url');
    expectProblem(await bad(`cursor=${forged}`), 400, ['cursor']);
  });

  it('reports every problem of the list engine at once', async () => {
    const p = expectProblem(await bad('filter=colour:red,kind:bank&sort=colour&group_by=name&cursor=x&page=2'), 400);
    expect(p.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'filter:filter.unknown_field',
      'filter.kind:filter.bad_value',
      'sort:sort.unknown_field',
      'group_by:group_by.unknown_field',
      'cursor:cursor.with_page',
      'cursor:cursor.invalid',
    ]);
  });

  it('reports shape problems and list-engine problems together', async () => {
    const p = expectProblem(await bad('per_page=500&filter=colour:red&sort=name:sideways&colour=red'), 400);
    expect(p.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual(['colour:unknown_field', 'filter:filter.unknown_field', 'per_page:too_big', 'sort:sort.syntax']);
  });
});
