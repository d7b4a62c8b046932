import type { FastifyInstance } from 'fastify';
import { organization, type Organization, type OrganizationCreate } from '../../src/contracts/organizations.js';
import { platform, type Platform, type PlatformCreate } from '../../src/contracts/platforms.js';
import { qualification, type Qualification, type QualificationCreate } from '../../src/contracts/qualifications.js';
import { rdInstitution, type RdInstitution, type RdInstitutionCreate } from '../../src/contracts/rdInstitutions.js';
import { orgCodeCheckCharacter, usccCheckCharacter } from '../../src/domain/uscc.js';

/**
 * Test data made through the API, so every row a test sees passed the same checks a user's would.
 * Each factory takes overrides of a valid default body and returns the reply parsed by its contract.
 */

let sequence = 0;
const next = () => ++sequence;

/**
 * A valid, unique credit code: enterprise (91), registered in Changsha (430100), a sequential
 * organisation code with its GB 11714 check digit (so no warning), and the GB 32100 check character.
 */
export function validUscc(n: number = next()): string {
  const orgCode = String(n).padStart(8, '0');
  const first17 = `91430100${orgCode}${orgCodeCheckCharacter(orgCode)}`;
  return first17 + usccCheckCharacter(first17);
}

/** The same code with a wrong check character, and the character the server should name. */
export function withBadChecksum(code: string): { code: string; expected: string } {
  const expected = code.charAt(17);
  const wrong = expected === '0' ? '1' : '0';
  return { code: code.slice(0, 17) + wrong, expected };
}

export function organizationInput(overrides: Partial<OrganizationCreate> = {}): OrganizationCreate {
  const n = next();
  return {
    uscc: validUscc(n),
    name: `测试科技有限公司${n}`,
    name_en: `Test Technology Co. ${n}`,
    kind: 'enterprise',
    district_code: '430104',
    zone: 'xiangjiang_new_area',
    founded_on: '2015-06-30',
    address: '长沙市岳麓区麓谷大道 1 号',
    ...overrides,
  };
}

/** POSTs a body and parses the 201 reply with `schema`; any other status fails loudly. */
async function create<T>(app: FastifyInstance, path: string, body: unknown, parse: (v: unknown) => T): Promise<T> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/${path}`, payload: body as object });
  if (res.statusCode !== 201) throw new Error(`POST /api/v1/${path} answered ${res.statusCode}: ${res.body}`);
  return parse(res.json());
}

export function createOrganization(app: FastifyInstance, overrides: Partial<OrganizationCreate> = {}): Promise<Organization> {
  return create(app, 'organizations', organizationInput(overrides), (v) => organization.parse(v));
}

/** Uses the given host, or makes one. */
async function hostId(app: FastifyInstance, id: number | undefined): Promise<number> {
  return id ?? (await createOrganization(app)).id;
}

export async function qualificationInput(app: FastifyInstance, overrides: Partial<QualificationCreate> = {}): Promise<QualificationCreate> {
  return {
    qualification: 'high_tech_enterprise',
    certificate_no: `GR2023430${String(next()).padStart(5, '0')}`,
    valid_from: '2023-10-16',
    valid_to: '2026-10-15',
    ...overrides,
    organization_id: await hostId(app, overrides.organization_id),
  };
}

export async function createQualification(app: FastifyInstance, overrides: Partial<QualificationCreate> = {}): Promise<Qualification> {
  return create(app, 'qualifications', await qualificationInput(app, overrides), (v) => qualification.parse(v));
}

export async function rdInstitutionInput(app: FastifyInstance, overrides: Partial<RdInstitutionCreate> = {}): Promise<RdInstitutionCreate> {
  const n = next();
  return {
    name: `测试研发中心${n}`,
    name_en: `Test R&D Center ${n}`,
    category: 'enterprise_rd_center',
    level: 'provincial',
    established_on: '2018-03-01',
    district_code: '430104',
    zone: 'xiangjiang_science_city',
    ...overrides,
    host_org_id: await hostId(app, overrides.host_org_id),
  };
}

export async function createRdInstitution(app: FastifyInstance, overrides: Partial<RdInstitutionCreate> = {}): Promise<RdInstitution> {
  return create(app, 'rd-institutions', await rdInstitutionInput(app, overrides), (v) => rdInstitution.parse(v));
}

export async function platformInput(app: FastifyInstance, overrides: Partial<PlatformCreate> = {}): Promise<PlatformCreate> {
  const n = next();
  return {
    name: `测试创新平台${n}`,
    name_en: `Test Platform ${n}`,
    type: 'national_key_lab',
    level: 'national',
    recognized_on: '2022-11-08',
    authority: '科学技术部',
    status: 'active',
    district_code: '430104',
    zone: 'xiangjiang_science_city',
    ...overrides,
    host_org_id: await hostId(app, overrides.host_org_id),
  };
}

export async function createPlatform(app: FastifyInstance, overrides: Partial<PlatformCreate> = {}): Promise<Platform> {
  return create(app, 'platforms', await platformInput(app, overrides), (v) => platform.parse(v));
}
