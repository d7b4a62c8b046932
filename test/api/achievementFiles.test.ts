import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { exportFormats, exportLanguages } from '../../src/contracts/exports.js';
import { achievementFileEntities, fileColumns, type AchievementFileEntity } from '../../src/contracts/fileColumns.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { exportList } from '../../src/modules/exports/service.js';
import { importProblems } from '../../src/modules/imports/queries.js';
import { runImport } from '../../src/modules/imports/service.js';
import { createOrganization } from '../support/factories.js';
import { tempDirs } from '../support/tempDirs.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * Projects, achievements, transfers and incubations in files (issue 14): export → import identity
 * in every format, organizations by credit code and achievements by their key, rows written
 * through the services (copied fields completed as the API completes them), a bad row reported at
 * its line and column in both languages with nothing written, and the templates' headers.
 */
const t = await createTestApp({ today: () => '2026-12-04' });
const { app, ctx, db } = t;
const dir = tempDirs().make('achievement-files');
const defaults = { mode: 'upsert', atomic: true, dryRun: false, actor: systemActor('test') } as const;

const YUELU = '430104';
const owner = await createOrganization(app, { name: '岳麓成果科技有限公司', district_code: YUELU, zone: 'xiangjiang_new_area' });
const partner = await createOrganization(app, { name: '芙蓉合作研究院', district_code: '430102', zone: null });
const receiver = await createOrganization(app, { name: '开福受让制造有限公司', district_code: '430105', zone: null });
const enterprise = await createOrganization(app, { name: '雨花新创科技有限公司', district_code: '430111', zone: null });

async function post(path: string, payload: Record<string, unknown>): Promise<{ id: number }> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/${path}`, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
await post('projects', { title: '高端装备控制芯片攻关', lead_org_id: owner.id, partner_org_ids: [partner.id], programme: 'national_key_rd', budget: '12000000.5', start_on: '2024-01-01', end_on: '2026-12-31', status: 'ongoing' });
const chip = await post('achievements', { title: '车规级控制芯片', type: 'product', key_tech_breakthrough: true, year: 2025, organization_ids: [owner.id, partner.id], evidence: '省级鉴定证书' });
await post('achievements', { title: '数控系统软件', type: 'software', year: 2024, organization_ids: [owner.id], zone: null });
await post('transfers', { achievement_id: chip.id, receiver_org_id: receiver.id, mode: 'licence', amount: '3500000', transferred_on: '2025-06-01' });
await post('incubations', { enterprise_org_id: enterprise.id, achievement_id: chip.id, incubated_on: '2025-08-01' });

const versions = async (table: AchievementFileEntity) => (await db.query<{ id: number; version: number }>(`SELECT id, version FROM ${table} ORDER BY id`)).rows;
const problemsOf = async (id: number) => {
  const out: Array<{ line: number; column: string | null; code: string; zh: string; en: string }> = [];
  for await (const p of importProblems(db, id)) out.push({ line: p.line ?? 0, column: p.column, code: p.code, zh: p.message.zh, en: p.message.en });
  return out;
};
const importText = (entity: AchievementFileEntity, text: string, options: Partial<{ mode: 'upsert' | 'insert'; atomic: boolean; dryRun: boolean }> = {}) =>
  runImport(ctx, { entity, stream: Readable.from([Buffer.from(text)]), fileName: `${entity}.csv`, ...defaults, ...options });

describe('export → import round trip', () => {
  // One file per entity, formats and languages taken in turn: the readers are the other entities'
  // (test/api/importRoundTrip.test.ts), what is new here is the rows.
  for (const [i, entity] of achievementFileEntities.entries()) {
    const format = exportFormats[i % exportFormats.length]!;
    const lang = exportLanguages[i % exportLanguages.length]!;
    it(`${entity} as ${format} (${lang}) imports back unchanged`, async () => {
      const file = join(dir, `${entity}-${lang}.${format}`);
      await pipeline(exportList(ctx, { entity, format, lang }).stream, createWriteStream(file));
      const before = await versions(entity);
      expect(before.length).toBeGreaterThan(0);
      const r = await runImport(ctx, { entity, stream: createReadStream(file), fileName: file, fileSize: statSync(file).size, ...defaults });
      expect(r.status, JSON.stringify(await problemsOf(r.id))).toBe('succeeded');
      expect({ read: r.read, unchanged: r.unchanged }).toEqual({ read: before.length, unchanged: before.length });
      expect(await versions(entity)).toEqual(before);
    });
  }

  it('writes a report with names beside credit codes and labels in either language', async () => {
    const file = join(dir, 'achievements-report.csv');
    await pipeline(exportList(ctx, { entity: 'achievements', format: 'csv', lang: 'en', view: 'report' }).stream, createWriteStream(file));
    const [header, ...lines] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header).toContain('Owner credit code,Owner name,Title');
    expect(lines.join('\n')).toContain(`${owner.uscc},岳麓成果科技有限公司,车规级控制芯片,2025,Product,${partner.uscc},Yes`);
  });
});

describe('new rows are written as the API writes them', () => {
  it('an achievement lies where its owner does; a transfer copies its achievement’s owner and place', async () => {
    const achievements = [
      '成果所有单位统一社会信用代码,成果名称,成果年份,成果类型,其他完成单位统一社会信用代码,全球领先,佐证材料',
      `${owner.uscc},高精度减速器,2025,装备,${partner.uscc}；${receiver.uscc},是,国际检测报告`,
    ].join('\n');
    const a = await importText('achievements', achievements);
    expect(a.status, JSON.stringify(await problemsOf(a.id))).toBe('succeeded');
    const { rows } = await db.query<Record<string, unknown>>("SELECT id, type, owner_org_id, globally_leading, district_code, zone FROM achievements WHERE title = '高精度减速器'");
    expect(rows[0]).toMatchObject({ type: 'equipment', owner_org_id: owner.id, globally_leading: true, district_code: YUELU, zone: 'xiangjiang_new_area' });
    const others = await db.query<{ org_id: number }>('SELECT org_id FROM achievement_organizations WHERE achievement_id = $1 ORDER BY position', [rows[0]!.id]);
    expect(others.rows.map((o) => o.org_id)).toEqual([partner.id, receiver.id]);

    const transfers = [
      'achievement_owner_uscc,achievement_title,achievement_year,receiver_uscc,transferred_on,mode,amount',
      `${owner.uscc},高精度减速器,2025,${enterprise.uscc},2025-09-01,作价投资,800000`,
    ].join('\n');
    const tr = await importText('transfers', transfers);
    expect(tr.status, JSON.stringify(await problemsOf(tr.id))).toBe('succeeded');
    const copied = await db.query<Record<string, unknown>>('SELECT mode, amount::text AS amount, owner_org_id, district_code, zone FROM transfers WHERE achievement_id = $1', [rows[0]!.id]);
    expect(copied.rows).toEqual([{ mode: 'equity', amount: '800000.00', owner_org_id: owner.id, district_code: YUELU, zone: 'xiangjiang_new_area' }]);
    // The same file again changes nothing.
    expect((await importText('transfers', transfers)).unchanged).toBe(1);
  });
});

describe('bad rows', () => {
  const count = async (table: AchievementFileEntity) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  it('a rule broken is reported at its line and column in Chinese and English, and nothing of the file is written', async () => {
    const before = await count('achievements');
    const file = [
      'owner_uscc,title,year,type,key_tech_breakthrough,evidence',
      `${owner.uscc},好成果,2025,product,否,`,
      `${owner.uscc},无佐证的卡脖子成果,2025,product,是,`,
      `${owner.uscc},未来成果,2031,product,否,`,
    ].join('\n');
    const r = await importText('achievements', file);
    expect(r.status).toBe('rejected');
    const problems = await problemsOf(r.id);
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'evidence', 'evidence.required'],
      [4, 'year', 'year.future'],
    ]);
    expect(problems[0]).toMatchObject({ zh: expect.stringContaining('佐证材料'), en: expect.stringContaining('needs evidence') });
    expect(await count('achievements')).toBe(before);
  });

  it('an unknown credit code in a list, or an unknown achievement key, is refused at its column', async () => {
    const before = { projects: await count('projects'), transfers: await count('transfers') };
    const project = ['lead_uscc,title,partner_usccs,programme,budget,start_on,end_on,status', `${owner.uscc},新项目,${partner.uscc};91430100MA4L000000,national_key_rd,100,2025-01-01,2025-12-31,completed`].join('\n');
    const p = await importText('projects', project);
    expect(p.status).toBe('rejected');
    expect((await problemsOf(p.id)).map((x) => [x.line, x.column, x.code])).toEqual([[2, 'partner_usccs', 'reference.unknown_organization']]);
    const transfer = ['achievement_owner_uscc,achievement_title,achievement_year,receiver_uscc,transferred_on,mode,amount', `${owner.uscc},不存在的成果,2025,${receiver.uscc},2025-06-01,transfer,1`].join('\n');
    const tr = await importText('transfers', transfer);
    expect(tr.status).toBe('rejected');
    const [problem] = await problemsOf(tr.id);
    expect(problem).toMatchObject({ line: 2, column: 'achievement_title', code: 'reference.unknown_achievement', zh: expect.stringContaining('找不到成果'), en: expect.stringContaining('No achievement') });
    expect({ projects: await count('projects'), transfers: await count('transfers') }).toEqual(before);
  });

  it('a service’s own rule (a receiver that owns the achievement) is reported at the file’s column', async () => {
    const file = ['achievement_owner_uscc,achievement_title,achievement_year,receiver_uscc,transferred_on,mode,amount', `${owner.uscc},车规级控制芯片,2025,${owner.uscc},2025-06-01,transfer,1`].join('\n');
    const r = await importText('transfers', file);
    expect((await problemsOf(r.id)).map((x) => [x.line, x.column, x.code])).toEqual([[2, 'receiver_uscc', 'receiver.is_owner']]);
  });

  it('an import limited to an area refuses a record the write would leave outside it, and writes nothing of it', async () => {
    const before = await count('achievements');
    const file = ['owner_uscc,title,year,type', `${owner.uscc},区外成果,2025,product`].join('\n');
    const r = await runImport(ctx, { entity: 'achievements', stream: Readable.from([Buffer.from(file)]), fileName: 'a.csv', ...defaults, atomic: false, area: { districts: ['430102'], zones: [] } });
    expect((await problemsOf(r.id)).map((x) => [x.line, x.column, x.code])).toEqual([[2, 'owner_uscc', 'scope.area']]);
    expect(await count('achievements')).toBe(before);
  });

  it('insert mode refuses an existing key; a dry run classifies without writing', async () => {
    const file = ['enterprise_uscc,incubated_on,achievement_owner_uscc,achievement_title,achievement_year', `${enterprise.uscc},2025-08-02,${owner.uscc},车规级控制芯片,2025`].join('\n');
    expect((await importText('incubations', file, { mode: 'insert' })).rejected).toBe(1);
    const before = await versions('incubations');
    expect((await importText('incubations', file, { dryRun: true })).updated).toBe(1);
    expect(await versions('incubations')).toEqual(before);
  });
});

describe('permissions', () => {
  it('refuses an officer whose token may import but not write achievements (403), before anything is recorded', async () => {
    const importer = await t.actAs('officer', { scopes: ['imports.write', 'imports.read', 'achievements.read'] });
    const boundary = '----starcity-achievements';
    const part = (head: string, body: string) => `--${boundary}\r\nContent-Disposition: form-data; ${head}\r\n\r\n${body}\r\n`;
    const file = `owner_uscc,title,year,type\n${owner.uscc},令牌成果,2025,product`;
    const payload = `${part('name="entity"', 'achievements')}${part('name="file"; filename="a.csv"\r\nContent-Type: text/csv', file)}--${boundary}--\r\n`;
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports')).rows[0]!.n;
    const res = await app.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { ...importer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(expectProblem(res, 403).errors[0]).toMatchObject({ field: 'permission', code: 'permission.token_scope', params: { permission: 'achievements.write' } });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports')).rows[0]!.n).toBe(before);
  });
});

describe('templates', () => {
  for (const entity of achievementFileEntities)
    it(`${entity}: Chinese and English headers`, async () => {
      for (const lang of exportLanguages) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/imports/templates/${entity}.csv?lang=${lang}` });
        expect(res.statusCode, res.body).toBe(200);
        const header = res.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
        expect(header).toBe(fileColumns[entity].map((c) => (lang === 'zh' ? c.zh : c.key)).join(','));
      }
    });
});
