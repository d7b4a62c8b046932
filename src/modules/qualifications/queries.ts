import type { Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { organizationKindCodes, organizationKinds } from '../../domain/organization.js';
import { qualificationTypeCodes, qualificationTypes } from '../../domain/qualification.js';
import { zoneName } from '../../domain/zone.js';

/** SQL for the qualifications table (资质). */
export interface QualificationRow {
  id: number;
  organization_id: number;
  organization_name: string;
  organization_district_code: string | null;
  organization_zone: string | null;
  qualification: string;
  certificate_no: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const WRITABLE = ['organization_id', 'qualification', 'certificate_no', 'valid_from', 'valid_to'] as const;
export const COLUMNS = `t.id, t.organization_id, o.name AS organization_name, o.district_code AS organization_district_code, o.zone AS organization_zone, t.qualification, t.certificate_no, t.valid_from, t.valid_to, t.created_at, t.updated_at, t.version`;
// LEFT JOIN on a NOT NULL foreign key gives the same rows as JOIN, and lets PostgreSQL drop the
// join from any query that reads nothing of the organization (counts, the indicator engine's scans).
/** What a row is shown with: its organization's name (and place). */
export const JOINS = 'LEFT JOIN organizations o ON o.id = t.organization_id';
const FROM = `qualifications t ${JOINS}`;

export function qualificationListSpec(city: CityConfig): ListSpec {
  return {
  from: FROM,
  tables: ['qualifications', 'organizations'],
  select: COLUMNS,
  fields: {
    id: { column: 't.id', type: 'int', sort: true },
    organization_id: { column: 't.organization_id', type: 'int', notNull: true, sort: true },
    qualification: { column: 't.qualification', type: 'code', notNull: true, values: qualificationTypeCodes, sort: true, group: true, label: (k) => qualificationTypes[k as keyof typeof qualificationTypes] ?? null },
    certificate_no: { column: 't.certificate_no', type: 'text', sort: true },
    valid_from: { column: 't.valid_from', type: 'date', notNull: true, sort: true },
    valid_to: { column: 't.valid_to', type: 'date', sort: true },
    valid_from_year: { column: 'extract(year from t.valid_from)::int', type: 'int', group: true },
    // Where the holder is: indicators break qualifications down by the organization's district and zone.
    district_code: { column: 'o.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
    zone: { column: 'o.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
    organization_kind: { column: 'o.kind', type: 'code', notNull: true, values: organizationKindCodes, group: true, label: (k) => organizationKinds[k as keyof typeof organizationKinds] ?? null },
    created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
    updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
  },
  searchColumns: ['o.name', 't.certificate_no'],
  defaultSort: { field: 'id', desc: false },
  };
}

/** One row; `forUpdate` locks it for the write that reads it (the one read of the record a write makes). */
export async function findById(db: Queryable, id: number, forUpdate = false): Promise<QualificationRow | undefined> {
  const { rows } = await db.query<QualificationRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

/** The row locked for a write (FOR UPDATE). */
export const lockById = (db: Queryable, id: number) => findById(db, id, true);

export async function findByNaturalKey(db: Queryable, organizationId: number, qualification: string, validFrom: string): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM qualifications WHERE organization_id = $1 AND qualification = $2 AND valid_from = $3', [organizationId, qualification, validFrom]);
  return rows[0];
}

export async function insert(db: Queryable, values: { [K in (typeof WRITABLE)[number]]?: unknown }): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO qualifications (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!.id;
}
