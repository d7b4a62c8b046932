import { describe, expect, it } from 'vitest';
import { registryMeta } from '../../src/contracts/meta.js';
import { techContract, techContractList, type TechContract, type TechContractCreate } from '../../src/contracts/techContracts.js';
import { nextRegistrationSequence } from '../../src/modules/techContracts/queries.js';
import { createOrganization } from '../support/factories.js';
import { createTestApp, type Acting } from '../support/testApp.js';
import { crudSuite } from './crudSuite.js';
import { errorAt, expectProblem, resourceClient, snapshot, storedRow } from './helpers.js';

const t = await createTestApp({ today: () => '2026-12-04' });
const { app, db } = t;
const { post, patch, refused } = resourceClient(app, db, 'tech-contracts');

const YUELU = '430104';
const FURONG = '430102';
const yueluSeller = await createOrganization(app, { name: '岳麓卖方科技有限公司', district_code: YUELU, zone: 'xiangjiang_new_area' });
const furongSeller = await createOrganization(app, { name: '芙蓉卖方科技有限公司', district_code: FURONG, zone: null });

let n = 0;
/** A valid draft: a Yuelu seller's commissioned development for a buyer in Shenzhen (a new contract number each call). */
const input = (overrides: Partial<TechContractCreate> = {}): TechContractCreate => ({
  contract_number: `JS-2025-${++n}`,
  title: '智能制造控制系统委托开发',
  type: 'development',
  sub_type: 'commissioned',
  seller_org_id: yueluSeller.id,
  buyer_name: '深圳某科技有限公司',
  buyer_region: '440305',
  contract_amount: '1250000.00',
  transaction_amount: '1000000.5',
  signed_on: '2025-03-01',
  end_on: '2026-03-01',
  technology_field: 'advanced_manufacturing',
  ...overrides,
});

async function make(overrides: Partial<TechContractCreate> = {}, headers: Record<string, string> = {}): Promise<TechContract> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/tech-contracts', payload: input(overrides), headers });
  expect(res.statusCode, res.body).toBe(201);
  return techContract.parse(res.json());
}

const list = async (query: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/tech-contracts?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return techContractList.parse(res.json());
};

crudSuite({
  app,
  db,
  path: 'tech-contracts',
  table: 'tech_contracts',
  item: techContract,
  list: techContractList,
  input: async () => ({ ...input() }),
  change: { body: { technology_field: 'biomedicine' }, field: 'technology_field' },
});

describe('technology contracts (技术合同): the record', () => {
  it('shows the seller, the buyer, the derived flow, the type names and exact amounts; the seller’s place by default', async () => {
    const c = await make();
    expect(c).toMatchObject({
      seller_name: '岳麓卖方科技有限公司',
      buyer_display_name: '深圳某科技有限公司',
      flow: 'domestic',
      inflow: false,
      type_name: { zh: '技术开发', en: 'Technology development' },
      sub_type_name: { zh: '委托开发', en: 'Commissioned development' },
      contract_amount: '1250000.00',
      transaction_amount: '1000000.50',
      district_code: YUELU,
      zone: 'xiangjiang_new_area',
      status: 'draft',
      registration_number: null,
    });
    const { rows } = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'tech_contracts' AND record_id = $1", [String(c.id)]);
    expect(rows.map((r) => r.action)).toEqual(['create']);
  });

  it('keeps amounts a float would round: 9,999,999,999,999.99 yuan both ways', async () => {
    const c = await make({ contract_amount: '9999999999999.99', transaction_amount: '9999999999999.99' });
    expect([c.contract_amount, c.transaction_amount]).toEqual(['9999999999999.99', '9999999999999.99']);
  });

  it('places a registry buyer in the city in its district (local), abroad by its country, a province buyer in the province', async () => {
    const buyer = await createOrganization(app, { district_code: FURONG, zone: null });
    const local = await make({ buyer_name: null, buyer_region: null, buyer_org_id: buyer.id });
    expect(local).toMatchObject({ buyer_region: FURONG, flow: 'local', buyer_display_name: buyer.name });
    expect((await make({ buyer_region: 'DE', buyer_name: 'Siemens AG' })).flow).toBe('abroad');
    expect((await make({ buyer_region: '430602' })).flow).toBe('province');
  });

  it('moves the region with a new registry buyer: the old buyer’s region does not stay', async () => {
    const c = await make();
    const buyer = await createOrganization(app, { district_code: FURONG, zone: null });
    const res = await patch(c.id, { buyer_org_id: buyer.id, buyer_name: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(techContract.parse(res.json())).toMatchObject({ buyer_region: FURONG, flow: 'local', buyer_display_name: buyer.name });
  });

  it('asks the region of a registry buyer outside the city', async () => {
    const outside = await createOrganization(app, { district_code: null, zone: null });
    const p = await refused(input({ buyer_name: null, buyer_region: null, buyer_org_id: outside.id }), 400, ['buyer_region']);
    expect(errorAt(p, 'buyer_region').code).toBe('buyer_region.required');
    expect((await make({ buyer_name: null, buyer_region: '110108', buyer_org_id: outside.id })).flow).toBe('domestic');
  });

  it('marks inflow: a buyer in the city of a seller outside it', async () => {
    const seller = await createOrganization(app, { district_code: null, zone: null });
    const c = await make({ seller_org_id: seller.id, buyer_region: YUELU });
    expect(c).toMatchObject({ flow: 'local', inflow: true, district_code: null });
  });
});

describe('/meta labels the market’s codes from config/market/', () => {
  it('lists types, every sub-type and each type’s own, flows, statuses and reasons', async () => {
    const { code_lists: lists } = registryMeta.parse((await t.anonymous({ method: 'GET', url: '/api/v1/meta' })).json());
    const codes = (name: string) => lists[name]?.map((e) => e.code);
    expect(codes('contract_type')).toEqual(['development', 'transfer', 'licence', 'consulting', 'service']);
    expect(codes('contract_sub_type.licence')).toEqual(['patent_licence', 'technical_secret_licence']);
    expect(codes('contract_sub_type')).toContain('equity');
    expect(codes('technology_field')).toContain('advanced_manufacturing');
    expect(codes('contract_flow')).toEqual(['local', 'province', 'domestic', 'abroad']);
    expect(codes('contract_status')).toEqual(['draft', 'submitted', 'registered', 'not_registered', 'returned']);
    expect(lists.not_registered_reason?.find((e) => e.code === 'seal_mismatch')?.label).toEqual({ zh: '合同印章与当事人名称不一致', en: 'The seals do not match the parties\' names' });
  });
});

describe('bad input: 400/409 problem+json naming the field, nothing written', () => {
  it.each([
    ['a negative amount', { contract_amount: '-100.00' }, 'contract_amount', 'amount.negative'],
    ['NaN', { contract_amount: 'NaN' }, 'contract_amount', 'amount.format'],
    ['three decimals', { transaction_amount: '1.005' }, 'transaction_amount', 'amount.format'],
    ['an absurd amount', { contract_amount: '100000000000000', transaction_amount: '1' }, 'contract_amount', 'amount.too_large'],
    ['a zero contract amount', { contract_amount: '0', transaction_amount: '0' }, 'contract_amount', 'amount.zero'],
    ['a transaction above the contract', { contract_amount: '100.00', transaction_amount: '100.01' }, 'transaction_amount', 'transaction_amount.above_contract'],
    ['an unknown region', { buyer_region: '439999' }, 'buyer_region', 'region.unknown'],
    ['an unknown country', { buyer_region: 'XX' }, 'buyer_region', 'region.unknown'],
    ['a future signing date', { signed_on: '2026-12-05', end_on: null }, 'signed_on', 'date.future'],
    ['an end before signing', { end_on: '2025-01-01' }, 'end_on', 'date.range'],
    ['a sub-type of another type', { type: 'licence' }, 'sub_type', 'contract_sub_type.unknown'],
    ['an unknown technology field', { technology_field: 'alchemy' }, 'technology_field', 'technology_field.unknown'],
    ['an unknown reason', { status: 'not_registered', not_registered_reason: 'too_expensive' }, 'not_registered_reason', 'not_registered_reason.unknown'],
    ['both a registry buyer and a name', { buyer_org_id: 1 }, 'buyer_name', 'buyer.both'],
    ['an unknown seller', { seller_org_id: 2_147_483_000 }, 'seller_org_id', 'reference.not_found'],
  ] as const)('%s', async (_what, change, field, code) => {
    expect(errorAt(await refused(input(change as Partial<TechContractCreate>), 400, [field]), field).code).toBe(code);
  });

  it('refuses an amount sent as a JSON number (a float), naming it', async () => {
    await refused({ ...input(), contract_amount: 1250000 }, 400, ['contract_amount']);
  });

  it('lists every problem at once', async () => {
    const p = await refused(input({ contract_amount: '-1', buyer_region: 'ZZ', signed_on: '2027-01-01', end_on: null, sub_type: 'training' }), 400, ['contract_amount', 'buyer_region', 'signed_on', 'sub_type']);
    expect(p.errors.every((e) => e.message.zh && e.message.en)).toBe(true);
  });

  it('refuses a second contract of the same number for the same seller (409), not for another seller', async () => {
    const first = await make();
    const again = input({ contract_number: first.contract_number });
    expect(errorAt(await refused(again, 409, ['contract_number']), 'contract_number')).toMatchObject({ code: 'contract_number.duplicate', params: { existing_id: first.id } });
    expect((await post({ ...again, seller_org_id: furongSeller.id })).statusCode).toBe(201);
  });

  it('judges a partial update on the record it leaves: a transaction amount above the stored contract amount, and changes nothing', async () => {
    const c = await make();
    const stored = await storedRow(db, 'tech_contracts', c.id);
    const p = expectProblem(await patch(c.id, { transaction_amount: '1250000.01' }), 400, ['transaction_amount']);
    expect(errorAt(p, 'transaction_amount').code).toBe('transaction_amount.above_contract');
    expectProblem(await patch(c.id, { status: 'not_registered' }), 400, ['not_registered_reason']);
    expectProblem(await patch(c.id, { status: 'registered' }), 400, ['registered_on']);
    expect(await storedRow(db, 'tech_contracts', c.id)).toEqual(stored);
  });
});

describe('registration numbers (per city, per year, never repeated or skipped)', () => {
  it('gives a contract registered without a number the next of its registration year', async () => {
    const a = await make();
    const b = await make();
    const ra = await patch(a.id, { status: 'registered', registered_on: '2026-01-05' });
    expect(ra.statusCode, ra.body).toBe(200);
    const rb = await patch(b.id, { status: 'registered', registered_on: '2026-02-05' });
    const numbers = [techContract.parse(ra.json()).registration_number, techContract.parse(rb.json()).registration_number];
    expect(numbers).toEqual(['2026430100000001', '2026430100000002']);
  });

  it('refuses to number past 999,999 in a year (409, nothing written, the counter unmoved) and keeps a number given by hand', async () => {
    await db.query("INSERT INTO registration_counters (city_code, year, last) VALUES ('430100', 2024, 999998)");
    const last = await make({ signed_on: '2024-06-01' });
    const registered = await patch(last.id, { status: 'registered', registered_on: '2024-12-30' });
    expect(techContract.parse(registered.json()).registration_number).toBe('2024430100999999');
    const next = await make({ signed_on: '2024-06-01' });
    const stored = await storedRow(db, 'tech_contracts', next.id);
    const p = expectProblem(await patch(next.id, { status: 'registered', registered_on: '2024-12-31' }), 409, ['registration_number']);
    expect(errorAt(p, 'registration_number')).toMatchObject({ code: 'registration_number.sequence_exhausted', params: { year: 2024, last: 999999 } });
    expect(await storedRow(db, 'tech_contracts', next.id)).toEqual(stored);
    expect((await db.query("SELECT last FROM registration_counters WHERE city_code = '430100' AND year = 2024")).rows).toEqual([{ last: 999999 }]);
    const byHand = await patch(next.id, { status: 'registered', registered_on: '2024-12-31', registration_number: 'HN-2024-J0001' });
    expect(techContract.parse(byHand.json()).registration_number).toBe('HN-2024-J0001');
  });

  it('refuses a registration number already given (409)', async () => {
    const a = await make({ status: 'registered', registered_on: '2025-06-01', registration_number: '2025430100009999' });
    const p = await refused(input({ status: 'registered', registered_on: '2025-06-01', registration_number: a.registration_number! }), 409, ['registration_number']);
    expect(errorAt(p, 'registration_number').code).toBe('registration_number.duplicate');
  });

  it('hands out 1..50 to 50 concurrent transactions, and a rolled-back one gives its number back', async () => {
    const taken = await Promise.all(Array.from({ length: 50 }, () => db.transaction((tx) => nextRegistrationSequence(tx, '999900', 2030))));
    expect(taken.sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          const seq = await nextRegistrationSequence(tx, '999900', 2031);
          if (i % 2) throw new Error('registration refused after numbering');
          return seq;
        }),
      ),
    );
    const kept = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : [])).sort((x, y) => x - y);
    expect(kept).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await db.transaction((tx) => nextRegistrationSequence(tx, '999900', 2031))).toBe(11);
  });
});

describe('the list: filter, sort, search, cursor, group_by', () => {
  it('filters by flow, type, status and date ranges, groups by flow, searches titles and pages by cursor', async () => {
    const tag = `检索标记${Date.now()}`;
    await make({ title: `${tag} 甲`, buyer_region: 'DE', type: 'service', sub_type: 'training', signed_on: '2024-05-01', end_on: null });
    await make({ title: `${tag} 乙`, buyer_region: YUELU, signed_on: '2025-07-01' });
    await make({ title: `${tag} 丙`, buyer_region: YUELU, signed_on: '2025-08-01', status: 'registered', registered_on: '2025-09-01' });
    const search = `search=${encodeURIComponent(tag)}`;
    expect((await list(`${search}&filter=flow:abroad`)).results.map((r) => r.sub_type)).toEqual(['training']);
    expect((await list(`${search}&filter=type:development,status:registered`)).meta.count).toBe(1);
    expect((await list(`${search}&filter=signed_on:>2025-01-01,signed_on:<2025-07-31`)).results.map((r) => r.title)).toEqual([`${tag} 乙`]);
    expect((await list(`${search}&filter=registered_on:>2025-08-31`)).meta.count).toBe(1);
    const groups = (await list(`${search}&group_by=flow`)).group_by;
    expect(groups).toEqual([
      { key: 'local', key_display_name: { zh: '本市', en: 'Within the city' }, count: 2 },
      { key: 'abroad', key_display_name: { zh: '境外', en: 'Abroad' }, count: 1 },
    ]);
    expect((await list(`${search}&group_by=technology_field`)).group_by).toEqual([{ key: 'advanced_manufacturing', key_display_name: { zh: '先进制造', en: 'Advanced manufacturing' }, count: 3 }]);
    expect((await list(`${search}&group_by=buyer_province`)).group_by).toEqual([
      { key: '430000', key_display_name: { zh: '湖南省', en: 'Hunan' }, count: 2 },
      { key: null, key_display_name: null, count: 1 },
    ]);
    const first = await list(`${search}&sort=signed_on:desc&per_page=2&cursor=*`);
    const second = await list(`${search}&sort=signed_on:desc&per_page=2&cursor=${encodeURIComponent(first.meta.next_cursor!)}`);
    expect([...first.results, ...second.results].map((r) => r.signed_on)).toEqual(['2025-08-01', '2025-07-01', '2024-05-01']);
  });

  it('refuses an unknown flow in a filter, naming filter', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/tech-contracts?filter=flow:mars' }), 400, ['filter.flow']);
  });
});

const orgUser = await t.actAs('org_user', { organizationIds: [yueluSeller.id] });
const yueluOfficer = await t.actAs('officer', { districts: [YUELU] });

describe('who sees and writes which contracts', () => {
  const as = (who: Acting, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, version?: number) =>
    app.inject({ method, url, headers: { ...who.headers, ...(version ? { 'if-match': `"${version}"` } : {}) }, ...(payload ? { payload } : {}) });

  it('an organization user sees only its organizations’ sales: others are not found', async () => {
    const own = await make();
    const other = await make({ seller_org_id: furongSeller.id });
    const page = await list('per_page=200', orgUser.headers);
    expect(page.results.every((r) => r.seller_org_id === yueluSeller.id)).toBe(true);
    expect(page.results.map((r) => r.id)).toContain(own.id);
    expect((await as(orgUser, 'GET', `/api/v1/tech-contracts/${own.id}`)).statusCode).toBe(200);
    expectProblem(await as(orgUser, 'GET', `/api/v1/tech-contracts/${other.id}`), 404);
  });

  it('an organization user drafts its own contracts only: not another seller’s, not registered, not past the draft', async () => {
    const before = await snapshot(db);
    expect(errorAt(expectProblem(await as(orgUser, 'POST', '/api/v1/tech-contracts', input({ seller_org_id: furongSeller.id })), 403), 'permission').code).toBe('permission.organization');
    expect(errorAt(expectProblem(await as(orgUser, 'POST', '/api/v1/tech-contracts', input({ status: 'registered', registered_on: '2026-01-01' })), 403), 'status').code).toBe('permission.draft_only');
    expect(await snapshot(db)).toEqual(before);
    const draft = await as(orgUser, 'POST', '/api/v1/tech-contracts', input());
    expect(draft.statusCode, draft.body).toBe(201);
    const id = techContract.parse(draft.json()).id;
    expect((await as(orgUser, 'PATCH', `/api/v1/tech-contracts/${id}`, { title: '改名' }, 1)).statusCode).toBe(200);
    // Submitted only through its registration application (filing type tech_contract_registration).
    const application = await as(orgUser, 'POST', '/api/v1/applications', { filing_type: 'tech_contract_registration', organization_id: yueluSeller.id, tech_contract_id: id });
    expect((await as(orgUser, 'POST', `/api/v1/applications/${application.json().id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    expect(errorAt(expectProblem(await as(orgUser, 'PATCH', `/api/v1/tech-contracts/${id}`, { title: '再改' }, 3), 403), 'status').code).toBe('permission.draft_only');
    expect(errorAt(expectProblem(await as(orgUser, 'DELETE', `/api/v1/tech-contracts/${id}`), 403), 'status').code).toBe('permission.draft_only');
  });

  it('a district officer sees and writes its district’s contracts only', async () => {
    const yuelu = await make();
    const furong = await make({ seller_org_id: furongSeller.id });
    const page = await list('per_page=200', yueluOfficer.headers);
    expect(page.results.every((r) => r.district_code === YUELU)).toBe(true);
    expect(page.results.map((r) => r.id)).toContain(yuelu.id);
    expect(page.results.map((r) => r.id)).not.toContain(furong.id);
    expectProblem(await as(yueluOfficer, 'GET', `/api/v1/tech-contracts/${furong.id}`), 404);
    const registered = await as(yueluOfficer, 'PATCH', `/api/v1/tech-contracts/${yuelu.id}`, { status: 'registered', registered_on: '2026-03-01' }, 1);
    expect(registered.statusCode, registered.body).toBe(200);
    expect(errorAt(expectProblem(await as(yueluOfficer, 'POST', '/api/v1/tech-contracts', input({ seller_org_id: furongSeller.id })), 403), 'permission').code).toBe('permission.area');
    expect(errorAt(expectProblem(await as(yueluOfficer, 'PATCH', `/api/v1/tech-contracts/${yuelu.id}`, { district_code: FURONG }, 2), 403), 'permission').code).toBe('permission.area');
  });

  it('the public reads no contract', async () => {
    expectProblem(await t.anonymous({ method: 'GET', url: '/api/v1/tech-contracts' }), 401);
  });
});

describe('registration on the filing engine (技术合同认定登记: tech_contract_registration)', () => {
  /** As `who`, or as the administrator the app acts as by default. */
  const as = (who: Acting | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, version?: number) =>
    app.inject({ method, url, headers: { ...(who?.headers ?? {}), ...(version ? { 'if-match': `"${version}"` } : {}) }, ...(payload ? { payload } : {}) });
  const apply = (who: Acting | null, contract: TechContract) => as(who, 'POST', '/api/v1/applications', { filing_type: 'tech_contract_registration', organization_id: contract.seller_org_id, tech_contract_id: contract.id });
  const act = (who: Acting | null, id: number, action: string, extra: object = {}) => as(who, 'POST', `/api/v1/applications/${id}/transitions`, { action, ...extra });
  const ok = async (res: Awaited<ReturnType<typeof as>>, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as { id: number; state: string; deadline: string | null; filed_entity: string | null; filed_record_id: number | null; tech_contract_id: number; actions: Array<{ action: string; reason_codes?: Array<{ code: string }> }> };
  };
  const adminGet = async (id: number) => techContract.parse((await app.inject({ method: 'GET', url: `/api/v1/tech-contracts/${id}` })).json());
  const turnover2026 = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/indicators/contracts.turnover/observations?period=2026' });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { results: Array<{ value: number | null }> }).results[0]?.value ?? 0;
  };
  /** A seller's draft applied for and submitted by the seller, taken by the district's registrar. */
  const underCheck = async (overrides: Partial<TechContractCreate> = {}) => {
    const contract = techContract.parse((await ok(await as(orgUser, 'POST', '/api/v1/tech-contracts', input(overrides)), 201)) as unknown);
    const application = await ok(await apply(orgUser, contract), 201);
    await ok(await act(orgUser, application.id, 'submit'));
    expect((await adminGet(contract.id)).status).toBe('submitted');
    const taken = await ok(await act(yueluOfficer, application.id, 'start_check'));
    return { contract, application: taken };
  };

  it('the seller applies, the registrar registers within 30 calendar days: the next number, today’s date, the turnover up by the amount', async () => {
    const before = await turnover2026();
    const { contract, application } = await underCheck({ contract_amount: '12345678.90', transaction_amount: '10000000' });
    expect(application.state).toBe('registration_check');
    // 30 calendar days from 2026-12-04 (技术合同认定登记管理办法: 30 日), the end of that day in China.
    expect(application.deadline).toBe('2027-01-03T15:59:59.999Z');
    expect(application.actions.find((a) => a.action === 'refuse_registration')?.reason_codes?.map((r) => r.code)).toContain('terms_unclear');
    const last = (await db.query<{ last: number }>("SELECT last FROM registration_counters WHERE year = 2026")).rows[0]?.last ?? 0;
    const done = await ok(await act(yueluOfficer, application.id, 'register'));
    expect(done).toMatchObject({ state: 'registered', filed_entity: 'tech_contracts', filed_record_id: contract.id });
    const registered = await adminGet(contract.id);
    expect(registered).toMatchObject({ status: 'registered', registered_on: '2026-12-04', registration_number: `2026430100${String(last + 1).padStart(6, '0')}` });
    expect(await turnover2026()).toBeCloseTo(before + 0.123456789, 9);
    const { rows } = await db.query<{ action: string; entity: string }>('SELECT action, entity FROM audit_log WHERE (entity = $1 AND record_id = $2) OR (entity = $3 AND record_id = $4) ORDER BY id', ['tech_contracts', String(contract.id), 'applications', String(application.id)]);
    expect(rows.slice(-2)).toEqual([{ action: 'update', entity: 'tech_contracts' }, { action: 'register', entity: 'applications' }]);
  });

  it('a registered contract keeps its amounts and parties and is not deleted, even by an administrator (409 naming why)', async () => {
    const { contract, application } = await underCheck();
    await ok(await act(yueluOfficer, application.id, 'register'));
    const current = await adminGet(contract.id);
    const refusedPatch = expectProblem(await patch(contract.id, { contract_amount: '1.00' }, current.version), 409);
    expect(errorAt(refusedPatch, 'contract_amount').code).toBe('tech_contract.registered');
    expect(errorAt(expectProblem(await patch(contract.id, { status: 'draft' }, current.version), 409), 'status').code).toBe('tech_contract.registered');
    expect(errorAt(expectProblem(await app.inject({ method: 'DELETE', url: `/api/v1/tech-contracts/${contract.id}` }), 409), 'status').code).toBe('tech_contract.registered');
    expect(errorAt(expectProblem(await as(orgUser, 'DELETE', `/api/v1/tech-contracts/${contract.id}`), 403), 'status').code).toBe('permission.draft_only');
    expect((await adminGet(contract.id)).contract_amount).toBe(current.contract_amount);
  });

  it('not registered needs one of the configured reasons; the contract keeps it', async () => {
    const { contract, application } = await underCheck();
    expect(errorAt(expectProblem(await act(yueluOfficer, application.id, 'refuse_registration'), 409), 'action').code).toBe('workflow.requires.reason_code_given');
    expect(errorAt(expectProblem(await act(yueluOfficer, application.id, 'refuse_registration', { reason_code: 'too_expensive' }), 400), 'reason_code').code).toBe('reason_code.unknown');
    expect((await adminGet(contract.id)).status).toBe('submitted');
    const done = await ok(await act(yueluOfficer, application.id, 'refuse_registration', { reason_code: 'terms_unclear', reason: '价款约定不明确' }));
    expect(done.state).toBe('not_registered');
    expect(await adminGet(contract.id)).toMatchObject({ status: 'not_registered', not_registered_reason: 'terms_unclear', registration_number: null });
  });

  it('returned: the seller fixes the contract and submits again; meanwhile the contract is not changed behind the workflow', async () => {
    const { contract, application } = await underCheck();
    expect(errorAt(expectProblem(await patch(contract.id, { title: '改' }, (await adminGet(contract.id)).version), 409), 'status').code).toBe('tech_contract.in_registration');
    expect(errorAt(expectProblem(await act(yueluOfficer, application.id, 'return'), 409), 'action').code).toBe('workflow.requires.reason_given');
    await ok(await act(yueluOfficer, application.id, 'return', { reason: '请补充买方所在地区' }));
    const returned = await adminGet(contract.id);
    expect(returned.status).toBe('returned');
    await ok(await as(orgUser, 'PATCH', `/api/v1/tech-contracts/${contract.id}`, { buyer_region: '440306' }, returned.version));
    expect(errorAt(expectProblem(await patch(contract.id, { status: 'submitted' }, returned.version + 1), 409), 'status').code).toBe('tech_contract.status_by_workflow');
    await ok(await act(orgUser, application.id, 'submit'));
    expect(await adminGet(contract.id)).toMatchObject({ status: 'submitted', buyer_region: '440306' });
  });

  it('answers a caller who is no party 404, the wrong party or state 409; one registration per contract at a time', async () => {
    const furongOfficer = await t.actAs('officer', { districts: [FURONG] });
    const otherOrgUser = await t.actAs('org_user', { organizationIds: [furongSeller.id] });
    const contract = techContract.parse((await ok(await as(orgUser, 'POST', '/api/v1/tech-contracts', input()), 201)) as unknown);
    expect(errorAt(expectProblem(await apply(otherOrgUser, contract), 400), 'tech_contract_id').code).toBe('tech_contract.not_found');
    expect(errorAt(expectProblem(await as(orgUser, 'POST', '/api/v1/applications', { filing_type: 'tech_contract_registration', organization_id: furongSeller.id, tech_contract_id: contract.id }), 400), 'tech_contract_id').code).toBe('tech_contract.not_sellers');
    expectProblem(await t.anonymous({ method: 'POST', url: '/api/v1/applications', payload: { filing_type: 'tech_contract_registration', organization_id: contract.seller_org_id, tech_contract_id: contract.id } }), 401);
    const expert = await t.actAs('expert');
    expect(errorAt(expectProblem(await apply(expert, contract), 403), 'permission').code).toBe('permission.role');
    const application = await ok(await apply(orgUser, contract), 201);
    expect(errorAt(expectProblem(await apply(orgUser, contract), 409), 'action').code).toBe('tech_contract.application_open');
    expectProblem(await as(furongOfficer, 'GET', `/api/v1/applications/${application.id}`), 404);
    expectProblem(await act(furongOfficer, application.id, 'submit'), 404);
    expect(errorAt(expectProblem(await act(yueluOfficer, application.id, 'start_check'), 409), 'action').code).toBe('workflow.state');
    await ok(await act(orgUser, application.id, 'submit'));
    expect(errorAt(expectProblem(await act(orgUser, application.id, 'start_check'), 409), 'action').code).toBe('workflow.party');
    const registered = await make({ status: 'registered', registered_on: '2026-01-05' });
    expect(errorAt(expectProblem(await app.inject({ method: 'POST', url: '/api/v1/applications', payload: { filing_type: 'tech_contract_registration', organization_id: registered.seller_org_id, tech_contract_id: registered.id } }), 409), 'action').code).toBe('tech_contract.not_draft');
  });

  it('a registrar enters an application for the seller; concurrent registrations get distinct consecutive numbers', async () => {
    const entered = await Promise.all([make(), make(), make()].map(async (c) => {
      const application = await ok(await apply(yueluOfficer, await c), 201);
      await ok(await act(yueluOfficer, application.id, 'submit'));
      await ok(await act(yueluOfficer, application.id, 'start_check'));
      return application.id;
    }));
    const done = await Promise.all(entered.map((id) => act(yueluOfficer, id, 'register')));
    for (const res of done) expect(res.statusCode, res.body).toBe(200);
    const numbers = await Promise.all(done.map(async (res) => (await adminGet((res.json() as { tech_contract_id: number }).tech_contract_id)).registration_number!));
    const sequence = numbers.map((x) => Number(x.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(3);
    expect(sequence).toEqual([sequence[0], sequence[0]! + 1, sequence[0]! + 2]);
  });
});
