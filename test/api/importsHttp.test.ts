import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { fileColumns } from '../../src/contracts/fileColumns.js';
import { describe, expect, it } from 'vitest';
import { importList, importPreview, importProblemPage, importRecord } from '../../src/contracts/imports.js';
import { validUscc } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem, rowCount, snapshot } from './helpers.js';

const { app, db } = await createTestApp();

/**
 * The import API over HTTP: multipart preview and upload, the background run polled through its
 * record, problems as JSON pages and as the CSV report, templates, the list of imports.
 */

interface FilePart {
  name: string;
  fileName: string;
  content: Buffer | string;
  type?: string;
}

/** A multipart/form-data body built by hand: text fields, then files, in the order given. */
function multipart(fields: Record<string, string>, files: FilePart[] = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----starcity${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.fileName}"\r\nContent-Type: ${f.type ?? 'text/csv'}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const csvFile = (lines: string[], fileName = 'organizations.csv'): FilePart => ({ name: 'file', fileName, content: `${lines.join('\n')}\n` });
const post = (url: string, fields: Record<string, string>, files: FilePart[] = []) => app.inject({ method: 'POST', url, ...multipart(fields, files) });

/** Uploads, checks the 202, and polls the record until the import is no longer running. */
async function importAndWait(fields: Record<string, string>, file: FilePart) {
  const res = await post('/api/v1/imports', fields, [file]);
  expect(res.statusCode, res.body).toBe(202);
  const accepted = importRecord.parse(res.json());
  expect(res.headers.location).toBe(`/api/v1/imports/${accepted.id}`);
  for (let i = 0; i < 200; i++) {
    const got = await app.inject({ method: 'GET', url: res.headers.location as string });
    expect(got.statusCode).toBe(200);
    const record = importRecord.parse(got.json());
    if (record.status !== 'running') return record;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not finish');
}

const counts = (r: { read: number; inserted: number; updated: number; unchanged: number; rejected: number }) => ({ read: r.read, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected });
const orgHeader = 'uscc,名称,kind,district_code,founded_on';

describe('POST /api/v1/imports/preview', () => {
  it('answers for a large file too, reading only its first rows and discarding the rest', async () => {
    const lines = [orgHeader, ...Array.from({ length: 40_000 }, (_, i) => `${validUscc()},大文件预览公司${i},企业,430104,2020-01-01`)];
    const res = await post('/api/v1/imports/preview', { entity: 'organizations' }, [csvFile(lines)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(importPreview.parse(res.json()).rows).toHaveLength(20);
  });

  it('maps the columns (an unknown header too) and shows the first rows, writing nothing', async () => {
    const before = await snapshot(db);
    const lines = [`${orgHeader},备注`, ...Array.from({ length: 30 }, (_, i) => `${validUscc()},预览公司${i},企业,430104,2020-01-0${(i % 9) + 1},x`)];
    const res = await post('/api/v1/imports/preview', { entity: 'organizations' }, [csvFile(lines)]);
    expect(res.statusCode, res.body).toBe(200);
    const preview = importPreview.parse(res.json());
    expect(preview.format).toBe('csv');
    expect(preview.encoding).toBe('utf-8');
    expect(preview.columns).toEqual([
      { header: 'uscc', key: 'uscc' },
      { header: '名称', key: 'name' },
      { header: 'kind', key: 'kind' },
      { header: 'district_code', key: 'district_code' },
      { header: 'founded_on', key: 'founded_on' },
      { header: '备注', key: null },
    ]);
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0]).toMatchObject({ line: 2, cells: [expect.any(String), '预览公司0', '企业', '430104', '2020-01-01', 'x'] });
    expect(preview.file_problems).toEqual([expect.objectContaining({ severity: 'warning', column: '备注' })]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('names a bad entity and a missing file', async () => {
    expectProblem(await post('/api/v1/imports/preview', { entity: 'planets' }, [csvFile([orgHeader])]), 400, ['entity']);
    expectProblem(await post('/api/v1/imports/preview', { entity: 'organizations' }), 400, ['file']);
  });
});

describe('POST /api/v1/imports', () => {
  it('answers 202 with the record, imports in the background and puts the rows in the registry', async () => {
    const [A, B] = [validUscc(), validUscc()];
    const before = await rowCount(db, 'organizations');
    const record = await importAndWait({ entity: 'organizations' }, csvFile([orgHeader, `${A},接口甲公司,企业,430104,2015-03-01`, `${B},接口乙大学,university,430105,`]));
    expect(record).toMatchObject({ status: 'succeeded', committed: true, entity: 'organizations', file_name: 'organizations.csv', options: { mode: 'upsert', atomic: false, dry_run: false } });
    expect(counts(record)).toEqual({ read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(record.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.file_size).toBeGreaterThan(0);
    expect(record.created_by, 'who started it').toMatch(/^test-admin-/);
    expect(await rowCount(db, 'organizations')).toBe(before + 2);
    const list = await app.inject({ method: 'GET', url: `/api/v1/organizations?search=${encodeURIComponent('接口甲公司')}` });
    expect(list.json().meta.count).toBe(1);
  });

  it('reports bad rows: status rejected, problems as JSON pages and as the CSV report', async () => {
    const lines = [orgHeader, `${validUscc()},好公司,enterprise,430104,`, 'BAD,坏代码,enterprise,430104,', `${validUscc()},坏日期,enterprise,430104,2025-02-30`];
    const record = await importAndWait({ entity: 'organizations' }, csvFile(lines, '长沙 导入.csv'));
    expect(record.status).toBe('rejected');
    expect(counts(record)).toEqual({ read: 3, inserted: 1, updated: 0, unchanged: 0, rejected: 2 });

    const page = await app.inject({ method: 'GET', url: `/api/v1/imports/${record.id}/problems?per_page=1` });
    expect(page.statusCode, page.body).toBe(200);
    const first = importProblemPage.parse(page.json());
    expect(first.meta).toEqual({ count: record.problems_stored, per_page: 1, page: 1 });
    expect(first.results).toHaveLength(1);
    const all = importProblemPage.parse((await app.inject({ method: 'GET', url: `/api/v1/imports/${record.id}/problems` })).json());
    expect([...new Set(all.results.map((p) => p.line))]).toEqual([3, 4]);
    expect(all.results.every((p) => p.message.zh && p.message.en)).toBe(true);

    const report = await app.inject({ method: 'GET', url: `/api/v1/imports/${record.id}/report.csv` });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    expect(report.headers['content-disposition']).toBe(`attachment; filename="import-${record.id}-report.csv"; filename*=UTF-8''${encodeURIComponent('长沙 导入-report.csv')}`);
    expect(report.body.startsWith('\uFEFF行号 line,列 column,')).toBe(true);
    const rows = report.body.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(all.meta.count);
    expect([...new Set(rows.map((r) => r.split(',')[0]))]).toEqual(['3', '4']);
  });

  it('writes nothing on a dry run, which is recorded with the same report', async () => {
    const before = await snapshot(db);
    const record = await importAndWait({ entity: 'organizations', dry_run: 'true' }, csvFile([orgHeader, `${validUscc()},试运行公司,enterprise,430104,`]));
    expect(record).toMatchObject({ status: 'succeeded', committed: false, options: { dry_run: true } });
    expect(counts(record)).toEqual({ read: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('atomic: one bad row and nothing is written', async () => {
    const before = await snapshot(db);
    const record = await importAndWait({ entity: 'organizations', atomic: 'true' }, csvFile([orgHeader, `${validUscc()},原子公司,enterprise,430104,`, 'BAD,坏代码,enterprise,430104,']));
    expect(record).toMatchObject({ status: 'rejected', committed: false, rejected: 1 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('insert mode rejects an existing key', async () => {
    const A = validUscc();
    const lines = [orgHeader, `${A},插入模式公司,enterprise,430104,`];
    expect((await importAndWait({ entity: 'organizations' }, csvFile(lines))).status).toBe('succeeded');
    const again = await importAndWait({ entity: 'organizations', mode: 'insert' }, csvFile(lines));
    expect(again).toMatchObject({ status: 'rejected', rejected: 1, inserted: 0, options: { mode: 'insert' } });
  });

  it('refuses bad fields, naming each, and records nothing', async () => {
    const listed = async () => importList.parse((await app.inject({ method: 'GET', url: '/api/v1/imports' })).json()).meta.count;
    const before = await listed();
    expectProblem(await post('/api/v1/imports', { entity: 'planets', mode: 'merge' }, [csvFile([orgHeader])]), 400, ['entity', 'mode']);
    expectProblem(await post('/api/v1/imports', { entity: 'organizations', colour: 'red' }, [csvFile([orgHeader])]), 400, ['colour']);
    expectProblem(await post('/api/v1/imports', { entity: 'organizations' }), 400, ['file']);
    expectProblem(await post('/api/v1/imports', { entity: 'organizations' }, [{ ...csvFile([orgHeader]), name: 'upload' }]), 400, ['file', 'upload']);
    expectProblem(await post('/api/v1/imports', { entity: 'organizations' }, [csvFile([orgHeader]), csvFile([orgHeader])]), 400, ['file']);
    expect(await listed()).toBe(before);
  });

  it('refuses a body that is not multipart with 415', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/imports', payload: { entity: 'organizations' } }), 415, ['body']);
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/imports', payload: 'uscc,name', headers: { 'content-type': 'text/csv' } }), 415, ['body']);
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/imports/preview', payload: 'x', headers: { 'content-type': 'text/plain' } }), 415, ['body']);
  });
});

describe('templates', () => {
  it('serves a CSV template with BOM and the Chinese headers, which imports as an empty file', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/imports/templates/organizations.csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('organizations-template.csv');
    expect(res.body).toBe('\uFEFF统一社会信用代码,名称,英文名称,主体类型,国民经济行业代码,所在区县代码,所在园区,成立日期,地址,校验位放行理由\r\n');
    const record = await importAndWait({ entity: 'organizations' }, { name: 'file', fileName: 'template.csv', content: res.rawPayload });
    expect(record).toMatchObject({ status: 'succeeded', read: 0, detected: { format: 'csv' } });
  });

  it('serves an XLSX template of every entity that imports as an empty file', async () => {
    for (const entity of ['organizations', 'qualifications', 'rd_institutions', 'platforms']) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/imports/templates/${entity}.xlsx` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]!.rowCount).toBe(1);
      const record = await importAndWait({ entity }, { name: 'file', fileName: `${entity}.xlsx`, content: res.rawPayload, type: 'application/octet-stream' });
      expect(record, entity).toMatchObject({ status: 'succeeded', read: 0, detected: { format: 'xlsx' } });
    }
  });

  it('gives the canonical English headers on request', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/imports/templates/rd_institutions.csv?lang=en' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('rd_institutions-template.csv');
    expect(res.body.split('\r\n')[0]).toBe(`\uFEFF${fileColumns.rd_institutions.map((c) => c.key).join(',')}`);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/imports/templates/organizations.csv?lang=fr' }), 400, ['lang']);
  });

  it('names a template that does not exist', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/imports/templates/planets.csv' }), 400, ['entity']);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/imports/templates/organizations.pdf' }), 400, ['format']);
  });
});

describe('GET /api/v1/imports', () => {
  it('lists the imports newest first, filterable by entity and status', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/imports?per_page=200' });
    expect(res.statusCode, res.body).toBe(200);
    const list = importList.parse(res.json());
    expect(list.meta.count).toBeGreaterThan(5);
    const ids = list.results.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const rejected = importList.parse((await app.inject({ method: 'GET', url: '/api/v1/imports?filter=status:rejected,entity:organizations' })).json());
    expect(rejected.results.length).toBeGreaterThan(0);
    expect(rejected.results.every((r) => r.status === 'rejected')).toBe(true);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/imports?filter=status:lost' }), 400, ['filter.status']);
  });

  it('answers 404 for an import that does not exist', async () => {
    for (const path of ['', '/problems', '/report.csv']) expectProblem(await app.inject({ method: 'GET', url: `/api/v1/imports/999999${path}` }), 404);
  });
});
