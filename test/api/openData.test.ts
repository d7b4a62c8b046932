import { describe, expect, it } from 'vitest';
import { publicDatasetList, publicIndicatorDetail, publicIndicatorList, publicRowsPage, type PublicRowsPage } from '../../src/contracts/publicData.js';
import { buildApp } from '../../src/http/app.js';
import { shippedPublication } from '../../src/modules/openData/publication.js';
import { createOrganization, createPlatform, createRdInstitution } from '../support/factories.js';
import { observedDatabase, type Statement } from '../support/observedDatabase.js';
import { createTestApp } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

/**
 * The public read-only API (/api/v1/public): published rows and fields only, the registry's list
 * conventions over them, strong ETags with 304s and cached replies that cost no query, CORS, and a
 * per-client rate limit. One small registry made over the API, with planted values that must never
 * show: an unpublished field, a revoked platform, a draft and a withdrawn application.
 */

const statements: Statement[] = [];
const t = await createTestApp({ today: () => '2026-06-30', observe: (db) => observedDatabase(db, statements) });
const { app } = t;
const get = (url: string, headers: Record<string, string> = {}) => t.anonymous({ method: 'GET', url, headers });

const PLANTED = { address: '机密路 8848 号', revoked: '已撤销的秘密平台', draft: '草稿中的秘密中试平台', withdrawn: '已撤回的秘密中试平台' };
const YUELU = '430104';
const FURONG = '430102';

const host = await createOrganization(app, { name: '岳麓开放数据测试研究院', district_code: YUELU, address: PLANTED.address });
const other = await createOrganization(app, { name: '芙蓉开放数据测试公司', district_code: FURONG, zone: null, kind: 'university' });
const active = await createPlatform(app, { host_org_id: host.id, name: '开放数据运行平台', status: 'active' });
const building = await createPlatform(app, { host_org_id: other.id, name: '开放数据建设中平台', status: 'under_construction', district_code: FURONG, zone: null });
const revoked = await createPlatform(app, { host_org_id: host.id, name: PLANTED.revoked, status: 'revoked' });
await createRdInstitution(app, { host_org_id: host.id, established_on: '2024-03-01' });
const orgUser = await t.actAs('org_user', { organizationIds: [host.id], via: 'session' });
const application = (name: string) =>
  app.inject({ method: 'POST', url: '/api/v1/applications', headers: orgUser.headers, payload: { filing_type: 'pilot_platform', organization_id: host.id, field: 'advanced_manufacturing', data: { name, district_code: YUELU } } });
expect((await application(PLANTED.draft)).statusCode).toBe(201);
const withdrawn = (await application(PLANTED.withdrawn)).json<{ id: number }>();
expect((await app.inject({ method: 'POST', url: `/api/v1/applications/${withdrawn.id}/transitions`, headers: orgUser.headers, payload: { action: 'withdraw' } })).statusCode).toBe(200);
await app.inject({ method: 'POST', url: '/api/v1/recruitment-calls', payload: { org_id: host.id, title: '开放中的招贤令', positions: 3, published_on: '2026-05-01', deadline: '2026-12-31' } });
await app.inject({ method: 'POST', url: '/api/v1/recruitment-calls', payload: { org_id: host.id, title: '已截止的招贤令', positions: 2, published_on: '2025-05-01', deadline: '2025-12-31' } });
expect((await app.inject({ method: 'POST', url: '/api/v1/targets', payload: { indicator_code: 'rd_institutions.count', period: '2026', comparator: '>=', value: 4 } })).statusCode).toBe(201);

const publication = shippedPublication(t.ctx.city);
const fieldsOf = (id: string) => publication.datasets.find((d) => d.id === id)!.fields;
const rows = async (url: string): Promise<PublicRowsPage> => {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  return publicRowsPage.parse(res.json());
};

describe('the published datasets', () => {
  it('lists each dataset with its licence and a dictionary of its published fields only', async () => {
    const list = publicDatasetList.parse((await get('/api/v1/public/datasets')).json());
    expect(list.results.map((d) => d.id)).toEqual(publication.datasets.map((d) => d.id));
    const organizations = list.results.find((d) => d.id === 'organizations')!;
    expect(organizations.fields.map((f) => f.name)).toEqual(fieldsOf('organizations'));
    expect(organizations.fields.map((f) => f.name)).not.toContain('address');
    expect(organizations.licence.url).toBe('https://creativecommons.org/licenses/by/4.0/');
    const kind = organizations.fields.find((f) => f.name === 'kind')!;
    expect(kind).toMatchObject({ title: { zh: '主体类型', en: 'Kind' }, type: 'code', filterable: true });
    expect(kind.codes).toContainEqual({ code: 'university', label: { zh: '高等院校', en: 'University' } });
    expect((await get('/api/v1/public/datasets/tech_contracts')).statusCode).toBe(404);
  });

  it('serves rows with the published fields alone, and only the rows the dataset admits', async () => {
    const platforms = await rows('/api/v1/public/datasets/platforms/rows');
    expect(platforms.results.map((r) => r.id)).toEqual([active.id, building.id]);
    for (const row of platforms.results) expect(Object.keys(row)).toEqual(fieldsOf('platforms'));
    const organizations = await rows(`/api/v1/public/datasets/organizations/rows?filter=district_code:${YUELU}`);
    expect(organizations.results).toEqual([expect.objectContaining({ id: host.id, name: host.name, uscc: host.uscc })]);
    expect(JSON.stringify(organizations)).not.toContain(PLANTED.address);
    expect((await get(`/api/v1/public/datasets/platforms/rows/${active.id}`)).json()).toMatchObject({ id: active.id, host_name: host.name, status: 'active' });
    expectProblem(await get(`/api/v1/public/datasets/platforms/rows/${revoked.id}`), 404);
  });

  it('keeps the registry’s list conventions: filter, search, sort, group, cursor paging', async () => {
    expect((await rows('/api/v1/public/datasets/organizations/rows?search=芙蓉开放')).results.map((r) => r.id)).toEqual([other.id]);
    expect((await rows('/api/v1/public/datasets/platforms/rows?sort=name:desc')).results.map((r) => r.name)).toEqual(['开放数据运行平台', '开放数据建设中平台'].sort().reverse());
    expect((await rows('/api/v1/public/datasets/platforms/rows?group_by=status')).group_by.map((g) => [g.key, g.count])).toEqual([
      ['active', 1],
      ['under_construction', 1],
    ]);
    const first = await rows('/api/v1/public/datasets/platforms/rows?per_page=1&cursor=*');
    const second = await rows(`/api/v1/public/datasets/platforms/rows?per_page=1&cursor=${first.meta.next_cursor}`);
    expect([...first.results, ...second.results].map((r) => r.id)).toEqual([active.id, building.id]);
    expect(second.meta.next_cursor).toBeNull();
  });

  it('refuses to filter, sort or group by an unpublished field exactly as by an unknown one', async () => {
    const filter = expectProblem(await get('/api/v1/public/datasets/organizations/rows?filter=address:x'), 400);
    expect(errorAt(filter, 'filter')).toMatchObject({ code: 'filter.unknown_field', params: { name: 'address', available: fieldsOf('organizations') } });
    expect(errorAt(expectProblem(await get('/api/v1/public/datasets/organizations/rows?sort=created_at'), 400), 'sort').code).toBe('sort.unknown_field');
    expect(errorAt(expectProblem(await get('/api/v1/public/datasets/platforms/rows?group_by=innovation_zone'), 400), 'group_by').code).toBe('group_by.unknown_field');
  });

  it('never shows a draft or withdrawn application, nor a revoked platform, anywhere public', async () => {
    const replies = await Promise.all(['/api/v1/public/datasets/platforms/rows?per_page=200', '/api/v1/public/notices', '/api/v1/public/datasets/organizations/rows?per_page=200'].map((u) => get(u)));
    for (const res of replies) {
      expect(res.statusCode).toBe(200);
      for (const secret of [PLANTED.draft, PLANTED.withdrawn, PLANTED.revoked]) expect(res.body).not.toContain(secret);
    }
  });

  it('does not serve the registry’s cached page of the same list as a public page, nor the other way round', async () => {
    const registry = await app.inject({ method: 'GET', url: '/api/v1/platforms?filter=status:active|under_construction' });
    expect(registry.json<{ results: object[] }>().results[0]).toHaveProperty('version');
    for (const row of (await rows('/api/v1/public/datasets/platforms/rows')).results) expect(Object.keys(row)).toEqual(fieldsOf('platforms'));
  });

  it('lists the recruitment calls open today', async () => {
    expect((await rows('/api/v1/public/recruitment-calls')).results.map((r) => [r.title, r.status])).toEqual([['开放中的招贤令', 'open']]);
  });
});

describe('conditional and cached replies', () => {
  const url = '/api/v1/public/datasets/platforms/rows?sort=id';

  it('answers If-None-Match with a 304, and a repeated request from memory, neither with a database query', async () => {
    const first = await get(url);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    statements.length = 0;
    const notModified = await get(url, { 'if-none-match': tag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(tag);
    const again = await get(url);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(statements).toEqual([]);
  });

  it('validates only replies that exist: a refused query or a missing dataset has no tag, and * finds nothing there', async () => {
    const refused = await get('/api/v1/public/datasets/organizations/rows?filter=address:x');
    expect(refused.statusCode).toBe(400);
    expect(refused.headers.etag).toBeUndefined();
    const missing = await get('/api/v1/public/datasets/nothing_here', { 'if-none-match': '*' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    expect((await get(url)).statusCode).toBe(200);
    expect((await get(url, { 'if-none-match': '*' })).statusCode).toBe(304);
  });

  it('changes the tag once a table behind the reply changed, in this process or another', async () => {
    const before = await get(url);
    const added = await createPlatform(app, { host_org_id: other.id, name: '新登记的开放平台', status: 'active', district_code: FURONG, zone: null });
    // The change reaches the in-memory counters by NOTIFY when it commits (on PostgreSQL a moment later).
    await expect.poll(async () => (await get(url, { 'if-none-match': before.headers.etag as string })).statusCode).toBe(200);
    const after = await get(url);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(publicRowsPage.parse(after.json()).results.map((r) => r.id)).toContain(added.id);
    // A table the reply does not read leaves the tag as it was.
    await app.inject({ method: 'POST', url: '/api/v1/recruitment-calls', payload: { org_id: host.id, title: '不相干的招贤令', positions: 1, deadline: '2026-12-31' } });
    expect((await get(url, { 'if-none-match': after.headers.etag as string })).statusCode).toBe(304);
  });
});

describe('CORS and the per-client rate limit', () => {
  it('lets any origin read the public API, and only the public API', async () => {
    const res = await get('/api/v1/public/datasets', { origin: 'https://example.org' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toContain('ETag');
    const preflight = await t.anonymous({ method: 'OPTIONS', url: '/api/v1/public/datasets/platforms/rows', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(preflight.headers['access-control-allow-headers']).toContain('If-None-Match');
    expect((await t.anonymous({ method: 'GET', url: '/api/v1/meta/city', headers: { origin: 'https://example.org' } })).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 with Retry-After past the limit, counting signed-in callers too, per client address', async () => {
    const limited = await buildApp(t.ctx, { logLevel: false, version: 'test', publicRateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const from = (remoteAddress: string, headers: Record<string, string> = {}) => limited.inject({ method: 'GET', url: '/api/v1/public/datasets', remoteAddress, headers });
      expect((await from('203.0.113.7')).statusCode).toBe(200);
      expect((await from('203.0.113.7', { authorization: t.adminAuthorization })).statusCode).toBe(200);
      const refused = expectProblem(await from('203.0.113.7'), 429);
      expect(Number((await from('203.0.113.7')).headers['retry-after'])).toBeGreaterThan(0);
      expect(errorAt(refused, 'request')).toMatchObject({ code: 'rate_limit.exceeded', params: { max: 2, window_seconds: 60 } });
      expect(refused.errors[0]!.message.zh).toContain('开放数据接口');
      expect((await from('198.51.100.1')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the published indicators', () => {
  it('gives each published indicator five years of the dashboard’s figures and the running year’s target', async () => {
    const list = publicIndicatorList.parse((await get('/api/v1/public/indicators')).json());
    expect(list.results.map((i) => i.code)).toEqual(publication.indicators);
    const count = list.results.find((i) => i.code === 'rd_institutions.count')!;
    expect(count.values.map((v) => v.period)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    const observations = (await app.inject({ method: 'GET', url: '/api/v1/indicators/rd_institutions.count/observations' })).json<{ results: Array<{ period: string; value: number | null }> }>();
    for (const v of count.values) expect(v.value).toBe(observations.results.find((o) => o.period === v.period)!.value);
    expect(count.values.at(-1)!.value).toBe(1);
    expect(count.target).toMatchObject({ period: '2026', comparator: '>=', value: 4, current: 1 });
    expectProblem(await get('/api/v1/public/indicators/ip_loans.outstanding'), 404);
  });

  it('breaks a figure down by every district and by zone, and links to its published rows', async () => {
    const detail = publicIndicatorDetail.parse((await get('/api/v1/public/indicators/rd_institutions.count')).json());
    const districts2025 = detail.by_district.filter((p) => p.period === '2025');
    expect(districts2025.map((p) => p.key).sort()).toEqual(t.ctx.city.districts.map((d) => d.code).sort());
    expect(districts2025.find((p) => p.key === YUELU)?.value).toBe(1);
    expect(detail.by_zone.length).toBeGreaterThan(0);
    expect(detail.links.rows).toBe('/api/v1/public/indicators/rd_institutions.count/rows?period=2025');
    const behind = await rows(detail.links.rows!);
    expect(behind.results).toHaveLength(1);
    expect(Object.keys(behind.results[0]!)).toEqual(fieldsOf('rd_institutions'));
    const official = publicIndicatorDetail.parse((await get('/api/v1/public/indicators/gdp')).json());
    expect([official.by_district, official.by_zone, official.links.rows]).toEqual([[], [], null]);
  });
});
