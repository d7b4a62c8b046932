import type { Queryable } from '../../db/client.js';

/**
 * SQL of matching: a handful of statements per question, each reading one table in bulk (never one
 * per candidate), so a question costs the same whether ten or ten thousand firms are compared.
 */

export interface AchievementRow {
  id: number;
  title: string;
  owner_org_id: number;
  rd_institution_id: number | null;
  platform_id: number | null;
  district_code: string | null;
  /** The owner and the organizations after it. */
  org_ids: number[];
}

export interface OrganizationRow {
  id: number;
  name: string;
  name_en: string | null;
  kind: string;
  district_code: string | null;
}

/** An enterprise as the facts keep it: a city's names are read only for the few listed ({@link organizationsByIds}). */
export interface EnterpriseRow {
  id: number;
  district_code: string | null;
}

export interface HostedRow {
  id: number;
  host_org_id: number;
  name: string;
  name_en: string | null;
  district_code: string | null;
}

/** A registered contract between two organizations of the registry. */
export interface ContractRow {
  id: number;
  seller_org_id: number;
  buyer_org_id: number;
  technology_field: string | null;
}

export interface TransferRow {
  id: number;
  achievement_id: number;
  receiver_org_id: number;
  owner_org_id: number;
  rd_institution_id: number | null;
  platform_id: number | null;
  tech_contract_id: number | null;
}

const rows = async <R>(db: Queryable, sql: string, params: unknown[] = []) => (await db.query<R>(sql, params)).rows;

export async function achievementById(db: Queryable, id: number): Promise<AchievementRow | undefined> {
  const [row] = await rows<AchievementRow>(
    db,
    `SELECT a.id, a.title, a.owner_org_id, a.rd_institution_id, a.platform_id, a.district_code,
            ARRAY[a.owner_org_id] || COALESCE((SELECT array_agg(o.org_id ORDER BY o.position) FROM achievement_organizations o WHERE o.achievement_id = a.id), '{}') AS org_ids
       FROM achievements a WHERE a.id = $1`,
    [id],
  );
  return row;
}

export async function organizationById(db: Queryable, id: number): Promise<OrganizationRow | undefined> {
  return (await rows<OrganizationRow>(db, 'SELECT id, name, name_en, kind, district_code FROM organizations WHERE id = $1', [id]))[0];
}

export const enterprises = (db: Queryable) => rows<EnterpriseRow>(db, "SELECT id, district_code FROM organizations WHERE kind = 'enterprise' ORDER BY id");

export async function organizationsByIds(db: Queryable, ids: readonly number[]): Promise<Map<number, OrganizationRow>> {
  const found = await rows<OrganizationRow>(db, 'SELECT id, name, name_en, kind, district_code FROM organizations WHERE id = ANY($1::int[])', [ids]);
  return new Map(found.map((o) => [o.id, o]));
}

export const institutions = (db: Queryable) => rows<HostedRow>(db, 'SELECT id, host_org_id, name, name_en, district_code FROM rd_institutions ORDER BY id');

/** A revoked or reorganized platform is no one to approach. */
export const platforms = (db: Queryable) => rows<HostedRow>(db, "SELECT id, host_org_id, name, name_en, district_code FROM platforms WHERE status IN ('active', 'under_construction') ORDER BY id");

export const registeredContracts = (db: Queryable) =>
  rows<ContractRow>(db, "SELECT id, seller_org_id, buyer_org_id, technology_field FROM tech_contracts WHERE status = 'registered' AND buyer_org_id IS NOT NULL ORDER BY id");

export const transfers = (db: Queryable) => rows<TransferRow>(db, 'SELECT id, achievement_id, receiver_org_id, owner_org_id, rd_institution_id, platform_id, tech_contract_id FROM transfers ORDER BY id');

/** [organization id, qualification] of the given kinds held on `today`. */
export async function heldQualifications(db: Queryable, today: string, kinds: readonly string[]): Promise<Map<number, string[]>> {
  const found = await rows<{ o: number; q: string }>(
    db,
    'SELECT DISTINCT organization_id AS o, qualification AS q FROM qualifications WHERE qualification = ANY($2::text[]) AND valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date) ORDER BY 1, 2',
    [today, kinds],
  );
  const out = new Map<number, string[]>();
  for (const { o, q } of found) {
    const held = out.get(o);
    if (held) held.push(q);
    else out.set(o, [q]);
  }
  return out;
}
