import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importList, importPreview, importProblemPage, importRecord, type ImportRecordReply } from '../../src/contracts/imports.js';
import { createOrganization, createQualification, createRdInstitution, validUscc } from '../support/factories.js';
import { createTestApp, type Acting } from '../support/testApp.js';
import { snapshot, storedRow } from './helpers.js';

/**
 * Imports by an officer limited to districts or zones (issues 3 and 5): every row is judged against
 * the officer's area — the place a row gives (the reading thread), the place of the stored record
 * it would change and a qualification's holder's (the writer's thread) — and the rows outside are
 * rejected like any other bad row; a city-wide officer's import of the same files rejects none.
 */

const t = await createTestApp();
const { app, db } = t;

const YUELU = '430104';
const FURONG = '430102';
const HITECH = 'changsha_hitech_zone';
const districtOfficer = await t.actAs('officer', { districts: [YUELU] });
const zoneOfficer = await t.actAs('officer', { zones: [HITECH] });
const cityOfficer = await t.actAs('officer');

/** A multipart/form-data body: the text fields, then the file. */
function multipart(fields: Record<string, string>, fileName: string, content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----starcity${randomUUID()}`;
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`);
  return { payload: Buffer.from(parts.join('')), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const csv = (lines: string[]) => `${lines.join('\n')}\n`;

/** Uploads as `who`, and polls the record until the import has ended. */
async function importAs(who: Acting, fields: Record<string, string>, lines: string[]): Promise<ImportRecordReply> {
  const body = multipart(fields, `${fields.entity}.csv`, csv(lines));
  const res = await app.inject({ method: 'POST', url: '/api/v1/imports', payload: body.payload, headers: { ...body.headers, ...who.headers } });
  expect(res.statusCode, res.body).toBe(202);
  const location = res.headers.location as string;
  for (let i = 0; i < 200; i++) {
    const record = importRecord.parse((await app.inject({ method: 'GET', url: location, headers: who.headers })).json());
    if (record.status !== 'running') return record;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not finish');
}

async function problemsOf(record: ImportRecordReply) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/imports/${record.id}/problems?per_page=200`, headers: districtOfficer.headers });
  expect(res.statusCode, res.body).toBe(200);
  return importProblemPage.parse(res.json()).results;
}

const counts = (r: ImportRecordReply) => ({ read: r.read, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected });
const scoped = <P extends { code: string }>(problems: P[]) => problems.filter((p) => p.code === 'scope.area');

// The registry as an administrator left it: organizations in Yuelu and Furong, a Furong institution
// hosted in Yuelu.
const inYuelu = await createOrganization(app, { district_code: YUELU, zone: null });
const alsoInYuelu = await createOrganization(app, { district_code: YUELU, zone: null });
const inFurong = await createOrganization(app, { district_code: FURONG, zone: null });
const furongInstitution = await createRdInstitution(app, { host_org_id: inYuelu.id, district_code: FURONG, zone: null });
await createQualification(app, { organization_id: inFurong.id, qualification: 'tech_sme', valid_from: '2024-01-01', valid_to: null });

const orgHeader = 'uscc,名称,kind,所在区县代码';

/** An organizations file mixing rows in and out of Yuelu; new credit codes each time. */
function organizationsFile() {
  const [fresh, freshFurong, freshNone] = [validUscc(), validUscc(), validUscc()];
  return {
    fresh,
    lines: [
      orgHeader,
      `${fresh},岳麓新公司,enterprise,${YUELU}`, // 2: new, in Yuelu
      `${freshFurong},芙蓉新公司,enterprise,${FURONG}`, // 3: new, in Furong
      `${inFurong.uscc},改名的芙蓉公司,enterprise,${YUELU}`, // 4: changes a Furong organization (moving it into Yuelu)
      `${inYuelu.uscc},改名的岳麓公司,enterprise,${YUELU}`, // 5: changes a Yuelu organization
      `${freshNone},无区县公司,enterprise,`, // 6: new, no district
      `${alsoInYuelu.uscc},迁往芙蓉的公司,enterprise,芙蓉区`, // 7: moves a Yuelu organization out
    ],
  };
}

describe('an officer limited to districts', () => {
  it('may preview a file and download the templates', async () => {
    const body = multipart({ entity: 'organizations' }, 'o.csv', csv(organizationsFile().lines));
    const preview = await app.inject({ method: 'POST', url: '/api/v1/imports/preview', payload: body.payload, headers: { ...body.headers, ...districtOfficer.headers } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(importPreview.parse(preview.json()).rows).toHaveLength(6);
    const template = await app.inject({ method: 'GET', url: '/api/v1/imports/templates/qualifications.xlsx', headers: districtOfficer.headers });
    expect(template.statusCode).toBe(200);
  });

  it('dry run: reports the rows outside the districts, writes nothing', async () => {
    const before = await snapshot(db);
    const record = await importAs(districtOfficer, { entity: 'organizations', dry_run: 'true' }, organizationsFile().lines);
    expect(record).toMatchObject({ status: 'rejected', committed: false, options: { dry_run: true, districts: [YUELU] } });
    expect(counts(record)).toEqual({ read: 6, inserted: 1, updated: 1, unchanged: 0, rejected: 4 });
    expect(scoped(await problemsOf(record)).map((p) => p.line)).toEqual([3, 4, 6, 7]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('atomic: a row outside the districts and nothing is written', async () => {
    const before = await snapshot(db);
    const stored = await storedRow(db, 'organizations', inYuelu.id);
    const record = await importAs(districtOfficer, { entity: 'organizations', atomic: 'true' }, organizationsFile().lines);
    expect(record).toMatchObject({ status: 'rejected', committed: false, rejected: 4, options: { atomic: true, districts: [YUELU] } });
    expect(scoped(await problemsOf(record))).toHaveLength(4);
    expect(await snapshot(db)).toEqual(before);
    expect(await storedRow(db, 'organizations', inYuelu.id)).toEqual(stored);
  });

  it('organizations: writes the rows of its districts and rejects the others, each with its line, column, value and reason', async () => {
    const furongBefore = await storedRow(db, 'organizations', inFurong.id);
    const { lines, fresh } = organizationsFile();
    const record = await importAs(districtOfficer, { entity: 'organizations' }, lines);
    expect(record).toMatchObject({ status: 'rejected', committed: true, created_by: districtOfficer.username, options: { districts: [YUELU] } });
    expect(counts(record)).toEqual({ read: 6, inserted: 1, updated: 1, unchanged: 0, rejected: 4 });

    const problems = await problemsOf(record);
    expect(problems.map(({ line, column, value, code }) => ({ line, column, value, code }))).toEqual([
      { line: 3, column: '所在区县代码', value: FURONG, code: 'scope.area' },
      { line: 4, column: 'uscc', value: inFurong.uscc, code: 'scope.area' },
      { line: 6, column: '所在区县代码', value: '', code: 'scope.area' },
      { line: 7, column: '所在区县代码', value: '芙蓉区', code: 'scope.area' },
    ]);
    expect(problems[0]!.message).toEqual({ zh: '该行位于区县 芙蓉区 430102，不在您的管辖范围（岳麓区）', en: 'This row lies in district Furong District 430102, outside your area (Yuelu District)' });
    expect(problems[1]!.message.zh).toBe('已有记录位于区县 芙蓉区 430102，不在您的管辖范围（岳麓区）');
    expect(problems[2]!.message.en).toBe('This row has no district or zone, outside your area (Yuelu District)');

    expect((await storedRow(db, 'organizations', inFurong.id))?.name).toBe(furongBefore?.name);
    expect((await storedRow(db, 'organizations', inYuelu.id))?.name).toBe('改名的岳麓公司');
    expect((await storedRow(db, 'organizations', alsoInYuelu.id))?.district_code).toBe(YUELU);
    const created = await db.query<{ district_code: string }>('SELECT district_code FROM organizations WHERE uscc = $1', [fresh]);
    expect(created.rows).toEqual([{ district_code: YUELU }]);
  });

  it('an organization file without the district column: a new organization has none, so it lies outside; an existing one is judged where it lies', async () => {
    const fresh = validUscc();
    const record = await importAs(districtOfficer, { entity: 'organizations' }, ['uscc,name,kind', `${fresh},没有区县列的公司,enterprise`, `${inYuelu.uscc},岳麓公司再改名,enterprise`, `${inFurong.uscc},芙蓉公司再改名,enterprise`]);
    expect(counts(record)).toEqual({ read: 3, inserted: 0, updated: 1, unchanged: 0, rejected: 2 });
    expect((await problemsOf(record)).map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 2, column: 'district_code', code: 'scope.area' },
      { line: 4, column: 'uscc', code: 'scope.area' },
    ]);
  });

  it('qualifications: judged by their holder’s district', async () => {
    const record = await importAs(districtOfficer, { entity: 'qualifications' }, [
      '统一社会信用代码,qualification,valid_from',
      `${inYuelu.uscc},high_tech_enterprise,2024-06-01`, // 2: a Yuelu holder
      `${inFurong.uscc},high_tech_enterprise,2024-06-01`, // 3: a Furong holder, new
      `${inFurong.uscc},tech_sme,2024-01-01`, // 4: a Furong holder, existing
    ]);
    expect(record.options.districts).toEqual([YUELU]);
    expect(counts(record)).toEqual({ read: 3, inserted: 1, updated: 0, unchanged: 0, rejected: 2 });
    const problems = await problemsOf(record);
    expect(problems.map(({ line, column, value, code }) => ({ line, column, value, code }))).toEqual([
      { line: 3, column: '统一社会信用代码', value: inFurong.uscc, code: 'scope.area' },
      { line: 4, column: '统一社会信用代码', value: inFurong.uscc, code: 'scope.area' },
    ]);
    expect(problems[0]!.message.zh).toBe('资质持有主体位于区县 芙蓉区 430102，不在您的管辖范围（岳麓区）');
  });

  it('R&D institutions: judged by their own district, not their host’s', async () => {
    const record = await importAs(districtOfficer, { entity: 'rd_institutions' }, [
      'host_uscc,name,category,level,district_code',
      `${inFurong.uscc},芙蓉主体在岳麓的研发中心,enterprise_rd_center,provincial,${YUELU}`, // 2: a Furong host, in Yuelu
      `${inYuelu.uscc},${furongInstitution.name},enterprise_rd_center,provincial,${YUELU}`, // 3: moves a Furong institution into Yuelu
      `${inYuelu.uscc},岳麓主体在芙蓉的研发中心,enterprise_rd_center,provincial,${FURONG}`, // 4: new, in Furong
    ]);
    expect(counts(record)).toEqual({ read: 3, inserted: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect((await problemsOf(record)).map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 3, column: 'host_uscc', code: 'scope.area' },
      { line: 4, column: 'district_code', code: 'scope.area' },
    ]);
    expect((await storedRow(db, 'rd_institutions', furongInstitution.id))?.district_code).toBe(FURONG);
  });

  it('the list of imports shows the districts each import was limited to', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/imports?per_page=100', headers: districtOfficer.headers });
    expect(res.statusCode, res.body).toBe(200);
    const mine = importList.parse(res.json()).results.filter((r) => r.created_by === districtOfficer.username);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) expect(r.options.districts).toEqual([YUELU]);
  });
});

describe('an officer limited to a zone (a high-tech zone crossing district lines)', () => {
  it('writes the rows in its zone whatever their district, judges a file without the zone column by the stored zone, and rejects the rest at their zone', async () => {
    const furongInZone = await createOrganization(app, { district_code: FURONG, zone: HITECH });
    const yueluInZone = await createOrganization(app, { district_code: YUELU, zone: HITECH });
    const [fresh, freshOutside] = [validUscc(), validUscc()];
    const record = await importAs(zoneOfficer, { entity: 'organizations' }, [
      `${orgHeader},所在园区`,
      `${fresh},高新区新公司,enterprise,${FURONG},长沙高新区`, // 2: new, in the zone (Furong district)
      `${freshOutside},园区外新公司,enterprise,${YUELU},`, // 3: new, no zone
      `${furongInZone.uscc},改名的高新区公司,enterprise,${FURONG},${HITECH}`, // 4: changes one in the zone
      `${inYuelu.uscc},不在园区的公司,enterprise,${YUELU},${HITECH}`, // 5: would move a Yuelu organization outside the zone into it
    ]);
    expect(record.options).toMatchObject({ districts: [], zones: [HITECH] });
    expect(counts(record)).toEqual({ read: 4, inserted: 1, updated: 1, unchanged: 0, rejected: 2 });
    const problems = await problemsOf(record);
    expect(problems.map(({ line, column, value, code }) => ({ line, column, value, code }))).toEqual([
      { line: 3, column: '所在园区', value: '', code: 'scope.area' },
      { line: 5, column: 'uscc', value: inYuelu.uscc, code: 'scope.area' },
    ]);
    expect(problems[0]!.message.en).toBe('This row lies in district Yuelu District 430104, outside your area (Changsha High-tech Zone)');

    // No zone column: an existing organization keeps its stored zone, so it is judged by it.
    const withoutZone = await importAs(zoneOfficer, { entity: 'organizations' }, [orgHeader, `${yueluInZone.uscc},仍在高新区的公司,enterprise,${YUELU}`, `${alsoInYuelu.uscc},园区外公司,enterprise,${YUELU}`]);
    expect(counts(withoutZone)).toEqual({ read: 2, inserted: 0, updated: 1, unchanged: 0, rejected: 1 });
    expect((await problemsOf(withoutZone)).map(({ line, code }) => ({ line, code }))).toEqual([{ line: 3, code: 'scope.area' }]);
    expect((await storedRow(db, 'organizations', yueluInZone.id))?.name).toBe('仍在高新区的公司');
    expect((await storedRow(db, 'organizations', inYuelu.id))?.zone).toBeNull();
  });
});

describe('a city-wide officer', () => {
  it('imports the same files with no row rejected for its district', async () => {
    const qualifications = await importAs(cityOfficer, { entity: 'qualifications' }, [
      '统一社会信用代码,qualification,valid_from',
      `${inYuelu.uscc},high_tech_enterprise,2024-06-01`,
      `${inFurong.uscc},high_tech_enterprise,2024-06-01`,
      `${inFurong.uscc},tech_sme,2024-01-01`,
    ]);
    expect(qualifications).toMatchObject({ status: 'succeeded', options: { districts: [] } });
    expect(counts(qualifications)).toEqual({ read: 3, inserted: 1, updated: 0, unchanged: 2, rejected: 0 });

    const orgs = await importAs(cityOfficer, { entity: 'organizations' }, organizationsFile().lines);
    expect(orgs).toMatchObject({ status: 'succeeded', committed: true, options: { districts: [] } });
    expect(counts(orgs)).toMatchObject({ read: 6, rejected: 0 });
    expect(await problemsOf(orgs)).toEqual([]);
    expect((await storedRow(db, 'organizations', inFurong.id))?.district_code).toBe(YUELU);
    expect((await storedRow(db, 'organizations', alsoInYuelu.id))?.district_code).toBe(FURONG);
  });
});
