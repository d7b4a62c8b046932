import { copyText, type Queryable } from '../../db/client.js';
import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import type { DemoRows, DemoTable } from './generator.js';

/**
 * Bulk writes of the demo registry: each chunk is copied (COPY) into a temporary staging table,
 * then moved into its table by one INSERT … SELECT that resolves credit codes to ids and skips
 * rows whose natural key exists (ON CONFLICT DO NOTHING). Skipping in SQL keeps a second load a
 * no-op without reading every key into memory first.
 */

type Cell = string | null | undefined;

interface Stage<T extends DemoTable> {
  table: string;
  columns: readonly string[];
  /** Column types of the staging table, in `columns` order. */
  types: readonly string[];
  cells(row: DemoRows[T]): Cell[];
  /** Moves the staged rows into the registry; its row count is what was added. */
  insert: string;
}

const claimColumns = fourGlobalFeatureCodes.flatMap((f) => [`${f}_evidence`, `${f}_confirmed_on`]);

const STAGES: { [T in DemoTable]: Stage<T> } = {
  organizations: {
    table: 'demo_stage_organizations',
    columns: ['uscc', 'name', 'name_en', 'kind', 'industry_code', 'district_code', 'zone', 'founded_on', 'address'],
    types: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'date', 'text'],
    cells: (o) => [o.uscc, o.name, o.name_en, o.kind, o.industry_code, o.district_code, o.zone, o.founded_on, o.address],
    insert: `INSERT INTO organizations (uscc, name, name_en, kind, industry_code, district_code, zone, founded_on, address)
             SELECT uscc, name, name_en, kind, industry_code, district_code, zone, founded_on, address FROM demo_stage_organizations
             ON CONFLICT (uscc) DO NOTHING`,
  },
  // A credit code with no organization leaves organization_id null, which the NOT NULL constraint refuses.
  qualifications: {
    table: 'demo_stage_qualifications',
    columns: ['uscc', 'qualification', 'certificate_no', 'valid_from', 'valid_to'],
    types: ['text', 'text', 'text', 'date', 'date'],
    cells: (q) => [q.uscc, q.qualification, q.certificate_no, q.valid_from, q.valid_to],
    insert: `INSERT INTO qualifications (organization_id, qualification, certificate_no, valid_from, valid_to)
             SELECT o.id, s.qualification, s.certificate_no, s.valid_from, s.valid_to
             FROM demo_stage_qualifications s LEFT JOIN organizations o ON o.uscc = s.uscc
             ON CONFLICT (organization_id, qualification, valid_from) DO NOTHING`,
  },
  rd_institutions: {
    table: 'demo_stage_rd_institutions',
    columns: ['host_uscc', 'name', 'name_en', 'category', 'level', 'established_on', 'district_code', 'zone', ...claimColumns],
    types: ['text', 'text', 'text', 'text', 'text', 'date', 'text', 'text', ...claimColumns.map((c) => (c.endsWith('_on') ? 'date' : 'text'))],
    cells: (r) => [
      r.host_uscc, r.name, r.name_en, r.category, r.level, r.established_on, r.district_code, r.zone,
      ...fourGlobalFeatureCodes.flatMap((f) => [r.four_global?.[f]?.evidence, r.four_global?.[f]?.confirmed_on]),
    ],
    insert: `INSERT INTO rd_institutions (host_org_id, name, name_en, category, level, established_on, district_code, zone, ${claimColumns.join(', ')})
             SELECT o.id, s.name, s.name_en, s.category, s.level, s.established_on, s.district_code, s.zone, ${claimColumns.map((c) => `s.${c}`).join(', ')}
             FROM demo_stage_rd_institutions s LEFT JOIN organizations o ON o.uscc = s.host_uscc
             ON CONFLICT (host_org_id, name) DO NOTHING`,
  },
  platforms: {
    table: 'demo_stage_platforms',
    columns: ['host_uscc', 'name', 'name_en', 'type', 'level', 'recognized_on', 'authority', 'status', 'district_code', 'zone'],
    types: ['text', 'text', 'text', 'text', 'text', 'date', 'text', 'text', 'text', 'text'],
    cells: (p) => [p.host_uscc, p.name, p.name_en, p.type, p.level, p.recognized_on, p.authority, p.status, p.district_code, p.zone],
    insert: `INSERT INTO platforms (host_org_id, name, name_en, type, level, recognized_on, authority, status, district_code, zone)
             SELECT o.id, s.name, s.name_en, s.type, s.level, s.recognized_on, s.authority, s.status, s.district_code, s.zone
             FROM demo_stage_platforms s LEFT JOIN organizations o ON o.uscc = s.host_uscc
             ON CONFLICT (host_org_id, name) DO NOTHING`,
  },
};

/** The staging tables, dropped when the seed's transaction ends. */
export async function createStages(db: Queryable): Promise<void> {
  for (const stage of Object.values(STAGES)) {
    const columns = stage.columns.map((c, i) => `${c} ${stage.types[i] ?? 'text'}`).join(', ');
    await db.exec(`CREATE TEMPORARY TABLE ${stage.table} (${columns}) ON COMMIT DROP`);
  }
}

/** Writes one chunk of `table`; returns how many rows were new. */
export async function writeChunk<T extends DemoTable>(db: Queryable, table: T, rows: readonly DemoRows[T][]): Promise<number> {
  const stage = STAGES[table] as Stage<T>;
  await db.copyRows(stage.table, stage.columns, copyText(rows.map(stage.cells)));
  const added = (await db.query(stage.insert)).affectedRows;
  await db.exec(`TRUNCATE ${stage.table}`);
  return added;
}

export async function hasOrganizations(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM organizations) AS any');
  return rows[0]?.any === true;
}

/** The organization with this credit code, or else the first one: whom the demo organization user acts for. */
export async function demoOrganizationId(db: Queryable, uscc: string | null): Promise<number | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM organizations ORDER BY (uscc = $1) DESC, id LIMIT 1', [uscc ?? '']);
  return rows[0]?.id;
}

export async function hasOrganizationWithUscc(db: Queryable, uscc: string): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM organizations WHERE uscc = $1) AS any', [uscc]);
  return rows[0]?.any === true;
}

/** A demo expert's place in the pool (the demo writes in bulk; the fields are the shipped configuration's). */
export async function addDemoExpert(db: Queryable, userId: number, fields: readonly string[], organizationId: number | null): Promise<void> {
  await db.query('INSERT INTO experts (user_id, fields, organization_id) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING', [userId, fields, organizationId]);
}
