import { hostname } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { FileEntity } from '../../src/contracts/fileColumns.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { claimProvenance } from '../../src/modules/imports/fourGlobalColumns.js';
import { problemCsvLines } from '../../src/modules/imports/problems.js';
import { getImportRecord, importProblems } from '../../src/modules/imports/queries.js';
import { runImport, type RunImportInput } from '../../src/modules/imports/service.js';
import { todayIn } from '../../src/domain/calendarDate.js';
import { validUscc } from '../support/factories.js';
import { tempDirs } from '../support/tempDirs.js';
import { createTestApp } from '../support/testApp.js';
import { rowCount, type Table } from './helpers.js';

const { ctx, db } = await createTestApp();
const dir = tempDirs().make('import');

/**
 * The import's second stage on a real database: classification into inserted / updated /
 * unchanged / rejected, modes, dry runs and the import records (export → import identity:
 * importRoundTrip.test.ts).
 */
const csv = (...lines: string[]) => Readable.from([Buffer.from(`${lines.join('\n')}\n`, 'utf8')]);
const defaults = { mode: 'upsert', atomic: false, dryRun: false, actor: systemActor('test') } as const;
const importCsv = (entity: FileEntity, lines: string[], opts: Partial<RunImportInput> = {}) =>
  runImport(ctx, { entity, stream: csv(...lines), fileName: `${entity}.csv`, ...defaults, ...opts });

const versions = async (table: Table, on = db) => (await on.query<{ id: number; version: number }>(`SELECT id, version FROM ${table} ORDER BY id`)).rows;
const counts = (r: { read: number; inserted: number; updated: number; unchanged: number; rejected: number }) => ({ read: r.read, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected });

const A = validUscc();
const B = validUscc();
const C = validUscc();
const orgHeader = 'uscc,name,kind,district_code,founded_on';

describe('organizations', () => {
  it('inserts, then finds everything unchanged on a re-import, leaving versions as they were', async () => {
    const lines = [orgHeader, `${A},导入甲公司,企业,430104,2015-03-01`, `${B},导入乙大学,university,430105,`];
    const first = await importCsv('organizations', lines);
    expect(first.status).toBe('succeeded');
    expect(first.committed).toBe(true);
    expect(counts(first)).toEqual({ read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    const before = await versions('organizations');
    const again = await importCsv('organizations', lines);
    expect(counts(again)).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(again.file_sha256).toBe(first.file_sha256);
    expect(await versions('organizations')).toEqual(before);
  });

  it('updates only the changed rows and only the columns the file has', async () => {
    await db.query("UPDATE organizations SET address = '岳麓区某路 1 号' WHERE uscc = $1", [A]);
    const r = await importCsv('organizations', ['uscc,name,kind', `${A},导入甲公司（更名）,enterprise`, `${B},导入乙大学,university`, `${C},导入丙公司,enterprise`]);
    expect(counts(r)).toEqual({ read: 3, inserted: 1, updated: 1, unchanged: 1, rejected: 0 });
    const { rows } = await db.query<{ name: string; address: string; founded_on: string; version: number }>('SELECT name, address, founded_on, version FROM organizations WHERE uscc = $1', [A]);
    expect(rows[0]).toEqual({ name: '导入甲公司（更名）', address: '岳麓区某路 1 号', founded_on: '2015-03-01', version: 2 });
  });

  it('reports bad rows and writes the good ones (partial), storing the problems', async () => {
    const D = validUscc();
    const r = await importCsv('organizations', [orgHeader, `${D},导入丁公司,enterprise,430104,`, `BAD,坏代码,enterprise,430104,`, `${validUscc()},坏日期,enterprise,430104,2025-02-30`]);
    expect(r.status).toBe('rejected');
    expect(counts(r)).toEqual({ read: 3, inserted: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(r.problems_total).toBeGreaterThanOrEqual(2);
    const stored = [];
    for await (const p of importProblems(db, r.id)) stored.push(p);
    expect(stored.map((p) => p.line)).toEqual(expect.arrayContaining([3, 4]));
    expect(stored.every((p) => p.message.zh !== '' && p.message.en !== '')).toBe(true);
    let report = '';
    for await (const line of problemCsvLines(importProblems(db, r.id))) report += line;
    expect(report.split('\r\n').length).toBe(stored.length + 2);
  });

  it('insert mode rejects an existing key with a bilingual reason', async () => {
    const E = validUscc();
    const r = await importCsv('organizations', [orgHeader, `${A},导入甲公司,enterprise,430104,`, `${E},导入戊公司,enterprise,430104,`], { mode: 'insert' });
    expect(counts(r)).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    const [p] = await collect(importProblems(db, r.id));
    expect(p).toMatchObject({ line: 2, code: 'import.exists', value: A });
    expect(p!.message.zh).toMatch(/已存在/);
    expect(p!.message.en).toMatch(/already exists/);
  });

  it('atomic: one bad row and nothing is written; dry run: nothing is written, same classification', async () => {
    const before = await rowCount(db, 'organizations');
    const F = validUscc();
    const atomic = await importCsv('organizations', [orgHeader, `${F},导入己公司,enterprise,430104,`, `${A},导入甲公司（再更名）,enterprise,430104,`, `X,坏,enterprise,430104,`], { atomic: true });
    expect(atomic.status).toBe('rejected');
    expect(atomic.committed).toBe(false);
    expect(counts(atomic)).toEqual({ read: 3, inserted: 1, updated: 1, unchanged: 0, rejected: 1 });
    expect(await rowCount(db, 'organizations')).toBe(before);
    expect((await collect(importProblems(db, atomic.id))).map((p) => p.line)).toEqual([4]);

    const dry = await importCsv('organizations', [orgHeader, `${F},导入己公司,enterprise,430104,`, `${A},导入甲公司（再更名）,enterprise,430104,`], { dryRun: true });
    expect(dry.status).toBe('succeeded');
    expect(dry.committed).toBe(false);
    expect(dry.options.dry_run).toBe(true);
    expect(counts(dry)).toEqual({ read: 2, inserted: 1, updated: 1, unchanged: 0, rejected: 0 });
    expect(await rowCount(db, 'organizations')).toBe(before);

    const good = await importCsv('organizations', [orgHeader, `${F},导入己公司,enterprise,430104,`], { atomic: true });
    expect(good.status).toBe('succeeded');
    expect(good.committed).toBe(true);
    expect(await rowCount(db, 'organizations')).toBe(before + 1);
  });

  it('a refused file is recorded as rejected with its file problem', async () => {
    const r = await importCsv('organizations', ['colour,shape', 'red,round']);
    expect(r.status).toBe('rejected');
    expect(r.read).toBe(0);
    expect((await collect(importProblems(db, r.id))).length).toBeGreaterThan(0);
  });
});

describe('import records', () => {
  it('an import whose process died is marked failed (interrupted) when the next one starts', async () => {
    const { rows } = await db.query<{ id: number }>(
      "INSERT INTO imports (entity, file_name, options, runner) VALUES ('organizations', 'killed.csv', '{}', $1) RETURNING id",
      [`${hostname()}:2147483646`],
    );
    const insert = async (runner: string, idleMinutes: number) =>
      (await db.query<{ id: number }>(
        "INSERT INTO imports (entity, file_name, options, runner, heartbeat_at) VALUES ('organizations', 'x.csv', '{}', $1, now() - make_interval(mins => $2)) RETURNING id",
        [runner, idleMinutes],
      )).rows[0]!.id;
    const live = await insert(`${hostname()}:${process.pid}`, 30);
    const silentElsewhere = await insert('another-host:12', 11);
    const busyElsewhere = await insert('another-host:13', 1);
    await importCsv('organizations', [orgHeader, `${A},导入甲公司（更名）,enterprise,430104,2015-03-01`]);
    const killed = await getImportRecord(db, rows[0]!.id);
    expect(killed).toMatchObject({ status: 'failed', error: 'interrupted' });
    expect(killed!.finished_at).not.toBeNull();
    expect((await getImportRecord(db, silentElsewhere))).toMatchObject({ status: 'failed', error: 'interrupted' });
    expect((await getImportRecord(db, live))!.status).toBe('running');
    expect((await getImportRecord(db, busyElsewhere))!.status).toBe('running');
    await db.query('DELETE FROM imports WHERE id = ANY($1::int[])', [[live, busyElsewhere]]);
  });

  it('stores who, when, the file and the options', async () => {
    const r = await runImport(ctx, { entity: 'organizations', stream: csv(orgHeader), fileName: '空.csv', fileSize: 40, ...defaults, atomic: true, actor: { ...defaults.actor, username: 'tester' } });
    expect(r).toMatchObject({ entity: 'organizations', file_name: '空.csv', file_size: 40, created_by: 'tester', status: 'succeeded', read: 0 });
    expect(r.options).toEqual({ mode: 'upsert', atomic: true, dry_run: false, encoding: null, sheet: null, districts: [], zones: [] });
    expect(r.detected).toEqual({ format: 'csv', encoding: 'utf-8', sheet: null });
    expect(Date.parse(r.finished_at!)).toBeGreaterThanOrEqual(Date.parse(r.started_at));
  });

  it('stores the area an import was limited to (starcity import --district/--zone), once each', async () => {
    const r = await runImport(ctx, { entity: 'organizations', stream: csv(orgHeader), fileName: '空.csv', ...defaults, area: { districts: ['430104', '430105', '430104'], zones: ['changsha_hitech_zone'] } });
    expect(r.options).toMatchObject({ districts: ['430104', '430105'], zones: ['changsha_hitech_zone'] });
  });

  it('an import limited to districts rejects the rows outside them, and writes the others', async () => {
    const [inside, outside] = [validUscc(), validUscc()];
    const r = await runImport(ctx, { entity: 'organizations', stream: csv(orgHeader, `${inside},区内公司,enterprise,430104,`, `${outside},区外公司,enterprise,430111,`), fileName: 'o.csv', ...defaults, area: { districts: ['430104'] } });
    expect(counts(r)).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    const problems = [];
    for await (const p of importProblems(db, r.id)) problems.push(p);
    expect(problems).toEqual([{ line: 3, column: 'district_code', value: '430111', code: 'scope.area', message: { zh: '该行位于区县 雨花区 430111，不在您的管辖范围（岳麓区）', en: 'This row lies in district Yuhua District 430111, outside your area (Yuelu District)' } }]);
  });
});

describe('references and four-global claims', () => {
  const H = validUscc();
  const rdHeader = 'host_uscc,name,category,level,district_code,global_layout,global_layout_evidence,global_tasks,global_tasks_evidence';

  it('rejects a dangling host; resolves a host created by an earlier organizations import', async () => {
    const line = `${H},导入研发中心,enterprise_rd_center,provincial,430104,是,,否,海外客户任务 3 项`;
    const dangling = await importCsv('rd_institutions', [rdHeader, line]);
    expect(counts(dangling)).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 0, rejected: 1 });
    expect((await collect(importProblems(db, dangling.id)))[0]!.code).toBe('reference.unknown_organization');

    await importCsv('organizations', [orgHeader, `${H},导入依托单位,enterprise,430104,`]);
    const resolved = await importCsv('rd_institutions', [rdHeader, line]);
    expect(counts(resolved)).toEqual({ read: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0 });
    const { rows } = await db.query<Record<string, string | null>>('SELECT global_layout_evidence, global_layout_confirmed_on, global_tasks_evidence, global_tasks_confirmed_on FROM rd_institutions WHERE name = $1', ['导入研发中心']);
    // 是 without evidence: confirmed on the import's day, the file and line as provenance.
    expect(rows[0]).toEqual({
      global_layout_evidence: claimProvenance('rd_institutions.csv', 2),
      global_layout_confirmed_on: todayIn(ctx.city.timeZone),
      global_tasks_evidence: '海外客户任务 3 项',
      global_tasks_confirmed_on: null,
    });
    const again = await importCsv('rd_institutions', [rdHeader, line]);
    expect(counts(again)).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    // Imported on a later day, on another line: a bare 是 keeps the confirmation it finds.
    await db.query("UPDATE rd_institutions SET global_layout_confirmed_on = '2024-01-02' WHERE name = $1", ['导入研发中心']);
    const later = await importCsv('rd_institutions', [rdHeader, `${H},另一研发中心,other,none,430104,,,,`, line]);
    expect(counts(later)).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 1, rejected: 0 });
  });

  it('writes qualifications and platforms under their organization', async () => {
    const q = await importCsv('qualifications', ['uscc,qualification,valid_from,valid_to', `${H},高新技术企业,2024-01-01,2026-12-31`]);
    expect(counts(q)).toMatchObject({ inserted: 1, rejected: 0 });
    const p = await importCsv('platforms', ['host_uscc,name,type,level,status,district_code', `${H},导入平台,pilot_platform,municipal,运行,430104`]);
    expect(counts(p)).toMatchObject({ inserted: 1, rejected: 0 });
    const p2 = await importCsv('platforms', ['host_uscc,name,type,level,status,district_code', `${H},导入平台,pilot_platform,municipal,建设中,430104`]);
    expect(counts(p2)).toMatchObject({ updated: 1 });
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
