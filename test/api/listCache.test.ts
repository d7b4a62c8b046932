import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/testApp.js';
import { createOrganization, createRdInstitution } from '../support/factories.js';

const { app, db } = await createTestApp();

const count = async (url: string) => (JSON.parse((await app.inject(url)).body) as { meta: { count: number } }).meta.count;

describe('cached list pages never go stale', () => {
  it('sees a create, an update and a delete made through the API', async () => {
    const url = '/api/v1/organizations?search=缓存测试';
    expect(await count(url)).toBe(0);
    const org = await createOrganization(app, { name: '缓存测试科技有限公司' });
    expect(await count(url)).toBe(1);
    await app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers: { 'if-match': `"${org.version}"` }, payload: { name: '改名科技有限公司' } });
    expect(await count(url)).toBe(0);
    expect(await count('/api/v1/organizations?search=改名科技')).toBe(1);
  });

  it('sees writes made behind the server’s back (another process, plain SQL)', async () => {
    const url = '/api/v1/organizations?filter=kind:hospital';
    const before = await count(url);
    await db.query("UPDATE organizations SET kind = 'hospital' WHERE id = (SELECT min(id) FROM organizations WHERE kind <> 'hospital')");
    expect(await count(url)).toBe(before + 1);
  });

  it('refreshes a joined list when the joined table changes', async () => {
    const host = await createOrganization(app, { name: '宿主单位甲' });
    const inst = await createRdInstitution(app, { host_org_id: host.id });
    const url = `/api/v1/rd-institutions?filter=host_org_id:${host.id}`;
    const first = JSON.parse((await app.inject(url)).body) as { results: Array<{ host_name: string }> };
    expect(first.results[0]?.host_name).toBe('宿主单位甲');
    await db.query('UPDATE organizations SET name = $1 WHERE id = $2', ['宿主单位乙', host.id]);
    const second = JSON.parse((await app.inject(url)).body) as { results: Array<{ host_name: string; id: number }> };
    expect(second.results).toEqual([expect.objectContaining({ id: inst.id, host_name: '宿主单位乙' })]);
  });
});
