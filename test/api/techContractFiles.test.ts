import { createReadStream, createWriteStream, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFormats, exportLanguages } from '../../src/contracts/exports.js';
import { type TechContractCreate } from '../../src/contracts/techContracts.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { exportList } from '../../src/modules/exports/service.js';
import { importProblems } from '../../src/modules/imports/queries.js';
import { runImport } from '../../src/modules/imports/service.js';
import { createOrganization } from '../support/factories.js';
import { tempDirs } from '../support/tempDirs.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * Technology contracts in files (issue 14): export → import identity in every format and
 * language, new rows completed as the API completes them, a row-level report for every kind of
 * bad input with nothing written, and the export route read by reach. The demo has no contracts
 * yet, so this file makes its own few (test/api/importRoundTrip.test.ts covers the demo's entities).
 */
const t = await createTestApp({ today: () => '2026-12-04' });
const { app, ctx, db } = t;
const dir = tempDirs().make('contract-files');
const defaults: { mode: 'upsert' | 'insert'; atomic: boolean; dryRun: boolean; actor: ReturnType<typeof systemActor>; area?: { districts: string[]; zones: string[] } } = { mode: 'upsert', atomic: true, dryRun: false, actor: systemActor('test') };

const YUELU = '430104';
const seller = await createOrganization(app, { name: '岳麓卖方科技有限公司', district_code: YUELU, zone: 'xiangjiang_new_area' });
const other = await createOrganization(app, { name: '芙蓉卖方科技有限公司', district_code: '430102', zone: null });
const buyer = await createOrganization(app, { name: '开福买方制造有限公司', district_code: '430105', zone: null });

let n = 0;
async function make(overrides: Partial<TechContractCreate> = {}): Promise<void> {
  const payload = {
    contract_number: `JS-2025-${++n}`, title: '智能制造控制系统委托开发', type: 'development', sub_type: 'commissioned', seller_org_id: seller.id,
    buyer_name: '深圳某科技有限公司', buyer_region: '440305', contract_amount: '1250000.00', transaction_amount: '1000000.5', signed_on: '2025-03-01', ...overrides,
  };
  const res = await app.inject({ method: 'POST', url: '/api/v1/tech-contracts', payload });
  expect(res.statusCode, res.body).toBe(201);
}
await make();
await make({ status: 'registered', registered_on: '2025-04-02', technology_field: 'advanced_manufacturing', end_on: '2026-03-01' });
await make({ buyer_name: null, buyer_region: null, buyer_org_id: buyer.id, type: 'transfer', sub_type: 'patent_right', contract_amount: '9999999999999.99', transaction_amount: '0' });
await make({ buyer_name: 'Siemens AG', buyer_region: 'DE', status: 'not_registered', not_registered_reason: 'terms_unclear' });
await make({ seller_org_id: other.id, contract_number: 'JS-2025-1' });

const versions = async () => (await db.query<{ id: number; version: number }>('SELECT id, version FROM tech_contracts ORDER BY id')).rows;
const countRows = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tech_contracts')).rows[0]!.n;
const problemsOf = async (id: number) => {
  const out: Array<{ line: number; column: string | null; code: string }> = [];
  for await (const p of importProblems(db, id)) out.push({ line: p.line ?? 0, column: p.column, code: p.code });
  return out;
};
const importText = (text: string, options: Partial<typeof defaults> = {}) =>
  runImport(ctx, { entity: 'tech_contracts', stream: Readable.from([Buffer.from(text)]), fileName: 'contracts.csv', ...defaults, ...options });

describe('technology contracts: export → import round trip', () => {
  for (const format of exportFormats)
    for (const lang of exportLanguages)
      it(`as ${format} (${lang}) imports back unchanged`, async () => {
        const file = join(dir, `contracts-${lang}.${format}`);
        await pipeline(exportList(ctx, { entity: 'tech_contracts', format, lang }).stream, createWriteStream(file));
        const before = await versions();
        const r = await runImport(ctx, { entity: 'tech_contracts', stream: createReadStream(file), fileName: file, fileSize: statSync(file).size, ...defaults, atomic: false });
        expect(r.status, JSON.stringify(await problemsOf(r.id))).toBe('succeeded');
        expect({ read: r.read, unchanged: r.unchanged }).toEqual({ read: before.length, unchanged: before.length });
        expect(await versions()).toEqual(before);
      });
});

const HEADER = 'seller_uscc,contract_number,title,type,sub_type,buyer_uscc,buyer_name,buyer_region,contract_amount,transaction_amount,signed_on,registered_on,status';

describe('technology contracts: a file of new contracts', () => {
  it('is completed as the API completes a record: the seller’s place, a registry buyer’s region, flow, and a registration number', async () => {
    const file = [
      HEADER,
      `${seller.uscc},F-1,委托开发,development,commissioned,${buyer.uscc},,,500000,400000.1,2025-05-01,2025-06-01,registered`,
      `${seller.uscc},F-2,技术咨询,技术咨询,technology CONSULTING,,Acme Ltd,US,80000.5,80000.5,2025-05-02,,`,
    ].join('\n');
    const r = await importText(file);
    expect(r.status, JSON.stringify(await problemsOf(r.id))).toBe('succeeded');
    expect(r.inserted).toBe(2);
    const { rows } = await db.query<Record<string, unknown>>(
      "SELECT contract_number, type, sub_type, buyer_org_id, buyer_region, flow, district_code, zone, status, contract_amount::text AS amount, registration_number FROM tech_contracts WHERE contract_number LIKE 'F-%' ORDER BY contract_number",
    );
    expect(rows[0]).toMatchObject({ buyer_org_id: buyer.id, buyer_region: '430105', flow: 'local', district_code: YUELU, zone: 'xiangjiang_new_area', status: 'registered', amount: '500000.00' });
    expect(rows[0]!.registration_number).toMatch(/^2025430100\d{6}$/);
    expect(rows[1]).toMatchObject({ type: 'consulting', sub_type: 'consulting', buyer_org_id: null, buyer_region: 'US', flow: 'abroad', status: 'draft', amount: '80000.50', registration_number: null });
  });
});

describe('technology contracts: registration numbers from a file', () => {
  const last = async () => (await db.query<{ last: number }>("SELECT last FROM registration_counters WHERE year = 2025")).rows[0]?.last ?? 0;
  const registered = (number: string) => `${HEADER}\n${seller.uscc},${number},合同,development,commissioned,,某公司,440305,100,100,2025-01-01,2025-05-05,registered`;

  it('numbers only rows it writes: not an existing key in insert mode, nor a dry run', async () => {
    const before = await last();
    expect((await importText(registered('JS-2025-1'), { mode: 'insert', atomic: false })).rejected).toBe(1);
    expect((await importText(registered('N-1'), { dryRun: true, atomic: false })).inserted).toBe(1);
    expect(await last()).toBe(before);
    expect((await importText(registered('N-1'))).inserted).toBe(1);
    expect(await last()).toBe(before + 1);
    const { rows } = await db.query<{ registration_number: string }>("SELECT registration_number FROM tech_contracts WHERE contract_number = 'N-1'");
    expect(rows[0]!.registration_number).toBe(`2025430100${String(before + 1).padStart(6, '0')}`);
    // The same file again: its empty number cell keeps the stored number, nothing changes.
    expect((await importText(registered('N-1'))).unchanged).toBe(1);
  });

  it('refuses a registration number another contract holds, in the database or earlier in the batch', async () => {
    const { rows } = await db.query<{ registration_number: string }>("SELECT registration_number FROM tech_contracts WHERE contract_number = 'N-1'");
    const held = rows[0]!.registration_number;
    const file = [
      `${HEADER},registration_number`,
      `${seller.uscc},N-2,合同,development,commissioned,,某公司,440305,100,100,2025-01-01,2025-05-05,registered,${held}`,
      `${seller.uscc},N-3,合同,development,commissioned,,某公司,440305,100,100,2025-01-01,2025-05-05,registered,2025430100900000`,
      `${seller.uscc},N-4,合同,development,commissioned,,某公司,440305,100,100,2025-01-01,2025-05-05,registered,2025430100900000`,
    ].join('\n');
    const r = await importText(file, { atomic: false });
    expect((await problemsOf(r.id)).map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'registration_number', 'registration_number.duplicate'],
      [4, 'registration_number', 'registration_number.duplicate'],
    ]);
    expect(r.inserted).toBe(1);
  });
});

describe('technology contracts: numbers a file gives, and who may import contracts', () => {
  const counter = async (year: number) => (await db.query<{ last: number }>('SELECT last FROM registration_counters WHERE year = $1', [year])).rows[0]?.last ?? 0;

  it('keeps a number the file gives and moves the sequence past it, so it is never handed out again', async () => {
    const file = [
      `${HEADER},registration_number`,
      `${seller.uscc},K-1,合同,development,commissioned,,某公司,440305,100,100,2023-01-01,2023-05-05,registered,2023430100000500`,
      `${seller.uscc},K-2,合同,development,commissioned,,某公司,440305,100,100,2023-01-01,2023-05-06,registered,`,
    ].join('\n');
    const r = await importText(file);
    expect(r.status, JSON.stringify(await problemsOf(r.id))).toBe('succeeded');
    const { rows } = await db.query<{ registration_number: string }>("SELECT registration_number FROM tech_contracts WHERE contract_number LIKE 'K-%' ORDER BY contract_number");
    expect(rows.map((x) => x.registration_number)).toEqual(['2023430100000500', '2023430100000501']);
    expect(await counter(2023)).toBe(501);
  });

  it('refuses an officer whose token may import but not write contracts (403), before anything is recorded', async () => {
    const importer = await t.actAs('officer', { scopes: ['imports.write', 'imports.read', 'tech_contracts.read'] });
    const boundary = '----starcity-contracts';
    const part = (head: string, body: string) => `--${boundary}\r\nContent-Disposition: form-data; ${head}\r\n\r\n${body}\r\n`;
    const payload = `${part('name="entity"', 'tech_contracts')}${part('name="file"; filename="c.csv"\r\nContent-Type: text/csv', registeredRow('P-1'))}--${boundary}--\r\n`;
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports')).rows[0]!.n;
    const res = await app.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { ...importer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(expectProblem(res, 403).errors[0]).toMatchObject({ field: 'permission', code: 'permission.token_scope', params: { permission: 'tech_contracts.write' } });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports')).rows[0]!.n).toBe(before);
  });
});

describe('technology contracts: a file changes a registration no more than the API may', () => {
  it('refuses a registered contract’s new amount and a status only an application sets, at their cells; a new title is written', async () => {
    const stored = `${seller.uscc},JS-2025-2,智能制造控制系统委托开发,development,commissioned,,深圳某科技有限公司,440305`;
    const file = [
      HEADER,
      `${stored},2500000,1000000.5,2025-03-01,2025-04-02,registered`,
      `${seller.uscc},S-1,合同,development,commissioned,,某公司,440305,100,100,2025-01-01,,submitted`,
    ].join('\n');
    const r = await importText(file, { atomic: false });
    expect((await problemsOf(r.id)).map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'contract_amount', 'tech_contract.registered'],
      [3, 'status', 'tech_contract.status_by_workflow'],
    ]);
    expect(r.inserted + r.updated).toBe(0);
    const retitled = await importText(`${HEADER}\n${stored.replace('委托开发', '委托开发（二期）')},1250000.00,1000000.50,2025-03-01,2025-04-02,registered`);
    expect(retitled.updated, JSON.stringify(await problemsOf(retitled.id))).toBe(1);
  });
});

const registeredRow = (number: string) => `${HEADER}\n${seller.uscc},${number},合同,development,commissioned,,某公司,440305,100,100,2025-01-01,2025-05-05,registered`;

describe('technology contracts: an import limited to an area', () => {
  it('places a row with an empty district at its seller’s before judging it: in the area written, outside refused', async () => {
    const file = [
      'seller_uscc,contract_number,title,type,sub_type,buyer_name,buyer_region,contract_amount,transaction_amount,signed_on,district_code,zone',
      `${seller.uscc},A-1,合同,development,commissioned,某公司,440305,100,100,2025-01-01,,`,
      `${other.uscc},A-2,合同,development,commissioned,某公司,440305,100,100,2025-01-01,,`,
    ].join('\n');
    const r = await importText(file, { atomic: false, area: { districts: [YUELU], zones: [] } });
    expect({ inserted: r.inserted, rejected: r.rejected }).toEqual({ inserted: 1, rejected: 1 });
    expect((await problemsOf(r.id)).map((p) => [p.line, p.column, p.code])).toEqual([[3, 'district_code', 'scope.area']]);
  });
});

describe('technology contracts: bad rows are reported row by row, and an atomic import writes nothing', () => {
  it('names the column of every bad input of issue 14', async () => {
    const before = await countRows();
    const row = (number: string, cells: Partial<Record<'seller' | 'type' | 'buyerUscc' | 'buyerName' | 'region' | 'amount' | 'transaction' | 'signed', string>>) =>
      [cells.seller ?? seller.uscc, number, '合同', cells.type ?? 'development', 'commissioned', cells.buyerUscc ?? '', cells.buyerName ?? '某公司', cells.region ?? '440305', cells.amount ?? '100000', cells.transaction ?? '100000', cells.signed ?? '2025-01-01', '', ''].join(',');
    const file = [
      HEADER,
      row('B-1', { transaction: '100000.01' }),
      row('B-2', { region: '999999' }),
      row('B-3', { signed: '2026-12-05' }),
      row('B-4', {}),
      row('B-4', {}),
      row('B-6', { amount: '-5' }),
      row('B-7', { amount: 'NaN' }),
      row('B-8', { amount: '1e20' }),
      row('B-9', { type: 'magic' }),
      row('B-10', { seller: '91430100MA4L000000' }),
      row('B-11', { buyerUscc: '91430100MA4L000000', buyerName: '', region: '' }),
      row('JS-2025-2', {}),
      row('B-13', {}),
    ].join('\n');
    const r = await importText(file, { mode: 'insert' });
    expect(r.status).toBe('rejected');
    const problems = await problemsOf(r.id);
    const at = (line: number) => problems.filter((p) => p.line === line).map((p) => `${p.column}:${p.code}`);
    expect(at(2)).toEqual(['transaction_amount:transaction_amount.above_contract']);
    expect(at(3)).toEqual(['buyer_region:region.unknown']);
    expect(at(4)).toEqual(['signed_on:date.future']);
    expect(at(6)).toEqual([expect.stringMatching(/^seller_uscc:duplicate_key$/)]);
    expect(at(7)).toEqual(['contract_amount:amount.negative']);
    expect(at(8)).toEqual(['contract_amount:amount.format']);
    expect(at(9)).toEqual(['contract_amount:amount.format']);
    expect(at(10)).toEqual(['type:contract_type.unknown']);
    expect(at(11).map((p) => p.split(':')[0])).toEqual(['seller_uscc']);
    expect(at(12).map((p) => p.split(':')[0])).toEqual(['buyer_uscc']);
    expect(at(13)).toEqual(['seller_uscc:import.exists']);
    expect(at(14)).toEqual([]);
    expect(await countRows()).toBe(before);
  });
});

describe('GET /api/v1/tech-contracts/export', () => {
  it('is not public, and gives an organization user its own sales only', async () => {
    expectProblem(await t.anonymous({ method: 'GET', url: '/api/v1/tech-contracts/export?format=jsonl&lang=en' }), 401);
    const orgUser = await t.actAs('org_user', { organizationIds: [other.id] });
    const res = await app.inject({ method: 'GET', url: '/api/v1/tech-contracts/export?format=jsonl&lang=en', headers: orgUser.headers });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(rows.map((r) => r.seller_uscc)).toEqual([other.uscc]);
  });

  it('writes a report with names and labels beside the codes', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/tech-contracts/export?format=jsonl&lang=zh&view=report&filter=${encodeURIComponent('status:registered')}` });
    expect(res.statusCode, res.body).toBe(200);
    const [first] = res.body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(first).toMatchObject({ seller_name: '岳麓卖方科技有限公司', status: '已登记', district_code: '岳麓区', zone: '湘江新区', type: '技术开发', sub_type: '委托开发', technology_field: '先进制造' });
  });

  it('offers the empty template with Chinese headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/imports/templates/tech_contracts.csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toContain('卖方统一社会信用代码,合同编号,合同名称');
    writeFileSync(join(dir, 'template.csv'), res.body);
  });
});

describe('GET /api/v1/tech-contracts/top-sellers', () => {
  const top = async (query: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: `/api/v1/tech-contracts/top-sellers?${query}`, headers });
  let a: Awaited<ReturnType<typeof createOrganization>>;
  let b: typeof a;
  beforeAll(async () => {
    a = await createOrganization(app, { name: '甲科技有限公司', district_code: YUELU, zone: null });
    b = await createOrganization(app, { name: '乙科技有限公司', district_code: '430102', zone: null });
    // 2024 holds only these: 0.10 + 0.20 must sum to exactly 0.30, which floats do not.
    const registered = { status: 'registered' as const, signed_on: '2024-01-02', registered_on: '2024-02-01' };
    await make({ ...registered, seller_org_id: a.id, contract_amount: '0.10', transaction_amount: '0.10' });
    await make({ ...registered, seller_org_id: a.id, contract_amount: '0.20', transaction_amount: '0' });
    await make({ ...registered, seller_org_id: b.id, contract_amount: '1.00', transaction_amount: '1.00' });
    await make({ seller_org_id: a.id, signed_on: '2024-03-01', contract_amount: '50.00', transaction_amount: '50.00' });
    await make({ ...registered, seller_org_id: a.id, registered_on: '2025-01-01', contract_amount: '70.00', transaction_amount: '7.00' });
  });

  it('ranks the sellers of a year by their registered contracts’ amounts, summed exactly; drafts and other years left out', async () => {
    const res = await top('period=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      period: '2024',
      area: '430100',
      items: [
        { rank: 1, seller_org_id: b.id, seller_name: '乙科技有限公司', seller_uscc: b.uscc, contracts: 1, contract_amount: '1.00', transaction_amount: '1.00' },
        { rank: 2, seller_org_id: a.id, seller_name: '甲科技有限公司', seller_uscc: a.uscc, contracts: 2, contract_amount: '0.30', transaction_amount: '0.10' },
      ],
    });
  });

  it('takes a limit, a quarter and a district', async () => {
    expect((await top('period=2024&limit=1')).json().items.map((i: { seller_org_id: number }) => i.seller_org_id)).toEqual([b.id]);
    expect((await top('period=2024Q1&area=430104')).json().items.map((i: { seller_org_id: number }) => i.seller_org_id)).toEqual([a.id]);
    expect((await top('period=2024Q2')).json().items).toEqual([]);
  });

  it('answers within the caller’s reach', async () => {
    const orgUser = await t.actAs('org_user', { organizationIds: [a.id] });
    expect((await top('period=2024', orgUser.headers)).json().items.map((i: { seller_org_id: number }) => i.seller_org_id)).toEqual([a.id]);
    expectProblem(await t.anonymous({ method: 'GET', url: '/api/v1/tech-contracts/top-sellers?period=2024' }), 401);
  });

  it('refuses an unknown area, a bad period and a limit out of range, naming the field', async () => {
    expectProblem(await top('period=2024&area=110101'), 400, ['area']);
    expectProblem(await top('period=24'), 400, ['period']);
    expectProblem(await top('period=2024&limit=0'), 400, ['limit']);
  });
});
