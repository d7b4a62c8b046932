import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/testApp.js';
import { servedRoutes as routesOf } from './helpers.js';

const { app } = await createTestApp();

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { type?: string; required?: string[]; additionalProperties?: unknown; properties?: Record<string, unknown> }> };
}

const METHODS = ['get', 'post', 'patch', 'delete', 'put'];
const servedRoutes = () => routesOf(app);

async function document(): Promise<OpenApiDocument> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json();
}

const RESOURCES = ['organizations', 'qualifications', 'rd-institutions', 'platforms'];
const IMPORT_ROUTES = [
  'post /api/v1/imports/preview',
  'post /api/v1/imports',
  'get /api/v1/imports',
  'get /api/v1/imports/{id}',
  'get /api/v1/imports/{id}/problems',
  'get /api/v1/imports/{id}/report.csv',
  'get /api/v1/imports/templates/{entity}.{format}',
];

const ACCOUNT_ROUTES = [
  'post /api/v1/auth/login',
  'post /api/v1/auth/logout',
  'get /api/v1/auth/me',
  'post /api/v1/auth/password',
  'get /api/v1/auth/demo',
  'get /api/v1/tokens',
  'post /api/v1/tokens',
  'delete /api/v1/tokens/{id}',
  'get /api/v1/users',
  'post /api/v1/users',
  'get /api/v1/users/{id}',
  'patch /api/v1/users/{id}',
  'post /api/v1/users/{id}/unlock',
];

const AUDIT_ROUTES = ['get /api/v1/audit', 'get /api/v1/audit/export', 'get /api/v1/audit/verify'];
const ADMIN_ROUTES = ['get /api/v1/admin/backup'];
/** Technology contracts: the five registry routes, no export yet (their file columns come with the import slice). */
const TECH_CONTRACT_ROUTES = ['get', 'post'].map((m) => `${m} /api/v1/tech-contracts`).concat(['get', 'patch', 'delete'].map((m) => `${m} /api/v1/tech-contracts/{id}`), ['get /api/v1/tech-contracts/export', 'get /api/v1/tech-contracts/top-sellers']);
const MARKET_ANALYSIS_ROUTES = ['get /api/v1/market-analysis', 'get /api/v1/market-analysis/top-sellers', 'get /api/v1/market-analysis/export'];
const GRAPH_ROUTES = ['get /api/v1/graph/nodes/{kind}/{id}/neighbourhood', 'get /api/v1/graph/path', 'get /api/v1/graph/centrality', 'get /api/v1/graph/communities', 'get /api/v1/graph/stats'];
const MATCHING_ROUTES = ['get /api/v1/matching/achievements/{id}/enterprises', 'get /api/v1/matching/enterprises/{id}/institutions'];
const CHAIN_ROUTES = ['get /api/v1/chains', 'get /api/v1/chains/gaps', 'get /api/v1/chains/{chainId}', 'get /api/v1/chains/{chainId}/segments/{segmentId}/rows'];
/** Projects, achievements, transfers, incubations: the registry's five routes and the export each. */
const ACHIEVEMENT_ROUTES = ['projects', 'achievements', 'transfers', 'incubations'].flatMap((r) => [`get /api/v1/${r}`, `post /api/v1/${r}`, `get /api/v1/${r}/{id}`, `patch /api/v1/${r}/{id}`, `delete /api/v1/${r}/{id}`, `get /api/v1/${r}/export`]);
/** IP-backed loans: the registry's five routes and their steps; no file columns, so no export. */
const IP_LOAN_ROUTES = ['get /api/v1/ip-loans', 'post /api/v1/ip-loans', 'get /api/v1/ip-loans/{id}', 'patch /api/v1/ip-loans/{id}', 'delete /api/v1/ip-loans/{id}', 'post /api/v1/ip-loans/{id}/steps', 'get /api/v1/ip-loans/export'];
/** Talent introductions and recruitment calls: the registry's five routes and an export each. */
const TALENT_ROUTES = ['talent-introductions', 'recruitment-calls'].flatMap((r) => [`get /api/v1/${r}`, `post /api/v1/${r}`, `get /api/v1/${r}/{id}`, `patch /api/v1/${r}/{id}`, `delete /api/v1/${r}/{id}`, `get /api/v1/${r}/export`]);
const TECH_SME_ROUTES = ['post /api/v1/tech-sme-evaluation', 'post /api/v1/organizations/{id}/tech-sme-evaluations', 'get /api/v1/organizations/{id}/tech-sme-evaluations'];

const FILING_ROUTES = [
  'get /api/v1/filing-types',
  'get /api/v1/applications',
  'post /api/v1/applications',
  'get /api/v1/applications/{id}',
  'patch /api/v1/applications/{id}',
  'post /api/v1/applications/{id}/transitions',
  'post /api/v1/applications/{id}/expert-draw',
  'post /api/v1/applications/{id}/reviews',
  'post /api/v1/applications/{id}/objections/{sub}/resolution',
  'post /api/v1/applications/{id}/evaluations',
  'post /api/v1/applications/{id}/attachments',
  'get /api/v1/applications/{id}/attachments/{sub}',
  'delete /api/v1/applications/{id}/attachments/{sub}',
  'get /api/v1/inbox',
  'get /api/v1/notices',
  'post /api/v1/notices/{id}/objections',
  'get /api/v1/experts',
  'get /api/v1/experts/candidates',
  'post /api/v1/experts',
  'patch /api/v1/experts/{id}',
];

const INDICATOR_ROUTES = [
  'get /api/v1/indicators',
  'get /api/v1/indicators/{code}',
  'get /api/v1/indicators/{code}/observations',
  'get /api/v1/indicators/{code}/rows',
  'get /api/v1/indicators/{code}/values',
  'post /api/v1/indicators/{code}/values',
  'get /api/v1/targets',
  'post /api/v1/targets',
  'get /api/v1/targets/{id}',
  'patch /api/v1/targets/{id}',
  'delete /api/v1/targets/{id}',
  'post /api/v1/targets/{id}/cascade',
  'get /api/v1/dashboard',
  'get /api/v1/reports/annual/{year}',
];

/** The public read-only API (open data): datasets, rows, indicators, notices, recruitment calls; bulk downloads, dictionaries, releases, the DCAT catalogue. */
const OPEN_DATA_ROUTES = [
  'get /api/v1/public/datasets',
  'get /api/v1/public/datasets/{id}',
  'get /api/v1/public/datasets/{id}/rows',
  'get /api/v1/public/datasets/{id}/rows/{rowId}',
  'get /api/v1/public/indicators',
  'get /api/v1/public/indicators/{code}',
  'get /api/v1/public/indicators/{code}/rows',
  'get /api/v1/public/notices',
  'get /api/v1/public/recruitment-calls',
  'get /api/v1/public/datasets/{id}/download.csv.gz',
  'get /api/v1/public/datasets/{id}/download.jsonl.gz',
  'get /api/v1/public/datasets/{id}/dictionary.json',
  'get /api/v1/public/datasets/{id}/releases',
  'get /api/v1/public/catalog.jsonld',
];

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with a title and version', async () => {
    const doc = await document();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info).toMatchObject({ title: 'StarCity API', version: 'test' });
  });

  it('lists every /api/v1 route and method, and nothing the server does not serve', async () => {
    const doc = await document();
    const served = servedRoutes()
      .filter((r) => r.path.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).filter((m) => METHODS.includes(m)).map((m) => `${m} ${path}`))
      .sort();
    expect(documented).toEqual(served);
    const expected = ['get /api/v1/meta', 'get /api/v1/meta/regions', ...RESOURCES.flatMap((r) => [`get /api/v1/${r}`, `post /api/v1/${r}`, `get /api/v1/${r}/{id}`, `patch /api/v1/${r}/{id}`, `delete /api/v1/${r}/{id}`, `get /api/v1/${r}/export`]), ...IMPORT_ROUTES, ...INDICATOR_ROUTES, ...ACCOUNT_ROUTES, ...AUDIT_ROUTES, ...ADMIN_ROUTES, ...FILING_ROUTES, ...TECH_CONTRACT_ROUTES, ...MARKET_ANALYSIS_ROUTES, ...GRAPH_ROUTES, ...CHAIN_ROUTES, ...MATCHING_ROUTES, ...ACHIEVEMENT_ROUTES, ...TALENT_ROUTES, ...IP_LOAN_ROUTES, ...TECH_SME_ROUTES, ...OPEN_DATA_ROUTES];
    expect(documented).toEqual(expected.sort());
  });

  it('gives every operation a summary, a tag and problem replies for its errors', async () => {
    const doc = await document();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        expect(op.tags?.length, `${method} ${path}`).toBe(1);
        if (path === '/api/v1/meta') continue;
        expect(op.responses['400']?.content?.['application/problem+json']?.schema.$ref, `${method} ${path}`).toBe('#/components/schemas/Problem');
        // Record writes share the concurrency and body replies; sign-in and account routes have their own.
        // A calculation and an appended self-evaluation have no version to compare: the body replies only.
        const bodyOnly = /tech-sme-evaluations?$/.test(path);
        if (method !== 'get' && !/^\/api\/v1\/(auth|tokens|users)\//.test(`${path}/`)) {
          for (const status of bodyOnly ? ['413', '415'] : ['404', '409', '412', '413', '415', '428']) expect(op.responses[status], `${method} ${path} ${status}`).toBeDefined();
        }
      }
    }
  });

  it('documents the backup as a binary file, and PostgreSQL’s refusal as a problem', async () => {
    const op = (await document()).paths['/api/v1/admin/backup']!.get!;
    expect(op.responses['200']?.content?.['application/octet-stream']?.schema).toMatchObject({ type: 'string', format: 'binary' });
    expect(op.responses['409']?.content?.['application/problem+json']?.schema.$ref).toBe('#/components/schemas/Problem');
  });

  it('declares the cookie and bearer schemes, and each operation’s requirement', async () => {
    const doc = (await document()) as OpenApiDocument & { components: { securitySchemes?: Record<string, { type: string; in?: string; name?: string; scheme?: string }> } };
    expect(doc.components.securitySchemes).toMatchObject({ session: { type: 'apiKey', in: 'cookie', name: 'starcity_session' }, bearer: { type: 'http', scheme: 'bearer' } });
    const op = (path: string, method: string) => doc.paths[path]?.[method] as Operation & { security?: unknown[]; description?: string };
    expect(op('/api/v1/notices', 'get').security).toEqual([]);
    expect(op('/api/v1/auth/login', 'post').security).toEqual([]);
    // An anonymous caller may meet the rate limit on any API route (docs/security.md): its 429 is documented.
    for (const [path, method] of [['/api/v1/tech-sme-evaluation', 'post'], ['/api/v1/organizations', 'get'], ['/api/v1/auth/login', 'post']] as const)
      expect(op(path, method).responses['429']?.content?.['application/problem+json'], `${method} ${path} 429`).toBeDefined();
    for (const [path, method, permission] of [
      ['/api/v1/organizations', 'post', 'organizations.create'],
      ['/api/v1/organizations', 'get', 'registry.read'],
      ['/api/v1/dashboard', 'get', 'registry.read'],
      ['/api/v1/imports', 'get', 'imports.read'],
      ['/api/v1/targets/{id}', 'patch', 'targets.write'],
      ['/api/v1/users', 'post', 'users.manage'],
    ] as const) {
      const o = op(path, method);
      expect(o.security, `${method} ${path}`).toEqual([{ session: [] }, { bearer: [] }]);
      expect(o.description, `${method} ${path}`).toContain(`\`${permission}\``);
      for (const status of ['401', '403']) expect(o.responses[status]?.content?.['application/problem+json'], `${method} ${path} ${status}`).toBeDefined();
    }
    // Every operation says which: public, or one of the two schemes.
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, o] of Object.entries(ops)) expect((o as { security?: unknown }).security, `${method} ${path}`).toBeDefined();
  });

  it('documents the list query and the id parameter', async () => {
    const doc = await document();
    for (const r of RESOURCES) {
      const names = doc.paths[`/api/v1/${r}`]?.get?.parameters?.map((p) => p.name).sort();
      expect(names).toEqual(['cursor', 'filter', 'group_by', 'page', 'per_page', 'search', 'sort']);
      expect(doc.paths[`/api/v1/${r}/{id}`]?.get?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    }
  });

  it('documents the export query and the file types it answers with', async () => {
    const doc = await document();
    for (const r of RESOURCES) {
      const op = doc.paths[`/api/v1/${r}/export`]?.get;
      expect(op?.tags).toEqual(['exports']);
      expect(op?.parameters?.map((p) => p.name).sort()).toEqual(['filter', 'format', 'lang', 'search', 'sort', 'view']);
      // The report view (报表格式) is a choice; the import format stays the default.
      expect(op?.parameters?.find((p) => p.name === 'view')?.schema).toMatchObject({ enum: ['import', 'report'], default: 'import' });
      expect(Object.keys(op?.responses['200']?.content ?? {}).sort()).toEqual(['application/jsonl', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']);
    }
  });

  it('documents the import uploads as multipart forms', async () => {
    const doc = await document();
    for (const path of ['/api/v1/imports', '/api/v1/imports/preview']) expect(Object.keys(doc.paths[path]?.post?.requestBody?.content ?? {}), path).toEqual(['multipart/form-data']);
  });

  it('describes request bodies as closed objects with their required fields', async () => {
    const { components } = await document();
    expect(components.schemas.OrganizationCreateInput).toMatchObject({ type: 'object', additionalProperties: false });
    expect(components.schemas.OrganizationCreateInput?.required).toEqual(expect.arrayContaining(['uscc', 'name', 'kind']));
    expect(components.schemas.QualificationCreateInput?.required).toEqual(expect.arrayContaining(['organization_id', 'qualification', 'valid_from']));
    expect(components.schemas.RdInstitutionCreateInput?.required).toEqual(expect.arrayContaining(['host_org_id', 'name', 'category', 'level', 'district_code']));
    expect(components.schemas.PlatformCreateInput?.required).toEqual(expect.arrayContaining(['host_org_id', 'name', 'type', 'level', 'status', 'district_code']));
    expect(components.schemas.OrganizationPatchInput?.properties).toHaveProperty('version');
    expect(components.schemas.Problem?.required).toEqual(expect.arrayContaining(['type', 'title', 'title_zh', 'status', 'errors']));
  });
});

describe('docs and probes', () => {
  it('serves the browsable docs as HTML', async () => {
    for (const url of ['/api/docs', '/api/docs/']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toMatch(/swagger/i);
    }
  });

  it('answers /healthz', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the engine once migrations are applied', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', engine: process.env.STARCITY_TEST_ENGINE });
  });
});
