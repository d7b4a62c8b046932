import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { recruitmentCall, talentIntroduction, talentIntroductionList, type TalentIntroductionCreate } from '../../src/contracts/talent.js';
import { maskPersonName } from '../../src/domain/talent.js';
import { createOrganization } from '../support/factories.js';
import { createTestApp, type Acting } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

const t = await createTestApp({ today: () => '2025-12-31' });
const { app } = t;

const YUELU = '430104';
const FURONG = '430102';
const yueluHost = await createOrganization(app, { name: '岳麓引才测试研究院', district_code: YUELU, zone: null });
const furongHost = await createOrganization(app, { name: '芙蓉引才测试公司', district_code: FURONG, zone: null });

// Unique strings planted in the personal fields: no reply to a caller without the permission may hold any of them.
const PLANTED = {
  zhName: '虚构甲乙丙丁',
  enName: 'Zyxwvu Qponmlk',
  phone: '+86 139-7531-8642',
  email: 'planted.person.q7x@example.org',
  idNumber: '11010519491231002X',
};

const as = (who: Acting | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, version?: number) =>
  (who ? app.inject : t.anonymous)({ method, url, headers: { ...(who?.headers ?? {}), ...(version ? { 'if-match': `"${version}"` } : {}) }, ...(payload ? { payload } : {}) });

const input = (overrides: Partial<TalentIntroductionCreate> = {}): TalentIntroductionCreate => ({
  person_name: PLANTED.zhName,
  phone: PLANTED.phone,
  email: PLANTED.email,
  id_number: PLANTED.idNumber,
  category: 'academician',
  mode: 'full_time',
  host_org_id: yueluHost.id,
  introduced_on: '2025-04-01',
  field: '新材料',
  ...overrides,
});

async function introduce(overrides: Partial<TalentIntroductionCreate> = {}) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/talent-introductions', payload: input(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return talentIntroduction.parse(res.json());
}

const zh = await introduce();
const en = await introduce({ person_name: PLANTED.enName, host_org_id: furongHost.id, category: 'nobel_laureate', mode: 'flexible', id_number: null });
const call = recruitmentCall.parse(
  (await app.inject({ method: 'POST', url: '/api/v1/recruitment-calls', payload: { org_id: yueluHost.id, title: '岳麓山实验室招贤令', positions: 12, description: '首席科学家 2 名，青年骨干 10 名', published_on: '2025-10-01', deadline: '2026-01-31' } })).json(),
);

const cityOfficer = await t.actAs('officer');
const yueluOfficer = await t.actAs('officer', { districts: [YUELU] });
const hostUser = await t.actAs('org_user', { organizationIds: [yueluHost.id] });
const scopedAdmin = await t.actAs('admin', { scopes: ['talent.read', 'talent.write', 'audit.read', 'imports.read'] });

describe('talent introductions (人才引进): the record', () => {
  it('keeps what was entered, in the host’s place by default, and shows it whole to an administrator and a city-wide officer', async () => {
    expect(zh).toMatchObject({ person_name: PLANTED.zhName, phone: PLANTED.phone, email: PLANTED.email, id_number: PLANTED.idNumber, personal_data: 'full', district_code: YUELU, host_name: '岳麓引才测试研究院', category_name: { zh: '两院院士', en: 'Academician' } });
    const seen = talentIntroduction.parse((await as(cityOfficer, 'GET', `/api/v1/talent-introductions/${zh.id}`)).json());
    expect(seen.person_name).toBe(PLANTED.zhName);
  });

  it('masks the name and leaves out contacts and the ID number for a district officer, the host’s user and a token without the scope', async () => {
    for (const who of [yueluOfficer, hostUser, scopedAdmin]) {
      const res = await as(who, 'GET', `/api/v1/talent-introductions/${zh.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(talentIntroduction.parse(res.json())).toMatchObject({ person_name: maskPersonName(PLANTED.zhName), phone: null, email: null, id_number: null, personal_data: 'masked' });
    }
    const page = talentIntroductionList.parse((await as(scopedAdmin, 'GET', '/api/v1/talent-introductions')).json());
    expect(page.results.find((r) => r.id === en.id)?.person_name).toBe('Z***** Q******');
  });

  it('is not public, and an organization user or a district officer sees only its own host’s or area’s', async () => {
    expectProblem(await as(null, 'GET', '/api/v1/talent-introductions'), 401);
    const own = talentIntroductionList.parse((await as(hostUser, 'GET', '/api/v1/talent-introductions')).json());
    expect(own.results.map((r) => r.id)).toEqual([zh.id]);
    expectProblem(await as(yueluOfficer, 'GET', `/api/v1/talent-introductions/${en.id}`), 404);
    expect(errorAt(expectProblem(await as(hostUser, 'POST', '/api/v1/talent-introductions', input({ host_org_id: furongHost.id })), 403), 'permission').code).toBe('permission.organization');
  });

  it('searches names only for callers who may see them', async () => {
    const byName = (who: Acting) => as(who, 'GET', `/api/v1/talent-introductions?search=${encodeURIComponent('甲乙')}`);
    expect(talentIntroductionList.parse((await byName(cityOfficer)).json()).results.map((r) => r.id)).toEqual([zh.id]);
    expect(talentIntroductionList.parse((await byName(yueluOfficer)).json()).results).toEqual([]);
  });

  it('answers bad input with the field named, never echoing personal data', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/talent-introductions', payload: input({ id_number: '110105194912310021', phone: 'call me', category: 'astronaut' as never, introduced_on: '2026-02-01' }) });
    const problem = expectProblem(res, 400, ['category', 'id_number', 'introduced_on', 'phone']);
    expect(JSON.stringify(problem)).not.toContain('110105194912310021');
    expect(errorAt(problem, 'id_number').code).toBe('id_number.check_digit');
  });

  it('keeps personal data out of the audit log, even for an administrator', async () => {
    const changed = await as(null, 'GET', '/api/v1/audit?filter=entity:talent_introductions&per_page=200');
    expect(changed.statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/v1/audit?filter=entity:talent_introductions&per_page=200' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.length).toBeGreaterThanOrEqual(2);
    for (const value of Object.values(PLANTED)) expect(res.body).not.toContain(value);
  });
});

describe('recruitment calls (招贤令)', () => {
  it('are public, open through the deadline day in the city’s calendar', async () => {
    const res = await as(null, 'GET', `/api/v1/recruitment-calls/${call.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(recruitmentCall.parse(res.json())).toMatchObject({ status: 'open', org_name: '岳麓引才测试研究院', positions: 12, district_code: YUELU });
    const closed = await as(null, 'GET', '/api/v1/recruitment-calls?filter=status:closed');
    expect(closed.json().results).toEqual([]);
  });

  it('refuses a deadline before publication and a caller outside the organization', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/recruitment-calls', payload: { org_id: yueluHost.id, title: 'x', positions: 0, published_on: '2025-10-01', deadline: '2025-09-01' } });
    expectProblem(res, 400, ['deadline', 'positions']);
    expect(errorAt(expectProblem(await as(hostUser, 'POST', '/api/v1/recruitment-calls', { org_id: furongHost.id, title: '芙蓉招贤', positions: 1, deadline: '2026-03-01' }), 403), 'permission').code).toBe('permission.organization');
  });
});

describe('the indicator talent.introductions', () => {
  it('counts introductions by category and mode for every account; its rows are masked; none of it public', async () => {
    expectProblem(await as(null, 'GET', '/api/v1/indicators/talent.introductions/observations?period=2025&breakdown=talent_category'), 401);
    const obs = await as(hostUser, 'GET', '/api/v1/indicators/talent.introductions/observations?period=2025&breakdown=talent_category');
    expect(obs.statusCode, obs.body).toBe(200);
    const byCategory = Object.fromEntries(obs.json().results.map((o: { breakdown_key: string; value: number }) => [o.breakdown_key, o.value]));
    expect(byCategory).toMatchObject({ academician: 1, nobel_laureate: 1 });
    const byMode = await as(hostUser, 'GET', '/api/v1/indicators/talent.introductions/observations?period=2025&breakdown=talent_mode');
    expect(Object.fromEntries(byMode.json().results.map((o: { breakdown_key: string; value: number }) => [o.breakdown_key, o.value]))).toMatchObject({ full_time: 1, flexible: 1 });
    expectProblem(await as(null, 'GET', '/api/v1/indicators/talent.introductions/rows?period=2025'), 401);
    const rows = await as(yueluOfficer, 'GET', '/api/v1/indicators/talent.introductions/rows?period=2025');
    expect(rows.statusCode, rows.body).toBe(200);
    expect(rows.json().results).toEqual([expect.objectContaining({ id: zh.id, person_name: maskPersonName(PLANTED.zhName), phone: null, personal_data: 'masked' })]);
    const full = await as(cityOfficer, 'GET', '/api/v1/indicators/talent.introductions/rows?period=2025');
    expect(full.json().results.map((r: { person_name: string }) => r.person_name).sort()).toEqual([PLANTED.enName, PLANTED.zhName].sort());
  });
});

describe('files', () => {
  const formats = ['csv', 'xlsx', 'jsonl'] as const;
  const views = ['import', 'report'] as const;

  it('exports every format and view masked to a caller without the permission, whole to one with it', async () => {
    for (const format of formats)
      for (const view of views) {
        const url = `/api/v1/talent-introductions/export?format=${format}&view=${view}&lang=zh`;
        const masked = await as(scopedAdmin, 'GET', url);
        expect(masked.statusCode, masked.body).toBe(200);
        const bytes = format === 'xlsx' ? await unzipText(masked.rawPayload) : masked.body;
        expect(bytes).toContain(maskPersonName(PLANTED.zhName));
        for (const value of Object.values(PLANTED)) expect(bytes, `${format} ${view}`).not.toContain(value);
        const whole = await as(cityOfficer, 'GET', url);
        expect(format === 'xlsx' ? await unzipText(whole.rawPayload) : whole.body).toContain(PLANTED.email);
      }
  });

  it('offers templates of both entities, with Chinese headers or the canonical keys', async () => {
    const zhTemplate = await as(null, 'GET', '/api/v1/imports/templates/talent_introductions.csv');
    expect(zhTemplate.statusCode, zhTemplate.body).toBe(200);
    expect(zhTemplate.body).toContain('引进单位统一社会信用代码,姓名,人才类别,引进方式,引进日期');
    const enTemplate = await as(null, 'GET', '/api/v1/imports/templates/recruitment_calls.csv?lang=en');
    expect(enTemplate.body).toContain('org_uscc,title,positions,description,published_on,deadline');
  });

  it('imports talent only for a caller who may see personal data, and shows its report to others masked', async () => {
    const badId = '110105194912310021';
    const longName = '虚构超长姓名'.repeat(17);
    const csv = [
      '引进单位统一社会信用代码,姓名,人才类别,引进方式,引进日期,身份证号码,所在区县代码',
      `${yueluHost.uscc},虚构导入某,young_talent,full_time,2025-05-01,${badId},${YUELU}`,
      `${yueluHost.uscc},虚构导入乙,青年人才,柔性引进,2025-05-02,11010519491231002x,${YUELU}`,
      `${yueluHost.uscc},虚构导入乙,青年人才,柔性引进,2025-05-02,,${YUELU}`,
      `${yueluHost.uscc},${longName},青年人才,柔性引进,2025-05-03,,${YUELU}`,
    ].join('\n');
    const refused = await upload(yueluOfficer, csv);
    expect(errorAt(expectProblem(refused, 403), 'entity').code).toBe('permission.personal_data');
    const started = await upload(cityOfficer, csv);
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id as number;
    let record = started.json();
    while (record.status === 'running') {
      await new Promise((r) => setTimeout(r, 25));
      record = (await as(cityOfficer, 'GET', `/api/v1/imports/${id}`)).json();
    }
    expect(record).toMatchObject({ inserted: 1, rejected: 3 });
    const imported = talentIntroductionList.parse((await as(cityOfficer, 'GET', '/api/v1/talent-introductions?filter=category:young_talent')).json()).results;
    expect(imported.map((r) => [r.person_name, r.mode, r.id_number])).toEqual([['虚构导入乙', 'flexible', '11010519491231002X']]);
    type Reported = { line: number; column: string | null; value: string | null; code: string; message: { zh: string; en: string } };
    const problemsFor = async (who: Acting) => {
      const res = await as(who, 'GET', `/api/v1/imports/${id}/problems`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().results as Reported[];
    };
    const full = await problemsFor(cityOfficer);
    expect(full.map((p) => [p.line, p.column, p.code])).toEqual([[2, '身份证号码', 'id_number.check_digit'], [4, '引进单位统一社会信用代码', 'duplicate_key'], [5, '姓名', 'too_long']]);
    expect(full.find((p) => p.code === 'id_number.check_digit')?.value).toBe(badId);
    // A message is stored once for every reader: the key it quotes holds the name masked.
    expect(full.find((p) => p.code === 'duplicate_key')?.message.zh).toContain(maskPersonName('虚构导入乙'));
    // A district officer reads imports but not personal data: the same report, a name masked and the ID number left out.
    const readerWithout = await t.actAs('officer', { districts: [FURONG] });
    const masked = await problemsFor(readerWithout);
    expect(masked.map((p) => [p.line, p.column, p.code, p.value])).toEqual([
      [2, '身份证号码', 'id_number.check_digit', null],
      [4, '引进单位统一社会信用代码', 'duplicate_key', yueluHost.uscc],
      [5, '姓名', 'too_long', maskPersonName(full[2]!.value!)],
    ]);
    const csvReport = await as(readerWithout, 'GET', `/api/v1/imports/${id}/report.csv`);
    expect(csvReport.statusCode, csvReport.body).toBe(200);
    for (const res of [csvReport.body, JSON.stringify(masked)]) for (const raw of [badId, '虚构导入乙', '虚构导入某', longName.slice(0, 20)]) expect(res).not.toContain(raw);
    expect(csvReport.body).toContain(maskPersonName(full[2]!.value!));
  });
});

describe('recruitment calls in files', () => {
  // Their rows (positions as a whole number) are unit-tested in src/modules/imports/talentRows.test.ts.
  it('are exported to anyone, with the organization’s name in a report', async () => {
    const exported = await as(null, 'GET', '/api/v1/recruitment-calls/export?format=csv&lang=zh&view=report');
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.body).toContain('岳麓山实验室招贤令');
    expect(exported.body).toContain('岳麓引才测试研究院');
  });
});

describe('no personal data reaches a caller without the permission, anywhere', () => {
  it('walks every GET route of the OpenAPI document, and every talent write, as two such callers', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const fill = (path: string) =>
      path
        .replace('{id}', String(zh.id))
        .replace('{code}', 'talent.introductions')
        .replace('{entity}', 'talent_introductions')
        .replace('{format}', 'csv')
        .replace(/\{[^}]+\}/g, '1');
    // The district officer reaches the record (masked); the scoped token holds audit and imports too.
    const callers = [yueluOfficer, scopedAdmin];
    let walked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        if (method !== 'get' && !path.startsWith('/api/v1/talent-introductions')) continue;
        for (const who of callers) {
          // A write is sent empty and with a stale version: it changes nothing, and its reply is read as any other.
          const res = await as(who, method.toUpperCase() as 'GET', fill(path) + (path.includes('indicators/{code}') ? '?period=2025' : ''), method === 'get' ? undefined : {}, 999);
          const bytes = res.headers['content-type']?.toString().includes('spreadsheetml') ? await unzipText(res.rawPayload) : res.body;
          for (const value of Object.values(PLANTED)) expect(bytes, `${method} ${path} → ${res.statusCode}`).not.toContain(value);
          walked++;
        }
      }
    }
    expect(walked).toBeGreaterThan(60);
  });

  it('a masked caller’s own write replies, group_by and search hold none either', async () => {
    const changed = await as(yueluOfficer, 'PATCH', `/api/v1/talent-introductions/${zh.id}`, { field: '新能源' }, zh.version);
    expect(changed.statusCode, changed.body).toBe(200);
    const grouped = await as(yueluOfficer, 'GET', '/api/v1/talent-introductions?group_by=category');
    const searched = await as(yueluOfficer, 'GET', `/api/v1/talent-introductions?search=${encodeURIComponent(PLANTED.zhName)}`);
    const created = await as(yueluOfficer, 'POST', '/api/v1/talent-introductions', input({ person_name: '虚构戊己庚', phone: '13000000001' }));
    expect(created.statusCode, created.body).toBe(201);
    for (const res of [changed, grouped, searched]) for (const value of Object.values(PLANTED)) expect(res.body).not.toContain(value);
    expect(created.body).not.toContain('虚构戊己庚');
    expect(created.body).not.toContain('13000000001');
  });
});

/** Every cell's text of an XLSX workbook, sheet by sheet. */
async function unzipText(payload: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const texts: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
  return texts.join('\n');
}

async function upload(who: Acting, csv: string) {
  const boundary = '----talent-test';
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = part('entity', 'talent_introductions') + part('atomic', 'false') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="talent.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}
