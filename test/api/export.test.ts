import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportTo } from '../../src/cli/export.js';
import { fileColumns } from '../../src/contracts/fileColumns.js';
import type { Organization } from '../../src/contracts/organizations.js';
import { districtName } from '../../src/domain/district.js';
import { fourGlobalFeatures } from '../../src/domain/fourGlobal.js';
import { platformStatuses, platformTypes } from '../../src/domain/innovationPlatform.js';
import { recognitionLevels } from '../../src/domain/level.js';
import { organizationKinds } from '../../src/domain/organization.js';
import { qualificationTypes } from '../../src/domain/qualification.js';
import { zoneName } from '../../src/domain/zone.js';
import { createOrganization, createPlatform, createQualification, createRdInstitution } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

const { app, db, ctx } = await createTestApp();

/**
 * Exports of the registry lists: each format parses back to the rows the list API returns for the
 * same query, with Chinese or English headers, and formula-like texts neutralised.
 */
const orgs: Organization[] = [];
/** Texts a spreadsheet could take for a formula, and what the export must write for each. */
const FORMULA_ADDRESSES: Array<[string, string]> = [
  ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
  ['+86 731', `'+86 731`],
  ['-1+2', `'-1+2`],
  ['@SUM(A1)', `'@SUM(A1)`],
  ['\tcmd', `'\tcmd`],
  ['\rcmd', `'\rcmd`],
  [`'=already`, `''=already`],
  [`it's fine`, `it's fine`],
];

beforeAll(async () => {
  for (let i = 0; i < 12; i++) {
    orgs.push(
      await createOrganization(app, {
        name: `导出测试主体${String(i).padStart(2, '0')}`,
        name_en: i % 2 ? `Export Test ${i}` : null,
        kind: i % 3 === 0 ? 'university' : 'enterprise',
        founded_on: i % 4 === 0 ? null : `201${i % 10}-0${(i % 9) + 1}-15`,
        district_code: i % 5 === 0 ? null : '430104',
      }),
    );
  }
  // The API trims texts, so leading tabs and carriage returns are written straight to the table.
  for (const [i, [address]] of FORMULA_ADDRESSES.entries()) await db.query('UPDATE organizations SET address = $1 WHERE id = $2', [address, orgs[i]!.id]);
  await createQualification(app, { organization_id: orgs[1]!.id, certificate_no: '=1+1' });
  await createRdInstitution(app, {
    host_org_id: orgs[2]!.id,
    name: '导出测试研发中心',
    level: 'national',
    four_global: { global_layout: { evidence: '海外研发中心 2 个', confirmed_on: '2024-05-01' }, global_tasks: { evidence: '待确认', confirmed_on: null } },
  });
  await createPlatform(app, { host_org_id: orgs[3]!.id, name: '导出测试平台' });
});

const exportOf = (path: string, query: string) => app.inject({ method: 'GET', url: `/api/v1/${path}/export?${query}` });

/** A CSV export parsed back: checks the BOM and returns the header and the records. */
/** Where an organization's field stands in an export (the columns of the import format, in order). */
const at = (key: string) => fileColumns.organizations.findIndex((c) => c.key === key);

function csvOf(body: Buffer): { header: string[]; records: string[][] } {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...records] = parseCsv(body, { bom: true, relax_column_count: false }) as string[][];
  return { header: header!, records };
}

/** Every row the list API returns for a query, walking its cursor. */
async function listAll(path: string, query: string): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  let cursor = '*';
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/${path}?${query}&per_page=200&cursor=${encodeURIComponent(cursor)}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ results: Array<Record<string, unknown>>; meta: { next_cursor: string | null } }>();
    out.push(...page.results);
    if (!page.meta.next_cursor) return out;
    cursor = page.meta.next_cursor;
  }
}

describe('CSV export', () => {
  it('is UTF-8 with a BOM, Chinese headers and labels by default, named by entity and day', async () => {
    const res = await exportOf('organizations', '');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="organizations-\d{8}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^主体-\d{8}\.csv$/);
    const { header, records } = csvOf(res.rawPayload);
    expect(header).toEqual(fileColumns.organizations.map((c) => c.zh));
    expect(records).toHaveLength(orgs.length);
    expect(records.map((r) => r[0])).toEqual(orgs.map((o) => o.uscc));
    expect(records.map((r) => r[3])).toEqual(orgs.map((o) => organizationKinds[o.kind].zh));
    expect(records[0]![3]).toBe('高等院校');
    expect(records[1]![3]).toBe('企业');
  });

  it('has canonical keys, codes and empty cells in English', async () => {
    const { header, records } = csvOf((await exportOf('organizations', 'lang=en')).rawPayload);
    expect(header).toEqual(fileColumns.organizations.map((c) => c.key));
    expect(records.map((r) => r[at('kind')])).toEqual(orgs.map((o) => o.kind));
    expect(records.map((r) => r[at('founded_on')])).toEqual(orgs.map((o) => o.founded_on ?? ''));
    expect(records.map((r) => r[at('name_en')])).toEqual(orgs.map((o) => o.name_en ?? ''));
  });

  it('neutralises texts starting with = + - @ tab or CR with one apostrophe, and only those', async () => {
    const { records } = csvOf((await exportOf('organizations', 'lang=en')).rawPayload);
    const addresses = records.map((r) => r[at('address')]);
    FORMULA_ADDRESSES.forEach(([, expected], i) => expect(addresses[i]).toBe(expected));
    const q = csvOf((await exportOf('qualifications', 'lang=en')).rawPayload);
    expect(q.records[0]![2]).toBe(`'=1+1`);
  });

  it('applies the filter, search and sort of the list API, row for row', async () => {
    for (const query of ['filter=kind:enterprise&sort=name:desc', 'search=导出测试主体0&sort=founded_on', 'filter=founded_on:>2012-01-01,district_code:!null&sort=founded_on:desc']) {
      const { records } = csvOf((await exportOf('organizations', `lang=en&${query}`)).rawPayload);
      const listed = await listAll('organizations', query);
      expect(listed.length, query).toBeGreaterThan(0);
      expect(records.map((r) => r[0]), query).toEqual(listed.map((o) => o.uscc));
    }
  });
});

describe('XLSX export', () => {
  it('has one sheet named after the entity, a bold frozen header and text cells that match the list', async () => {
    const res = await exportOf('organizations', 'format=xlsx&filter=kind:enterprise');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="organizations-\d{8}\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['主体']);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...fileColumns.organizations.map((c) => c.zh)]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const listed = await listAll('organizations', 'filter=kind:enterprise');
    expect(sheet.rowCount).toBe(listed.length + 1);
    listed.forEach((o, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(o.uscc);
      expect(row.getCell(at('kind') + 1).value).toBe('企业');
      expect(row.getCell(at('founded_on') + 1).value).toBe(o.founded_on ?? null);
    });
  });

  it('names the sheet in English and neutralises formula-like cells', async () => {
    const res = await exportOf('organizations', 'format=xlsx&lang=en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Organizations');
    // XML normalises a carriage return inside a cell to a line feed; the apostrophe stays.
    FORMULA_ADDRESSES.forEach(([, expected], i) => expect(sheet.getRow(i + 2).getCell(at('address') + 1).value).toBe(expected.replace('\r', '\n')));
  });
});

describe('JSON Lines export', () => {
  it('writes one object per line keyed by canonical keys, texts verbatim', async () => {
    const res = await exportOf('organizations', 'format=jsonl&lang=en&sort=uscc:desc');
    expect(res.headers['content-type']).toBe('application/jsonl; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines.pop()).toBe('');
    const objects = lines.map((l) => JSON.parse(l) as Record<string, string | null>);
    const listed = await listAll('organizations', 'sort=uscc:desc');
    expect(objects.map((o) => o.uscc)).toEqual(listed.map((o) => o.uscc));
    expect(Object.keys(objects[0]!)).toEqual(fileColumns.organizations.map((c) => c.key));
    const byUscc = new Map(objects.map((o) => [o.uscc, o]));
    FORMULA_ADDRESSES.forEach(([stored], i) => expect(byUscc.get(orgs[i]!.uscc)?.address).toBe(stored));
    expect(byUscc.get(orgs[0]!.uscc)?.founded_on).toBeNull();
  });

  it('gives R&D institutions their host credit code and the four global features, confirmed = yes', async () => {
    const en = (await exportOf('rd-institutions', 'format=jsonl&lang=en')).body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);
    expect(en).toHaveLength(1);
    expect(en[0]).toMatchObject({
      host_uscc: orgs[2]!.uscc,
      name: '导出测试研发中心',
      level: 'national',
      global_layout: 'true',
      global_layout_evidence: '海外研发中心 2 个',
      global_layout_confirmed_on: '2024-05-01',
      global_tasks: 'false',
      global_tasks_evidence: '待确认',
      global_tasks_confirmed_on: null,
      global_results: 'false',
    });
    const zh = JSON.parse((await exportOf('rd-institutions', 'format=jsonl')).body) as Record<string, string | null>;
    expect(zh).toMatchObject({ level: '国家级', global_layout: '是', global_tasks: '否' });
  });

  it('exports qualifications and platforms with the holder’s and host’s credit codes', async () => {
    const q = JSON.parse((await exportOf('qualifications', 'format=jsonl&lang=en')).body) as Record<string, string | null>;
    expect(q).toMatchObject({ uscc: orgs[1]!.uscc, qualification: 'high_tech_enterprise', certificate_no: '=1+1', valid_from: '2023-10-16', valid_to: '2026-10-15' });
    const p = JSON.parse((await exportOf('platforms', 'format=jsonl&lang=en')).body) as Record<string, string | null>;
    expect(p).toMatchObject({ host_uscc: orgs[3]!.uscc, name: '导出测试平台', type: 'national_key_lab', status: 'active', district_code: '430104' });
    const { header } = csvOf((await exportOf('platforms', '')).rawPayload);
    expect(header).toEqual(fileColumns.platforms.map((c) => c.zh));
  });
});

describe('report view (报表格式)', () => {
  const city = ctx.city;
  const jsonLines = (body: string) => body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);

  it('is not the default: without a view, and with view=import, the export is the import format byte for byte', async () => {
    const plain = await exportOf('rd-institutions', 'format=jsonl');
    const imported = await exportOf('rd-institutions', 'format=jsonl&view=import');
    expect(imported.body).toBe(plain.body);
    expect(Object.keys(jsonLines(plain.body)[0]!)).toEqual(fileColumns.rd_institutions.map((c) => c.key));
    expect(jsonLines(plain.body)[0]).toMatchObject({ district_code: '430104', zone: 'xiangjiang_science_city' });
    expect(csvOf((await exportOf('qualifications', 'view=import')).rawPayload).header).toEqual(fileColumns.qualifications.map((c) => c.zh));
  });

  it('CSV in Chinese: names of districts and zones, code labels, 是/否, and the host’s name beside its credit code', async () => {
    const res = await exportOf('rd-institutions', 'view=report');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="rd-institutions-report-\d{8}\.csv"/);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toMatch(/^研发机构报表-\d{8}\.csv$/);
    const { header, records } = csvOf(res.rawPayload);
    const cell = (key: string) => records[0]![header.indexOf(key)];
    expect(header.slice(0, 3)).toEqual(['依托单位统一社会信用代码', '依托单位名称', '机构名称']);
    expect(records).toHaveLength(1);
    expect(records[0]!.slice(0, 3)).toEqual([orgs[2]!.uscc, orgs[2]!.name, '导出测试研发中心']);
    expect(cell('级别')).toBe(recognitionLevels.national.zh);
    expect(cell('所在区县')).toBe(districtName(city, '430104')!.zh);
    expect(cell('所在园区')).toBe(zoneName(city, 'xiangjiang_science_city')!.zh);
    expect([cell(fourGlobalFeatures.global_layout.zh), cell(fourGlobalFeatures.global_tasks.zh)]).toEqual(['是', '否']);
  });

  it('CSV in English: English headers, names and labels, Yes/No', async () => {
    const { header, records } = csvOf((await exportOf('rd-institutions', 'view=report&lang=en')).rawPayload);
    const cell = (label: string) => records[0]![header.indexOf(label)];
    expect(header.slice(0, 2)).toEqual(['Host organization credit code', 'Host organization name']);
    expect(cell('Host organization name')).toBe(orgs[2]!.name);
    expect(cell('Level')).toBe(recognitionLevels.national.en);
    expect(cell('District')).toBe(districtName(city, '430104')!.en);
    expect(cell('Zone')).toBe(zoneName(city, 'xiangjiang_science_city')!.en);
    expect(header).not.toContain('district_code');
    expect([cell(fourGlobalFeatures.global_layout.en), cell(fourGlobalFeatures.global_tasks.en)]).toEqual(['Yes', 'No']);
  });

  it('XLSX: the holder’s name beside each qualification’s credit code, the qualification by its label', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const res = await exportOf('qualifications', `format=xlsx&view=report&lang=${lang}`);
      expect(res.statusCode, res.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(lang === 'zh' ? ['统一社会信用代码', '持有主体名称', '资质'] : ['Unified social credit code', 'Holder name', 'Qualification']);
      expect(sheet.getRow(2).getCell(1).value).toBe(orgs[1]!.uscc);
      expect(sheet.getRow(2).getCell(2).value).toBe(orgs[1]!.name);
      expect(sheet.getRow(2).getCell(3).value).toBe(qualificationTypes.high_tech_enterprise[lang]);
      // The certificate number '=1+1' is guarded in a report as in the import format.
      expect(sheet.getRow(2).getCell(4).value).toBe(`'=1+1`);
    }
  });

  it('JSON Lines: canonical keys with host_name, values as labels in the chosen language', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const [p] = jsonLines((await exportOf('platforms', `format=jsonl&view=report&lang=${lang}`)).body);
      expect(Object.keys(p!).slice(0, 3)).toEqual(['host_uscc', 'host_name', 'name']);
      expect(p).toMatchObject({
        host_uscc: orgs[3]!.uscc,
        host_name: orgs[3]!.name,
        type: platformTypes.national_key_lab[lang],
        status: platformStatuses.active[lang],
        district_code: districtName(city, '430104')![lang],
        zone: zoneName(city, 'xiangjiang_science_city')![lang],
      });
    }
  });

  it('organizations: the name already beside the code, kinds and districts named, in the list’s filter and order', async () => {
    const query = 'filter=kind:enterprise&sort=name:desc';
    const { header, records } = csvOf((await exportOf('organizations', `view=report&lang=en&${query}`)).rawPayload);
    expect(header.slice(0, 2)).toEqual(['Unified social credit code', 'Name']);
    const listed = await listAll('organizations', query);
    expect(records.map((r) => r.slice(0, 2))).toEqual(listed.map((o) => [o.uscc, o.name]));
    const at = (label: string) => header.indexOf(label);
    expect(records.map((r) => r[at('Kind')])).toEqual(listed.map(() => organizationKinds.enterprise.en));
    expect(records.map((r) => r[at('District')])).toEqual(listed.map((o) => (o.district_code ? districtName(city, o.district_code as string)!.en : '')));
  });

  it('the host’s name is its name now: renaming the organization renames it in the next report', async () => {
    await db.query('UPDATE organizations SET name = $1 WHERE id = $2', ['改名后的依托单位', orgs[3]!.id]);
    const [p] = jsonLines((await exportOf('platforms', 'format=jsonl&view=report')).body);
    expect(p!.host_name).toBe('改名后的依托单位');
    await db.query('UPDATE organizations SET name = $1 WHERE id = $2', [orgs[3]!.name, orgs[3]!.id]);
  });

  it('starcity export --view report writes the report to --output, in-process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starcity-export-'));
    const report = join(dir, 'platforms.csv');
    await exportTo(ctx, 'platforms', { format: 'csv', lang: 'zh', view: 'report', output: report });
    const { header, records } = csvOf(readFileSync(report));
    expect(header.slice(0, 2)).toEqual(['依托单位统一社会信用代码', '依托单位名称']);
    expect(records[0]!.slice(0, 3)).toEqual([orgs[3]!.uscc, orgs[3]!.name, '导出测试平台']);
    expect(records[0]![header.indexOf('所在区县')]).toBe(districtName(city, '430104')!.zh);
    const plain = join(dir, 'platforms-import.csv');
    await exportTo(ctx, 'platforms', { format: 'csv', lang: 'zh', view: 'import', output: plain });
    expect(csvOf(readFileSync(plain)).header).toEqual(fileColumns.platforms.map((c) => c.zh));
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('bad export queries', () => {
  it.each([
    ['format=pdf', ['format']],
    ['lang=fr', ['lang']],
    ['filter=colour:red', ['filter']],
    ['filter=kind:robot', ['filter.kind']],
    ['sort=address', ['sort']],
    ['format=pdf&lang=fr&filter=colour:red', ['format', 'lang', 'filter']],
    ['view=pretty', ['view']],
    ['per_page=5', ['per_page']],
  ])('%s is a 400 naming the field, before any byte of a file', async (query, fields) => {
    const res = await exportOf('organizations', query);
    expectProblem(res, 400, fields);
    expect(res.headers['content-disposition']).toBeUndefined();
  });
});

describe('a large export', () => {
  it('streams a few thousand rows completely, in the list API\'s order, in batches', async () => {
    const N = 3500;
    await db.query(
      `INSERT INTO organizations (uscc, name, kind, district_code, founded_on)
       SELECT 'BULK' || lpad(i::text, 14, '0'), '批量导出主体' || i, 'enterprise', '430105', CASE WHEN i % 7 = 0 THEN NULL ELSE DATE '2000-01-01' + (i % 300) END
       FROM generate_series(1, ${N}) AS i`,
    );
    const csv = csvOf((await exportOf('organizations', 'lang=en&search=批量导出主体&sort=founded_on:desc')).rawPayload);
    expect(csv.records).toHaveLength(N);
    // Many rows share a date and 500 have none: batch boundaries fall inside ties and among the empty.
    const dates = csv.records.map((r) => r[6]!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(csv.records.map((r) => r[0])).size).toBe(N);
    const listed = await listAll('organizations', 'search=批量导出主体&sort=founded_on:desc');
    expect(csv.records.map((r) => r[0])).toEqual(listed.map((o) => o.uscc));
    const jsonl = (await exportOf('organizations', 'format=jsonl&filter=district_code:430105')).body.trim().split('\n');
    expect(jsonl).toHaveLength(N);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportOf('organizations', 'format=xlsx&filter=district_code:430105')).rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(N + 1);
  });
});
