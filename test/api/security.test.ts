import { describe, expect, it } from 'vitest';
import { rolePermissions, type AccountRole, type Permission } from '../../src/domain/permissions.js';
import { createOrganization, createPlatform, createQualification, createRdInstitution, organizationInput, platformInput, qualificationInput, rdInstitutionInput } from '../support/factories.js';
import { createTestApp, type Acting } from '../support/testApp.js';
import { errorAt, expectProblem, servedRoutes } from './helpers.js';

/**
 * The same security checks on every route (issue 5): 401 anonymous, 403 for a role without the
 * permission, 403 for another organization's record, 403 outside an officer's districts. The
 * routes come from Fastify itself, so a new write route that is not in the table below fails the
 * first test, and one without a guard fails the 401 test.
 */

const t = await createTestApp({ today: () => '2026-11-27' });
const { app, anonymous } = t;

type Access = 'public' | 'signed_in' | Permission;

/** Every write route and what it needs. */
const WRITES: Record<string, Access> = {
  'post /api/v1/auth/login': 'public',
  'post /api/v1/auth/logout': 'public',
  'post /api/v1/auth/password': 'signed_in',
  'post /api/v1/tokens': 'tokens.manage',
  'delete /api/v1/tokens/:id': 'tokens.manage',
  'post /api/v1/users': 'users.manage',
  'patch /api/v1/users/:id': 'users.manage',
  'post /api/v1/users/:id/unlock': 'users.manage',
  'post /api/v1/organizations': 'organizations.create',
  'patch /api/v1/organizations/:id': 'organizations.update',
  'delete /api/v1/organizations/:id': 'organizations.delete',
  'post /api/v1/qualifications': 'qualifications.write',
  'patch /api/v1/qualifications/:id': 'qualifications.write',
  'delete /api/v1/qualifications/:id': 'qualifications.write',
  'post /api/v1/rd-institutions': 'rd_institutions.write',
  'patch /api/v1/rd-institutions/:id': 'rd_institutions.write',
  'delete /api/v1/rd-institutions/:id': 'rd_institutions.write',
  'post /api/v1/platforms': 'platforms.write',
  'patch /api/v1/platforms/:id': 'platforms.write',
  'delete /api/v1/platforms/:id': 'platforms.write',
  'post /api/v1/tech-contracts': 'tech_contracts.write',
  'patch /api/v1/tech-contracts/:id': 'tech_contracts.write',
  'delete /api/v1/tech-contracts/:id': 'tech_contracts.write',
  'post /api/v1/projects': 'achievements.write',
  'patch /api/v1/projects/:id': 'achievements.write',
  'delete /api/v1/projects/:id': 'achievements.write',
  'post /api/v1/achievements': 'achievements.write',
  'patch /api/v1/achievements/:id': 'achievements.write',
  'delete /api/v1/achievements/:id': 'achievements.write',
  'post /api/v1/transfers': 'achievements.write',
  'patch /api/v1/transfers/:id': 'achievements.write',
  'delete /api/v1/transfers/:id': 'achievements.write',
  'post /api/v1/incubations': 'achievements.write',
  'patch /api/v1/incubations/:id': 'achievements.write',
  'delete /api/v1/incubations/:id': 'achievements.write',
  'post /api/v1/talent-introductions': 'talent.write',
  'patch /api/v1/talent-introductions/:id': 'talent.write',
  'delete /api/v1/talent-introductions/:id': 'talent.write',
  'post /api/v1/recruitment-calls': 'talent.write',
  'patch /api/v1/recruitment-calls/:id': 'talent.write',
  'delete /api/v1/recruitment-calls/:id': 'talent.write',
  'post /api/v1/ip-loans': 'ip_loans.write',
  'patch /api/v1/ip-loans/:id': 'ip_loans.write',
  'delete /api/v1/ip-loans/:id': 'ip_loans.write',
  'post /api/v1/ip-loans/:id/steps': 'ip_loans.write',
  'post /api/v1/imports/preview': 'imports.write',
  'post /api/v1/imports': 'imports.write',
  'post /api/v1/indicators/:code/values': 'official_values.write',
  'post /api/v1/targets': 'targets.write',
  'patch /api/v1/targets/:id': 'targets.write',
  'delete /api/v1/targets/:id': 'targets.write',
  'post /api/v1/targets/:id/cascade': 'targets.write',
  // An applicant starts its own; a registrar enters a contract's registration for the seller (the service judges which).
  'post /api/v1/applications': 'signed_in',
  'patch /api/v1/applications/:id': 'applications.write',
  'post /api/v1/applications/:id/transitions': 'signed_in',
  'post /api/v1/applications/:id/expert-draw': 'applications.review',
  'post /api/v1/applications/:id/reviews': 'reviews.write',
  'post /api/v1/applications/:id/objections/:sub/resolution': 'applications.review',
  'post /api/v1/applications/:id/evaluations': 'applications.review',
  'post /api/v1/applications/:id/attachments': 'applications.write',
  'delete /api/v1/applications/:id/attachments/:sub': 'applications.write',
  'post /api/v1/notices/:id/objections': 'public',
  'post /api/v1/experts': 'experts.manage',
  'patch /api/v1/experts/:id': 'experts.manage',
  'post /api/v1/tech-sme-evaluation': 'public',
  'post /api/v1/organizations/:id/tech-sme-evaluations': 'tech_sme_evaluations.write',
};

/**
 * The reads for anyone (docs/security.md, "What anyone may read"): what a notice itself shows, the
 * city's configuration, signing in; and the open-data API under /api/v1/public/, which serves only
 * what is published. Every other GET needs an account: `registry.read` unless listed below.
 */
const PUBLIC_READS = new Set([
  'get /api/v1/auth/me',
  'get /api/v1/auth/demo',
  'get /api/v1/meta',
  'get /api/v1/meta/regions',
  'get /api/v1/filing-types',
  'get /api/v1/notices',
  'get /api/v1/imports/templates/:entity.:format',
  'get /api/v1/recruitment-calls',
  'get /api/v1/recruitment-calls/:id',
  'get /api/v1/recruitment-calls/export',
]);
const publicRead = (key: string) => PUBLIC_READS.has(key) || key.startsWith('get /api/v1/public/');

/** Reads that need more than `registry.read`. */
const PROTECTED_READS: Record<string, Access> = {
  'get /api/v1/imports': 'imports.read',
  'get /api/v1/imports/:id': 'imports.read',
  'get /api/v1/imports/:id/problems': 'imports.read',
  'get /api/v1/imports/:id/report.csv': 'imports.read',
  'get /api/v1/tokens': 'tokens.manage',
  'get /api/v1/users': 'users.manage',
  'get /api/v1/users/:id': 'users.manage',
  'get /api/v1/audit': 'audit.read',
  'get /api/v1/audit/export': 'audit.read',
  'get /api/v1/audit/verify': 'audit.read',
  'get /api/v1/admin/backup': 'database.backup',
  'get /api/v1/applications': 'signed_in',
  'get /api/v1/applications/:id': 'signed_in',
  'get /api/v1/applications/:id/attachments/:sub': 'signed_in',
  'get /api/v1/experts': 'experts.manage',
  'get /api/v1/experts/candidates': 'experts.manage',
  'get /api/v1/inbox': 'signed_in',
  'get /api/v1/tech-contracts': 'tech_contracts.read',
  'get /api/v1/tech-contracts/:id': 'tech_contracts.read',
  'get /api/v1/tech-contracts/export': 'tech_contracts.read',
  'get /api/v1/tech-contracts/top-sellers': 'tech_contracts.read',
  'get /api/v1/projects': 'achievements.read',
  'get /api/v1/projects/:id': 'achievements.read',
  'get /api/v1/achievements': 'achievements.read',
  'get /api/v1/projects/export': 'achievements.read',
  'get /api/v1/achievements/export': 'achievements.read',
  'get /api/v1/transfers/export': 'achievements.read',
  'get /api/v1/incubations/export': 'achievements.read',
  'get /api/v1/achievements/:id': 'achievements.read',
  'get /api/v1/transfers': 'achievements.read',
  'get /api/v1/transfers/:id': 'achievements.read',
  'get /api/v1/incubations': 'achievements.read',
  'get /api/v1/incubations/:id': 'achievements.read',
  'get /api/v1/organizations/:id/tech-sme-evaluations': 'tech_sme_evaluations.read',
  'get /api/v1/talent-introductions': 'talent.read',
  'get /api/v1/talent-introductions/:id': 'talent.read',
  'get /api/v1/talent-introductions/export': 'talent.read',
  'get /api/v1/ip-loans': 'ip_loans.read',
  'get /api/v1/ip-loans/:id': 'ip_loans.read',
  'get /api/v1/ip-loans/export': 'ip_loans.read',
  'get /api/v1/market-analysis': 'tech_contracts.read',
  'get /api/v1/market-analysis/top-sellers': 'tech_contracts.read',
  'get /api/v1/market-analysis/export': 'tech_contracts.read',
  // The graph: an organization user gets 403, an area officer its area's records and their direct relations (test/api/innovationGraph.test.ts).
  'get /api/v1/graph/nodes/:kind/:id/neighbourhood': 'achievements.read',
  'get /api/v1/graph/path': 'achievements.read',
  'get /api/v1/graph/centrality': 'achievements.read',
  'get /api/v1/graph/communities': 'achievements.read',
  'get /api/v1/graph/stats': 'achievements.read',
  'get /api/v1/chains': 'chains.read',
  'get /api/v1/chains/gaps': 'chains.read',
  'get /api/v1/chains/:chainId': 'chains.read',
  'get /api/v1/chains/:chainId/segments/:segmentId/rows': 'chains.read',
  // Matching reads the graph: the same city-wide grant (a district officer gets 403: test/api/matching.test.ts).
  'get /api/v1/matching/achievements/:id/enterprises': 'achievements.read',
  'get /api/v1/matching/enterprises/:id/institutions': 'achievements.read',
};

const api = servedRoutes(app)
  .filter((r) => r.path.startsWith('/api/v1/'))
  .map((r) => ({ key: `${r.method} ${r.path}`, method: r.method.toUpperCase() as 'GET' | 'POST' | 'PATCH' | 'DELETE', path: r.path }));
const writes = api.filter((r) => r.method !== 'GET');
const reads = api.filter((r) => r.method === 'GET');
const guarded = [...writes.filter((r) => WRITES[r.key] !== 'public'), ...reads.filter((r) => !publicRead(r.key))];
const url = (path: string) => path.replace(':id', '1').replace(':sub', '1').replace(':code', 'gdp').replace(':entity', 'organizations').replace(':format', 'csv');

// Who acts: an organization user of Yuelu's organization, a Yuelu district officer, a city officer, an expert.
const YUELU = '430104';
const FURONG = '430102';
const ownOrg = await createOrganization(app, { district_code: YUELU });
const otherOrg = await createOrganization(app, { district_code: FURONG });
const as: Record<'orgUser' | 'districtOfficer' | 'zoneOfficer' | 'officer' | 'expert', Acting> = {
  orgUser: await t.actAs('org_user', { organizationIds: [ownOrg.id] }),
  districtOfficer: await t.actAs('officer', { districts: [YUELU] }),
  zoneOfficer: await t.actAs('officer', { zones: ['changsha_hitech_zone'] }),
  officer: await t.actAs('officer'),
  expert: await t.actAs('expert'),
};
const roleActing: Record<Exclude<AccountRole, 'admin'>, Acting> = { expert: as.expert, org_user: as.orgUser, officer: as.officer };

const call = (who: Acting, method: 'POST' | 'PATCH' | 'DELETE' | 'GET', path: string, payload?: object, version?: number) =>
  app.inject({ method, url: path, headers: { ...who.headers, ...(version ? { 'if-match': `"${version}"` } : {}) }, ...(payload ? { payload } : {}) });

describe('every route declares who may call it', () => {
  it('the table names every write route Fastify serves, and nothing else', () => {
    expect(writes.map((r) => r.key).sort()).toEqual(Object.keys(WRITES).sort());
    for (const key of [...Object.keys(PROTECTED_READS), ...PUBLIC_READS]) expect(api.map((r) => r.key), key).toContain(key);
  });

  it.each(guarded.map((r) => [r.key, r] as const))('%s: anonymous → 401 problem+json naming how to authenticate', async (_key, r) => {
    const res = await anonymous({ method: r.method, url: url(r.path), payload: r.method === 'GET' ? undefined : {} });
    const p = expectProblem(res, 401, ['credentials']);
    expect(errorAt(p, 'credentials').code).toBe('auth.required');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  const byRole = [...writes, ...api.filter((r) => PROTECTED_READS[r.key])]
    .map((r) => ({ ...r, access: WRITES[r.key] ?? PROTECTED_READS[r.key]! }))
    .filter((r): r is typeof r & { access: Permission } => r.access !== 'public' && r.access !== 'signed_in')
    .map((r) => ({ ...r, role: (['expert', 'org_user', 'officer'] as const).find((role) => rolePermissions[role][r.access] === undefined) }))
    .filter((r): r is typeof r & { role: Exclude<AccountRole, 'admin'> } => r.role !== undefined);

  it.each(byRole.map((r) => [r.key, r.role, r] as const))('%s: %s (without the permission) → 403', async (_key, role, r) => {
    const res = await call(roleActing[role], r.method, url(r.path), r.method === 'GET' ? undefined : {});
    expect(errorAt(expectProblem(res, 403, ['permission']), 'permission')).toMatchObject({ code: 'permission.role', params: { permission: r.access, role } });
  });

  it('token management needs a session: a token (even an administrator’s) gets 403', async () => {
    for (const r of api.filter((x) => x.path.startsWith('/api/v1/tokens'))) {
      const res = await app.inject({ method: r.method, url: url(r.path), headers: { authorization: t.adminAuthorization }, ...(r.method === 'GET' ? {} : { payload: {} }) });
      expect(errorAt(expectProblem(res, 403, ['permission']), 'permission').code, r.key).toBe('permission.token_scope');
    }
  });

  it('the public reads need no credentials', async () => {
    for (const r of reads.filter((x) => publicRead(x.key))) {
      const res = await anonymous({ method: 'GET', url: url(r.path) });
      expect([401, 403], `${r.key} answered ${res.statusCode}`).not.toContain(res.statusCode);
    }
  });

  it('the registry, its indicators and the dashboard are closed to the public and open to every account', async () => {
    const rdCount = 'rd_institutions.count';
    const registry = [
      '/api/v1/organizations',
      `/api/v1/organizations/${otherOrg.id}`,
      '/api/v1/organizations/export?format=csv',
      '/api/v1/qualifications?group_by=district_code',
      '/api/v1/dashboard',
      '/api/v1/indicators',
      `/api/v1/indicators/${rdCount}/observations?period=2026`,
      `/api/v1/indicators/${rdCount}/rows?period=2026`,
      '/api/v1/targets',
    ];
    for (const path of registry) {
      const p = expectProblem(await anonymous({ method: 'GET', url: path }), 401, ['credentials']);
      expect(errorAt(p, 'credentials').code, path).toBe('auth.required');
      for (const who of [as.orgUser, as.expert]) {
        const res = await call(who, 'GET', path);
        expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      }
    }
  });

  it('import records need an officer: the city officer and the district officer read them', async () => {
    expect((await call(as.officer, 'GET', '/api/v1/imports')).statusCode).toBe(200);
    expect((await call(as.districtOfficer, 'GET', '/api/v1/imports')).statusCode).toBe(200);
  });
});

/** A qualification's key is (organization, type, start): each one made here starts on another day. */
let day = 0;
const start = () => `2010-01-${String(++day).padStart(2, '0')}`;

/** The registry resources under an organization: a record of an organization, a create body for one, a change, a move. */
const RESOURCES = {
  qualifications: {
    make: (orgId: number) => createQualification(app, { organization_id: orgId, valid_from: start() }),
    input: (orgId: number) => qualificationInput(app, { organization_id: orgId, valid_from: start() }),
    change: { certificate_no: 'GR2099' },
    move: (orgId: number) => ({ organization_id: orgId }),
  },
  'rd-institutions': {
    make: (orgId: number) => createRdInstitution(app, { host_org_id: orgId, district_code: orgId === ownOrg.id ? YUELU : FURONG }),
    input: (orgId: number) => rdInstitutionInput(app, { host_org_id: orgId, district_code: orgId === ownOrg.id ? YUELU : FURONG }),
    change: { name_en: 'Changed' },
    move: (orgId: number) => ({ host_org_id: orgId }),
  },
  platforms: {
    make: (orgId: number) => createPlatform(app, { host_org_id: orgId, district_code: orgId === ownOrg.id ? YUELU : FURONG }),
    input: (orgId: number) => platformInput(app, { host_org_id: orgId, district_code: orgId === ownOrg.id ? YUELU : FURONG }),
    change: { name_en: 'Changed' },
    move: (orgId: number) => ({ host_org_id: orgId }),
  },
} as const;

describe('an organization user reaches its own organizations’ records only', () => {
  it('changes its own organization, not another (403 naming the organization)', async () => {
    const own = await call(as.orgUser, 'PATCH', `/api/v1/organizations/${ownOrg.id}`, { address: '岳麓区麓山南路 2 号' }, ownOrg.version);
    expect(own.statusCode, own.body).toBe(200);
    const other = await call(as.orgUser, 'PATCH', `/api/v1/organizations/${otherOrg.id}`, { address: 'x' }, otherOrg.version);
    expect(errorAt(expectProblem(other, 403, ['permission']), 'permission').code).toBe('permission.organization');
  });

  it('may not create or delete organizations (its role lacks the permission)', async () => {
    expect(errorAt(expectProblem(await call(as.orgUser, 'POST', '/api/v1/organizations', organizationInput()), 403), 'permission').code).toBe('permission.role');
    expect(errorAt(expectProblem(await call(as.orgUser, 'DELETE', `/api/v1/organizations/${ownOrg.id}`), 403), 'permission').code).toBe('permission.role');
  });

  it('answers 404, not 403, for a record that does not exist (every account reads the registry: existence is no secret)', async () => {
    expectProblem(await call(as.orgUser, 'PATCH', '/api/v1/qualifications/2147483647', { certificate_no: 'x' }, 1), 404);
  });

  describe.each(Object.entries(RESOURCES))('%s', (path, r) => {
    it('creates, changes and deletes its own organization’s records', async () => {
      const created = await call(as.orgUser, 'POST', `/api/v1/${path}`, await r.input(ownOrg.id));
      expect(created.statusCode, created.body).toBe(201);
      const { id, version } = created.json() as { id: number; version: number };
      const changed = await call(as.orgUser, 'PATCH', `/api/v1/${path}/${id}`, r.change, version);
      expect(changed.statusCode, changed.body).toBe(200);
      expect((await call(as.orgUser, 'DELETE', `/api/v1/${path}/${id}`)).statusCode).toBe(204);
    });

    it('gets 403 for another organization’s records, and writes nothing', async () => {
      const other = await r.make(otherOrg.id);
      for (const res of [
        await call(as.orgUser, 'POST', `/api/v1/${path}`, await r.input(otherOrg.id)),
        await call(as.orgUser, 'PATCH', `/api/v1/${path}/${other.id}`, r.change, other.version),
        await call(as.orgUser, 'DELETE', `/api/v1/${path}/${other.id}`),
      ])
        expect(errorAt(expectProblem(res, 403, ['permission']), 'permission').code).toBe('permission.organization');
      expect((await call(as.orgUser, 'GET', `/api/v1/${path}/${other.id}`)).json()).toEqual(other);
    });

    it('may not move its record to another organization', async () => {
      const own = await r.make(ownOrg.id);
      const res = await call(as.orgUser, 'PATCH', `/api/v1/${path}/${own.id}`, r.move(otherOrg.id), own.version);
      expect(errorAt(expectProblem(res, 403, ['permission']), 'permission').code).toBe('permission.organization');
    });
  });
});

describe('a district officer acts in its districts only', () => {
  const denied = (res: Awaited<ReturnType<typeof call>>) => expect(errorAt(expectProblem(res, 403, ['permission']), 'permission').code).toBe('permission.area');

  it('organizations: creates and changes in its district; not elsewhere, nor moves one out', async () => {
    const created = await call(as.districtOfficer, 'POST', '/api/v1/organizations', organizationInput({ district_code: YUELU }));
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json() as { id: number; version: number };
    denied(await call(as.districtOfficer, 'POST', '/api/v1/organizations', organizationInput({ district_code: FURONG })));
    denied(await call(as.districtOfficer, 'POST', '/api/v1/organizations', organizationInput({ district_code: null })));
    denied(await call(as.districtOfficer, 'PATCH', `/api/v1/organizations/${otherOrg.id}`, { address: 'x' }, otherOrg.version));
    denied(await call(as.districtOfficer, 'PATCH', `/api/v1/organizations/${id}`, { district_code: FURONG }, version));
    denied(await call(as.districtOfficer, 'DELETE', `/api/v1/organizations/${otherOrg.id}`));
    expect((await call(as.districtOfficer, 'DELETE', `/api/v1/organizations/${id}`)).statusCode).toBe(204);
  });

  it.each(Object.entries(RESOURCES))('%s: in its district yes, elsewhere 403', async (path, r) => {
    const created = await call(as.districtOfficer, 'POST', `/api/v1/${path}`, await r.input(ownOrg.id));
    expect(created.statusCode, created.body).toBe(201);
    denied(await call(as.districtOfficer, 'POST', `/api/v1/${path}`, await r.input(otherOrg.id)));
    const other = await r.make(otherOrg.id);
    denied(await call(as.districtOfficer, 'PATCH', `/api/v1/${path}/${other.id}`, r.change, other.version));
    denied(await call(as.districtOfficer, 'DELETE', `/api/v1/${path}/${other.id}`));
  });

  it('targets: its district’s yes; the city’s, another district’s and cascading no', async () => {
    const target = (area?: string) => ({ indicator_code: 'rd_institutions.count', period: '2026', comparator: '>=', value: 10, ...(area ? { area } : {}) });
    const own = await call(as.districtOfficer, 'POST', '/api/v1/targets', target(YUELU));
    expect(own.statusCode, own.body).toBe(201);
    denied(await call(as.districtOfficer, 'POST', '/api/v1/targets', target(FURONG)));
    denied(await call(as.districtOfficer, 'POST', '/api/v1/targets', target()));
    const city = await call(as.officer, 'POST', '/api/v1/targets', target());
    expect(city.statusCode, city.body).toBe(201);
    const { id, version } = city.json() as { id: number; version: number };
    denied(await call(as.districtOfficer, 'PATCH', `/api/v1/targets/${id}`, { value: 11 }, version));
    denied(await call(as.districtOfficer, 'DELETE', `/api/v1/targets/${id}`));
    denied(await call(as.districtOfficer, 'POST', `/api/v1/targets/${id}/cascade`, {}));
    const ownId = (own.json() as { id: number; version: number }).id;
    expect((await call(as.districtOfficer, 'PATCH', `/api/v1/targets/${ownId}`, { value: 12 }, 1)).statusCode).toBe(200);
  });

  it('official city figures are city-wide: 403', async () => {
    denied(await call(as.districtOfficer, 'POST', '/api/v1/indicators/gdp/values', { period: '2025', value: 1, source: 'x', published_on: '2026-03-20' }));
    const cityOfficer = await call(as.officer, 'POST', '/api/v1/indicators/gdp/values', { period: '2025', value: 1, source: 'x', published_on: '2026-03-20' });
    expect(cityOfficer.statusCode, cityOfficer.body).toBe(201);
  });

  it('imports are not city-wide: a district officer passes the guard (each row is then checked, test/api/importsDistricts.test.ts)', async () => {
    for (const path of ['/api/v1/imports', '/api/v1/imports/preview']) {
      const res = await call(as.districtOfficer, 'POST', path, {});
      expect(errorAt(expectProblem(res, 415, ['body']), 'body').code, path).toBe('body.media_type');
    }
  });

  it('a city-wide officer reaches every district', async () => {
    const res = await call(as.officer, 'POST', '/api/v1/organizations', organizationInput({ district_code: FURONG }));
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('a zone officer acts in its zone, across district lines', () => {
  const HITECH = 'changsha_hitech_zone';
  const denied = (res: Awaited<ReturnType<typeof call>>) => expect(errorAt(expectProblem(res, 403, ['permission']), 'permission').code).toBe('permission.area');

  it('organizations: in its zone whatever the district; not outside it, nor moves one out', async () => {
    for (const district of [YUELU, FURONG]) {
      const res = await call(as.zoneOfficer, 'POST', '/api/v1/organizations', organizationInput({ district_code: district, zone: HITECH }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const created = (await call(as.zoneOfficer, 'POST', '/api/v1/organizations', organizationInput({ district_code: FURONG, zone: HITECH }))).json() as { id: number; version: number };
    denied(await call(as.zoneOfficer, 'POST', '/api/v1/organizations', organizationInput({ district_code: YUELU, zone: null })));
    denied(await call(as.zoneOfficer, 'POST', '/api/v1/organizations', organizationInput({ district_code: YUELU, zone: 'changsha_etdz' })));
    denied(await call(as.zoneOfficer, 'PATCH', `/api/v1/organizations/${created.id}`, { zone: null }, created.version));
    denied(await call(as.zoneOfficer, 'PATCH', `/api/v1/organizations/${otherOrg.id}`, { address: 'x' }, otherOrg.version));
    const moved = await call(as.zoneOfficer, 'PATCH', `/api/v1/organizations/${created.id}`, { district_code: YUELU }, created.version);
    expect(moved.statusCode, moved.body).toBe(200);
  });

  it('a qualification lies where its holder does; an institution or platform in its own zone', async () => {
    const holder = (await call(as.zoneOfficer, 'POST', '/api/v1/organizations', organizationInput({ district_code: FURONG, zone: HITECH }))).json() as { id: number };
    const q = await call(as.zoneOfficer, 'POST', '/api/v1/qualifications', await qualificationInput(app, { organization_id: holder.id, valid_from: start() }));
    expect(q.statusCode, q.body).toBe(201);
    denied(await call(as.zoneOfficer, 'POST', '/api/v1/qualifications', await qualificationInput(app, { organization_id: otherOrg.id, valid_from: start() })));
    const inZone = await call(as.zoneOfficer, 'POST', '/api/v1/platforms', await platformInput(app, { host_org_id: otherOrg.id, district_code: FURONG, zone: HITECH }));
    expect(inZone.statusCode, inZone.body).toBe(201);
    denied(await call(as.zoneOfficer, 'POST', '/api/v1/rd-institutions', await rdInstitutionInput(app, { host_org_id: holder.id, district_code: FURONG, zone: null })));
  });

  it('district figures and targets are not its: 403', async () => {
    denied(await call(as.zoneOfficer, 'POST', '/api/v1/targets', { indicator_code: 'rd_institutions.count', period: '2026', comparator: '>=', value: 10, area: YUELU }));
    denied(await call(as.zoneOfficer, 'POST', '/api/v1/indicators/gdp/values', { period: '2025', value: 1, source: 'x', published_on: '2026-03-20' }));
  });
});

describe('a city-wide officer', () => {
  it('reaches every zone', async () => {
    const res = await call(as.officer, 'POST', '/api/v1/organizations', organizationInput({ district_code: FURONG, zone: 'changsha_etdz' }));
    expect(res.statusCode, res.body).toBe(201);
  });
});
