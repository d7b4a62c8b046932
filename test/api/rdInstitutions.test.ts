import { describe, expect, it } from 'vitest';
import { rdInstitution, rdInstitutionList } from '../../src/contracts/rdInstitutions.js';
import { createOrganization, createRdInstitution, rdInstitutionInput } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { crudSuite } from './crudSuite.js';
import { errorAt, expectProblem, resourceClient, storedRow } from './helpers.js';

const { app, db } = await createTestApp();

const { post, patch, refused } = resourceClient(app, db, 'rd-institutions');

const EVIDENCE = '在德国慕尼黑、美国硅谷设立研发分支机构';

crudSuite({
  app,
  db,
  path: 'rd-institutions',
  table: 'rd_institutions',
  item: rdInstitution,
  list: rdInstitutionList,
  input: async () => ({ ...(await rdInstitutionInput(app)) }),
  change: { body: { name: '改名后的研发中心' }, field: 'name' },
});

describe('R&D institutions (研发机构)', () => {
  it('names the host and starts with no confirmed feature', async () => {
    const host = await createOrganization(app, { name: '湖南大学', kind: 'university' });
    const inst = await createRdInstitution(app, { host_org_id: host.id });
    expect(inst).toMatchObject({ host_org_id: host.id, host_name: '湖南大学', global_feature_count: 0 });
    expect(inst.four_global.global_layout).toEqual({ evidence: null, confirmed_on: null });
  });

  it('refuses a host that does not exist, naming host_org_id', async () => {
    const e = errorAt(await refused(await rdInstitutionInput(app, { host_org_id: 2_147_483_000 }), 400, ['host_org_id']), 'host_org_id');
    expect(e.code).toBe('reference.not_found');
  });

  it('refuses a second institution of the same name under one host (409), but not under another', async () => {
    const first = await createRdInstitution(app);
    const same = await rdInstitutionInput(app, { host_org_id: first.host_org_id, name: first.name });
    expect(errorAt(await refused(same, 409, ['name']), 'name')).toMatchObject({ code: 'name.duplicate_under_host', params: { existing_id: first.id } });
    const res = await post({ ...same, host_org_id: (await createOrganization(app)).id });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a rename onto a sibling’s name and changes nothing', async () => {
    const a = await createRdInstitution(app);
    const b = await createRdInstitution(app, { host_org_id: a.host_org_id });
    const stored = await storedRow(db, 'rd_institutions', b.id);
    expectProblem(await patch(b.id, { name: a.name }), 409, ['name']);
    expect(await storedRow(db, 'rd_institutions', b.id)).toEqual(stored);
  });

  it('refuses a dangling host on update, naming host_org_id', async () => {
    const inst = await createRdInstitution(app);
    const stored = await storedRow(db, 'rd_institutions', inst.id);
    expectProblem(await patch(inst.id, { host_org_id: 2_147_483_000 }), 400, ['host_org_id']);
    expect(await storedRow(db, 'rd_institutions', inst.id)).toEqual(stored);
  });

  it('requires a district, refuses retired and city codes, unknown zones, categories and levels', async () => {
    const { district_code: _, ...noDistrict } = await rdInstitutionInput(app);
    expect(errorAt(await refused(noDistrict, 400, ['district_code']), 'district_code').code).toBe('required');
    expect(errorAt(await refused({ ...noDistrict, district_code: null }, 400, ['district_code']), 'district_code').code).toBe('invalid_type');
    expect(errorAt(await refused({ ...noDistrict, district_code: '430122' }, 400, ['district_code']), 'district_code').params).toMatchObject({ successor: '430112' });
    expect(errorAt(await refused({ ...noDistrict, district_code: '430100' }, 400, ['district_code']), 'district_code').code).toBe('district.city_level');
    const p = await refused({ ...noDistrict, district_code: '430104', zone: 'atlantis', category: 'lab', level: 'global' }, 400, ['zone', 'category', 'level']);
    expect(p.errors.map((e) => e.code).sort()).toEqual(['invalid_code', 'invalid_code', 'zone.unknown']);
  });

  it('refuses an establishment date in the future', async () => {
    expect(errorAt(await refused(await rdInstitutionInput(app, { established_on: '2099-01-01' }), 400, ['established_on']), 'established_on').code).toBe('date.future');
  });
});

describe('four global features (四个全球)', () => {
  it('counts a confirmed feature with evidence', async () => {
    const inst = await createRdInstitution(app, { four_global: { global_layout: { evidence: EVIDENCE, confirmed_on: '2024-05-01' }, global_tasks: { evidence: '承接海外客户研发任务' } } });
    expect(inst.global_feature_count).toBe(1);
    expect(inst.four_global).toMatchObject({
      global_layout: { evidence: EVIDENCE, confirmed_on: '2024-05-01' },
      global_tasks: { evidence: '承接海外客户研发任务', confirmed_on: null },
    });
  });

  it.each([
    ['without the evidence key', { confirmed_on: '2024-05-01' }],
    ['with null evidence', { evidence: null, confirmed_on: '2024-05-01' }],
    ['with blank evidence', { evidence: '   ', confirmed_on: '2024-05-01' }],
  ])('refuses a confirmed feature %s, naming four_global.<feature>.evidence', async (_label, claim) => {
    const input = await rdInstitutionInput(app, { four_global: { global_resources: claim } });
    const e = errorAt(await refused(input, 400, ['four_global.global_resources.evidence']), 'four_global.global_resources.evidence');
    expect(e).toMatchObject({ code: 'four_global.confirmation_without_evidence', params: { feature: 'global_resources' } });
  });

  it('refuses a confirmation dated in the future or on a day that does not exist', async () => {
    const input = await rdInstitutionInput(app, {
      four_global: { global_tasks: { evidence: EVIDENCE, confirmed_on: '2099-01-01' }, global_results: { evidence: EVIDENCE, confirmed_on: '2025-02-30' } },
    });
    const p = await refused(input, 400, ['four_global.global_tasks.confirmed_on', 'four_global.global_results.confirmed_on']);
    expect(errorAt(p, 'four_global.global_tasks.confirmed_on').code).toBe('four_global.confirmed_in_future');
    expect(errorAt(p, 'four_global.global_results.confirmed_on').code).toBe('date.invalid');
  });

  it('names unknown features and unknown claim fields by their full path', async () => {
    const input = { ...(await rdInstitutionInput(app)), four_global: { global_love: {}, global_layout: { evidence: EVIDENCE, note: 'x' } } };
    const p = await refused(input, 400, ['four_global.global_love', 'four_global.global_layout.note']);
    expect(p.errors.every((e) => e.code === 'unknown_field')).toBe(true);
  });

  it('refuses evidence longer than 2000 characters', async () => {
    const input = await rdInstitutionInput(app, { four_global: { global_layout: { evidence: '证'.repeat(2001) } } });
    expect(errorAt(await refused(input, 400, ['four_global.global_layout.evidence']), 'four_global.global_layout.evidence').code).toBe('too_long');
  });

  it('confirms stored evidence with a partial update, then clears the claim with null', async () => {
    const inst = await createRdInstitution(app, { four_global: { global_results: { evidence: EVIDENCE } } });
    const confirmed = await patch(inst.id, { four_global: { global_results: { confirmed_on: '2025-01-10' } } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(rdInstitution.parse(confirmed.json())).toMatchObject({ global_feature_count: 1, four_global: { global_results: { evidence: EVIDENCE, confirmed_on: '2025-01-10' } } });
    const cleared = await patch(inst.id, { four_global: { global_results: null } }, 2);
    expect(rdInstitution.parse(cleared.json())).toMatchObject({ global_feature_count: 0, four_global: { global_results: { evidence: null, confirmed_on: null } } });
  });

  it('refuses confirming a feature that has no stored evidence, and changes nothing', async () => {
    const inst = await createRdInstitution(app);
    const stored = await storedRow(db, 'rd_institutions', inst.id);
    expectProblem(await patch(inst.id, { four_global: { global_layout: { confirmed_on: '2025-01-10' } } }), 400, ['four_global.global_layout.evidence']);
    expect(await storedRow(db, 'rd_institutions', inst.id)).toEqual(stored);
  });

  it('refuses removing the evidence of a confirmed feature', async () => {
    const inst = await createRdInstitution(app, { four_global: { global_layout: { evidence: EVIDENCE, confirmed_on: '2024-05-01' } } });
    const stored = await storedRow(db, 'rd_institutions', inst.id);
    expectProblem(await patch(inst.id, { four_global: { global_layout: { evidence: null } } }), 400, ['four_global.global_layout.evidence']);
    expect(await storedRow(db, 'rd_institutions', inst.id)).toEqual(stored);
  });

  it('filters and groups on confirmed features', async () => {
    const host = await createOrganization(app);
    await createRdInstitution(app, { host_org_id: host.id, four_global: { global_tasks: { evidence: EVIDENCE, confirmed_on: '2024-01-01' } } });
    await createRdInstitution(app, { host_org_id: host.id });
    const res = await app.inject({ method: 'GET', url: `/api/v1/rd-institutions?filter=host_org_id:${host.id},global_tasks:true` });
    expect(rdInstitutionList.parse(res.json()).results.map((r) => r.four_global.global_tasks.confirmed_on)).toEqual(['2024-01-01']);
    const grouped = rdInstitutionList.parse((await app.inject({ method: 'GET', url: `/api/v1/rd-institutions?filter=host_org_id:${host.id}&group_by=global_feature_count` })).json());
    expect(grouped.group_by.map((g) => [g.key, g.count]).sort()).toEqual([
      ['0', 1],
      ['1', 1],
    ]);
  });
});
