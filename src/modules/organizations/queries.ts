import type { Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { organizationKindCodes, organizationKinds } from '../../domain/organization.js';
import { normalizeUscc } from '../../domain/uscc.js';
import { zoneName } from '../../domain/zone.js';

/** SQL for the organizations table (主体), and nothing else. */
export interface OrganizationRow {
  id: number;
  uscc: string;
  uscc_override_reason: string | null;
  name: string;
  name_en: string | null;
  kind: string;
  industry_code: string | null;
  district_code: string | null;
  zone: string | null;
  founded_on: string | null;
  address: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const WRITABLE = ['uscc', 'uscc_override_reason', 'name', 'name_en', 'kind', 'industry_code', 'district_code', 'zone', 'founded_on', 'address'] as const;
const COLUMNS = `t.id, t.uscc, t.uscc_override_reason, t.name, t.name_en, t.kind, t.industry_code, t.district_code, t.zone, t.founded_on, t.address, t.created_at, t.updated_at, t.version`;

export function organizationListSpec(city: CityConfig): ListSpec {
  return {
    from: 'organizations t',
    tables: ['organizations'],
    select: COLUMNS,
    fields: {
      id: { column: 't.id', type: 'int', sort: true },
      uscc: { column: 't.uscc', type: 'text', notNull: true, sort: true },
      name: { column: 't.name', type: 'text', notNull: true, sort: true },
      kind: { column: 't.kind', type: 'code', notNull: true, values: organizationKindCodes, sort: true, group: true, label: (k) => organizationKinds[k as keyof typeof organizationKinds] ?? null },
      industry_code: { column: 't.industry_code', type: 'text', sort: true },
      district_code: { column: 't.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
      zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
      founded_on: { column: 't.founded_on', type: 'date', sort: true },
      founded_year: { column: 'extract(year from t.founded_on)::int', type: 'int', group: true },
      created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
      updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
    },
    searchColumns: ['t.name', 't.name_en'],
    searchExact: { column: 't.uscc', normalize: normalizeUscc },
    defaultSort: { field: 'id', desc: false },
  };
}

/** One row; `forUpdate` locks it for the write that reads it (the one read of the record a write makes). */
export async function findById(db: Queryable, id: number, forUpdate = false): Promise<OrganizationRow | undefined> {
  const { rows } = await db.query<OrganizationRow>(`SELECT ${COLUMNS} FROM organizations t WHERE t.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

/** The row locked for a write (FOR UPDATE). */
export const lockById = (db: Queryable, id: number) => findById(db, id, true);

export async function findByUscc(db: Queryable, uscc: string): Promise<OrganizationRow | undefined> {
  const { rows } = await db.query<OrganizationRow>(`SELECT ${COLUMNS} FROM organizations t WHERE t.uscc = $1`, [uscc]);
  return rows[0];
}

export async function insert(db: Queryable, values: { [K in (typeof WRITABLE)[number]]?: unknown }): Promise<OrganizationRow> {
  const { rows } = await db.query<OrganizationRow>(
    `INSERT INTO organizations AS t (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${COLUMNS}`,
    WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!;
}

/** Counts the records that hold on to an organization (a delete must not orphan them). */
export async function countDependents(db: Queryable, id: number): Promise<{ qualifications: number; rd_institutions: number; platforms: number }> {
  const { rows } = await db.query<{ qualifications: number; rd_institutions: number; platforms: number }>(
    `SELECT (SELECT count(*)::int FROM qualifications WHERE organization_id = $1) AS qualifications,
            (SELECT count(*)::int FROM rd_institutions WHERE host_org_id = $1) AS rd_institutions,
            (SELECT count(*)::int FROM platforms WHERE host_org_id = $1) AS platforms`,
    [id],
  );
  return rows[0]!;
}

export { COLUMNS };
