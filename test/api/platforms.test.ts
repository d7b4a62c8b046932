import { describe, expect, it } from 'vitest';
import { platform, platformList } from '../../src/contracts/platforms.js';
import { createOrganization, createPlatform, platformInput } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { crudSuite } from './crudSuite.js';
import { errorAt, expectProblem, resourceClient, storedRow } from './helpers.js';

const { app, db } = await createTestApp();

const { post, patch, refused } = resourceClient(app, db, 'platforms');

crudSuite({
  app,
  db,
  path: 'platforms',
  table: 'platforms',
  item: platform,
  list: platformList,
  input: async () => ({ ...(await platformInput(app)) }),
  change: { body: { status: 'reorganized' }, field: 'status' },
});

describe('innovation platforms (创新平台)', () => {
  it('names the host in the reply', async () => {
    const host = await createOrganization(app, { name: '中南大学', kind: 'university' });
    const p = await createPlatform(app, { host_org_id: host.id, name: '粉末冶金国家重点实验室' });
    expect(p).toMatchObject({ host_org_id: host.id, host_name: '中南大学', name: '粉末冶金国家重点实验室', status: 'active' });
  });

  it('accepts a platform under construction without a recognition date or authority', async () => {
    const p = await createPlatform(app, { status: 'under_construction', recognized_on: null, authority: null, zone: null });
    expect(p).toMatchObject({ recognized_on: null, authority: null, zone: null });
  });

  it('refuses a host that does not exist, naming host_org_id', async () => {
    expect(errorAt(await refused(await platformInput(app, { host_org_id: 2_147_483_000 }), 400, ['host_org_id']), 'host_org_id').code).toBe('reference.not_found');
  });

  it('refuses a second platform of the same name under one host (409), but not under another', async () => {
    const first = await createPlatform(app);
    const same = await platformInput(app, { host_org_id: first.host_org_id, name: first.name });
    expect(errorAt(await refused(same, 409, ['name']), 'name')).toMatchObject({ code: 'name.duplicate_under_host', params: { existing_id: first.id } });
    expect((await post({ ...same, host_org_id: (await createOrganization(app)).id })).statusCode).toBe(201);
  });

  it('refuses a rename onto a sibling’s name or a dangling host on update, and changes nothing', async () => {
    const a = await createPlatform(app);
    const b = await createPlatform(app, { host_org_id: a.host_org_id });
    const stored = await storedRow(db, 'platforms', b.id);
    expectProblem(await patch(b.id, { name: a.name }), 409, ['name']);
    expectProblem(await patch(b.id, { host_org_id: 2_147_483_000 }), 400, ['host_org_id']);
    expect(await storedRow(db, 'platforms', b.id)).toEqual(stored);
  });

  it('refuses unknown type, level and status codes together, listing the allowed ones', async () => {
    const p = await refused({ ...(await platformInput(app)), type: 'national_park', level: 'global', status: 'closed' }, 400, ['type', 'level', 'status']);
    expect(errorAt(p, 'status').params).toEqual({ allowed: ['active', 'under_construction', 'reorganized', 'revoked'] });
    expect(errorAt(p, 'type').params?.allowed).toContain('national_key_lab');
  });

  it('refuses a recognition date in the future or that does not exist', async () => {
    expect(errorAt(await refused(await platformInput(app, { recognized_on: '2099-01-01' }), 400, ['recognized_on']), 'recognized_on').code).toBe('date.future');
    expect(errorAt(await refused(await platformInput(app, { recognized_on: '2025-02-30' }), 400, ['recognized_on']), 'recognized_on').code).toBe('date.invalid');
  });

  it('refuses a retired district and an unknown zone', async () => {
    const p = await refused(await platformInput(app, { district_code: '430124', zone: 'atlantis' }), 400, ['district_code', 'zone']);
    expect(errorAt(p, 'district_code').params).toMatchObject({ successor: '430182' });
  });

  it('refuses bad fields of an update all at once and changes nothing', async () => {
    const p = await createPlatform(app);
    const stored = await storedRow(db, 'platforms', p.id);
    const res = await patch(p.id, { recognized_on: '2099-01-01', district_code: '430101', status: 'closed', authority: 'x'.repeat(201) });
    expectProblem(res, 400, ['recognized_on', 'district_code', 'status', 'authority']);
    expect(await storedRow(db, 'platforms', p.id)).toEqual(stored);
  });

  it('groups platforms by status with bilingual labels', async () => {
    const host = await createOrganization(app);
    await createPlatform(app, { host_org_id: host.id, status: 'revoked' });
    await createPlatform(app, { host_org_id: host.id, status: 'revoked' });
    await createPlatform(app, { host_org_id: host.id, status: 'active' });
    const res = await app.inject({ method: 'GET', url: `/api/v1/platforms?filter=host_org_id:${host.id}&group_by=status` });
    expect(platformList.parse(res.json()).group_by).toEqual([
      { key: 'revoked', key_display_name: { zh: '已撤销', en: 'Revoked' }, count: 2 },
      { key: 'active', key_display_name: { zh: '运行', en: 'Active' }, count: 1 },
    ]);
  });
});
