import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { dataDictionary, releaseList, type ReleaseList } from '../../src/contracts/openDataReleases.js';
import { publicRowsPage, type PublicRow } from '../../src/contracts/publicData.js';
import { storedValue } from '../../src/modules/openData/downloadFiles.js';
import { shippedPublication } from '../../src/modules/openData/publication.js';
import { currentRelease } from '../../src/modules/openData/releases.js';
import { createOrganization, createPlatform } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * The open-data bulk downloads (issue 16): each dataset's gzip CSV (with a BOM) and JSON Lines hold
 * exactly the public rows API's rows; a write makes a new release at the next download, with its
 * change log; a write to an unpublished field makes none; the dictionary names the published
 * fields; the DCAT catalogue names every dataset and file with its true size and checksum.
 */

/** The city's day; a test turns it. */
let today = '2026-06-30';
const t = await createTestApp({ today: () => today });
const { app } = t;
const get = (url: string, headers: Record<string, string> = {}) => t.anonymous({ method: 'GET', url, headers });
const base = '/api/v1/public/datasets';

const host = await createOrganization(app, { name: '下载测试研究院, "一号"', address: '机密路 1 号' });
const leaving = await createOrganization(app, { name: '将被删除的公司' });
await createOrganization(app, { name: '=SUM(A1) 公式样公司', kind: 'university' });
await createPlatform(app, { host_org_id: host.id, name: '下载测试平台' });
const call = await app.inject({ method: 'POST', url: '/api/v1/recruitment-calls', payload: { org_id: host.id, title: '七月截止的招贤令', positions: 2, published_on: '2026-06-01', deadline: '2026-07-15' } });
expect(call.statusCode, call.body).toBe(201);
const publication = shippedPublication(t.ctx.city);
/** The organization the release test registers (the tests run in the file's order). */
let newcomer = 0;

/** Every published row of a dataset through the rows API, values as the files write them. */
async function apiRows(dataset: string): Promise<Array<Record<string, string | boolean | null>>> {
  const page = publicRowsPage.parse((await get(`${base}/${dataset}/rows?per_page=100`)).json());
  expect(page.meta.next_cursor ?? null).toBeNull();
  return page.results.map((row: PublicRow) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, storedValue(v)])));
}

async function download(dataset: string, format: 'csv.gz' | 'jsonl.gz') {
  const res = await get(`${base}/${dataset}/download.${format}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** CSV cells are texts: an empty cell is no value, and a formula-like text carries the export's guard. */
const csvRows = (text: Buffer) => (parse(text.subarray(3), { columns: true }) as Array<Record<string, string>>).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v.replace(/^'(?=[=+\-@])/, '')])));
const jsonlRows = (text: Buffer) => text.toString('utf8').trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const asText = (rows: Array<Record<string, string | boolean | null>>) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v])));
const releases = async (dataset: string): Promise<ReleaseList> => releaseList.parse((await get(`${base}/${dataset}/releases`)).json());

describe('bulk downloads', () => {
  it('serves every dataset as gzip CSV with a BOM and as JSON Lines, holding the rows API’s rows', async () => {
    for (const dataset of publication.datasets.map((d) => d.id)) {
      const expected = asText(await apiRows(dataset));
      const csv = await download(dataset, 'csv.gz');
      expect(csv.headers['content-type']).toBe('application/gzip');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="${dataset}-r1.csv.gz"`);
      expect(csv.headers['access-control-allow-origin']).toBe('*');
      const text = gunzipSync(csv.rawPayload);
      expect([...text.subarray(0, 3)], dataset).toEqual([0xef, 0xbb, 0xbf]);
      const fields = publication.datasets.find((d) => d.id === dataset)!.fields;
      expect(text.subarray(3).toString('utf8').split('\r\n')[0]).toBe(fields.join(','));
      expect(csvRows(text), dataset).toEqual(expected);
      expect(jsonlRows(gunzipSync((await download(dataset, 'jsonl.gz')).rawPayload)), dataset).toEqual(expected);
    }
    expect(asText(await apiRows('organizations')).map((r) => r.name)).toContain('=SUM(A1) 公式样公司');
  });

  it('answers If-None-Match with a 304 while nothing changed', async () => {
    const first = await download('organizations', 'csv.gz');
    const tag = first.headers.etag as string;
    expect(first.headers['cache-control']).toMatch(/public/);
    const again = await get(`${base}/organizations/download.csv.gz`, { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // A HEAD tells the size without the bytes.
    const head = await t.anonymous({ method: 'HEAD', url: `${base}/organizations/download.csv.gz` });
    expect(head.statusCode).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(first.rawPayload.length);
    expect(head.rawPayload.length).toBe(0);
  });

  it('makes a new release after a write, once, with the rows added, changed and removed', async () => {
    const before = await releases('organizations');
    const tag = (await download('organizations', 'csv.gz')).headers.etag as string;
    const renamed = await app.inject({ method: 'PATCH', url: `/api/v1/organizations/${host.id}`, headers: { 'if-match': `"${host.version}"` }, payload: { name: '下载测试研究院（更名）' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const added = await createOrganization(app, { name: '新登记的公司' });
    newcomer = added.id;
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/organizations/${leaving.id}`, headers: { 'if-match': `"${leaving.version}"` } })).statusCode).toBe(204);

    // The ETag follows the tables' counters as notified (LISTEN/NOTIFY): a moment after the commit.
    await expect.poll(async () => (await get(`${base}/organizations/download.csv.gz`, { 'if-none-match': tag })).statusCode).toBe(200);
    // Two downloads at once after the change build one release between them.
    const [csv, jsonl] = await Promise.all([download('organizations', 'csv.gz'), download('organizations', 'jsonl.gz')]);
    const after = await releases('organizations');
    expect(after.current).toBe(before.current + 1);
    expect(after.results.length).toBe(before.results.length + 1);
    expect(after.results[0]).toMatchObject({ release: after.current, added: 1, changed: 1, removed: 1, ids: { added: [String(added.id)], changed: [String(host.id)], removed: [String(leaving.id)] } });
    expect(after.results[0]!.row_count).toBe(before.results[0]!.row_count);
    expect(after.results.at(-1)).toMatchObject({ release: 1, removed: 0, ids: null });
    expect(after.results.at(-1)!.added).toBe(after.results.at(-1)!.row_count);
    expect(csv.headers['content-disposition']).toContain(`-r${after.current}.csv.gz`);
    const expected = asText(await apiRows('organizations'));
    expect(csvRows(gunzipSync(csv.rawPayload))).toEqual(expected);
    expect(jsonlRows(gunzipSync(jsonl.rawPayload))).toEqual(expected);
    // What the release says of its files is what is served.
    const stored = after.results[0]!.files.find((f) => f.format === 'csv.gz')!;
    expect(stored.byte_size).toBe(csv.rawPayload.length);
    expect(stored.sha256).toBe(createHash('sha256').update(csv.rawPayload).digest('hex'));
  });

  it('makes no release for a write no published field shows', async () => {
    const before = await releases('organizations');
    const current = (await app.inject({ method: 'GET', url: `/api/v1/organizations/${newcomer}` })).json<{ version: number }>();
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/organizations/${newcomer}`, headers: { 'if-match': `"${current.version}"` }, payload: { address: '另一条保密的路' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const csv = await download('organizations', 'csv.gz');
    expect(gunzipSync(csv.rawPayload).toString('utf8')).not.toContain('保密');
    expect(await releases('organizations')).toEqual(before);
  });

  it('makes a release of the datasets a new day changes, and builds no other again', async () => {
    const latest = async (dataset: string) => (await t.ctx.db.query<{ source_key: string; version: number }>('SELECT source_key, version FROM open_data_releases WHERE dataset_id = $1 ORDER BY release_no DESC LIMIT 1', [dataset])).rows[0]!;
    await download('recruitment_calls', 'csv.gz');
    const calls = await releases('recruitment_calls');
    const organizations = await latest('organizations');
    today = '2026-07-20';
    await download('organizations', 'csv.gz');
    // The call's deadline passed: its status reads closed.
    const closed = jsonlRows(gunzipSync((await download('recruitment_calls', 'jsonl.gz')).rawPayload));
    expect(closed.find((r) => r.id === String(call.json<{ id: number }>().id))).toMatchObject({ status: 'closed' });
    expect((await releases('recruitment_calls')).results[0]).toMatchObject({ release: calls.current + 1, added: 0, changed: 1, removed: 0, ids: { changed: [String(call.json<{ id: number }>().id)] } });
    expect(await latest('organizations')).toEqual(organizations);
  });

  it('never serves a release whose files are not all written, and clears it at the next build', async () => {
    const before = await currentRelease(t.ctx, 'platforms');
    // What a build that failed half-way leaves: a release row without its files.
    await t.ctx.db.query(
      `INSERT INTO open_data_releases (dataset_id, release_no, released_at, source_key, row_count, added, changed, removed, changes, files)
       VALUES ('platforms', $1, now(), 'half-built', 0, 0, 0, 0, '{}', '[]')`,
      [before.number + 1],
    );
    expect(await currentRelease(t.ctx, 'platforms')).toEqual(before);
    const added = await createPlatform(app, { host_org_id: host.id, name: '半途之后的平台' });
    const after = await currentRelease(t.ctx, 'platforms');
    expect(after).toMatchObject({ number: before.number + 1, added: 1, changes: { added: [String(added.id)] } });
    expect((await download('platforms', 'csv.gz')).headers['content-disposition']).toContain(`-r${after.number}.csv.gz`);
    expect((await t.ctx.db.query("SELECT 1 FROM open_data_releases WHERE files = '[]'::jsonb")).rows).toEqual([]);
  });

  it('answers an unknown dataset with a 404 problem', async () => {
    expectProblem(await get(`${base}/tech_contracts/download.csv.gz`), 404);
    expectProblem(await get(`${base}/nothing/dictionary.json`), 404);
    expectProblem(await get(`${base}/nothing/releases`), 404);
  });
});

describe('data dictionary', () => {
  it('names the published fields in the files’ order, with zh/en names, types, formats, code lists and the licence', async () => {
    for (const dataset of publication.datasets) {
      const res = await get(`${base}/${dataset.id}/dictionary.json`);
      expect(res.statusCode).toBe(200);
      const dictionary = dataDictionary.parse(res.json());
      expect(dictionary.fields.map((f) => f.name)).toEqual(dataset.fields);
      expect(dictionary.licence).toEqual(publication.licence);
      for (const field of dictionary.fields) expect(field.title.zh && field.title.en && field.format.zh && field.format.en, field.name).toBeTruthy();
      expect((await get(`${base}/${dataset.id}/dictionary.json`, { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
    }
    const kind = dataDictionary.parse((await get(`${base}/organizations/dictionary.json`)).json()).fields.find((f) => f.name === 'kind')!;
    expect(kind.codes).toContainEqual({ code: 'university', label: { zh: '高等院校', en: 'University' } });
  });
});

describe('DCAT catalogue', () => {
  it('is JSON-LD that names every dataset and each file with its link, media type, size and SHA-256', async () => {
    const res = await get('/api/v1/public/catalog.jsonld');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    const expanded = await jsonld.expand(res.json());
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const DCT = 'http://purl.org/dc/terms/';
    const SPDX = 'http://spdx.org/rdf/terms#';
    const catalog = expanded.find((n) => (n['@type'] as string[]).includes(`${DCAT}Catalog`))!;
    const datasets = catalog[`${DCAT}dataset`] as Array<Record<string, Array<Record<string, unknown>>>>;
    expect(datasets.map((d) => d[`${DCT}identifier`]![0]!['@value'])).toEqual(publication.datasets.map((d) => d.id));
    for (const dataset of datasets) {
      const id = dataset[`${DCT}identifier`]![0]!['@value'] as string;
      const titles = dataset[`${DCT}title`]!.map((v) => [v['@language'], v['@value']]);
      const published = publication.datasets.find((d) => d.id === id)!;
      expect(titles).toEqual([
        ['zh', published.title.zh],
        ['en', published.title.en],
      ]);
      expect(dataset[`${DCT}license`]![0]!['@id']).toBe(publication.licence.url);
      const distributions = dataset[`${DCAT}distribution`] as Array<Record<string, Array<Record<string, unknown>>>>;
      expect(distributions).toHaveLength(2);
      for (const distribution of distributions) {
        const url = new URL(distribution[`${DCAT}downloadURL`]![0]!['@id'] as string);
        expect(url.pathname).toMatch(new RegExp(`^${base}/${id}/download\\.(csv|jsonl)\\.gz$`));
        expect(distribution[`${DCAT}mediaType`]![0]!['@id']).toMatch(/^http:\/\/www\.iana\.org\/assignments\/media-types\/(text\/csv|application\/jsonl)$/);
        const body = (await get(url.pathname)).rawPayload;
        expect(Number(distribution[`${DCAT}byteSize`]![0]!['@value'])).toBe(body.length);
        const checksum = distribution[`${SPDX}checksum`]![0]!;
        expect((checksum[`${SPDX}algorithm`] as Array<Record<string, string>>)[0]!['@id']).toBe(`${SPDX}checksumAlgorithm_sha256`);
        expect((checksum[`${SPDX}checksumValue`] as Array<Record<string, string>>)[0]!['@value']).toBe(createHash('sha256').update(body).digest('hex'));
      }
    }
    expect((await get('/api/v1/public/catalog.jsonld', { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
  });
});
