import type { Queryable } from '../../db/client.js';

/**
 * The natural keys already in the registry, read once so the demo loader skips what exists
 * instead of asking per record.
 */
export interface ExistingKeys {
  /** Organization id by credit code. */
  organizations: Map<string, number>;
  /** `uscc|qualification|valid_from`. */
  qualifications: Set<string>;
  /** `host uscc|name`. */
  rdInstitutions: Set<string>;
  platforms: Set<string>;
}

export const qualificationKey = (uscc: string, qualification: string, validFrom: string) => `${uscc}|${qualification}|${validFrom}`;
export const hostedKey = (hostUscc: string, name: string) => `${hostUscc}|${name}`;

export async function existingKeys(db: Queryable): Promise<ExistingKeys> {
  const orgs = await db.query<{ id: number; uscc: string }>('SELECT id, uscc FROM organizations');
  const quals = await db.query<{ uscc: string; qualification: string; valid_from: string }>(
    'SELECT o.uscc, q.qualification, q.valid_from FROM qualifications q JOIN organizations o ON o.id = q.organization_id',
  );
  const hosted = async (table: 'rd_institutions' | 'platforms') =>
    (await db.query<{ uscc: string; name: string }>(`SELECT o.uscc, t.name FROM ${table} t JOIN organizations o ON o.id = t.host_org_id`)).rows;
  return {
    organizations: new Map(orgs.rows.map((r) => [r.uscc, r.id])),
    qualifications: new Set(quals.rows.map((r) => qualificationKey(r.uscc, r.qualification, r.valid_from))),
    rdInstitutions: new Set((await hosted('rd_institutions')).map((r) => hostedKey(r.uscc, r.name))),
    platforms: new Set((await hosted('platforms')).map((r) => hostedKey(r.uscc, r.name))),
  };
}

export async function hasOrganizations(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM organizations) AS any');
  return rows[0]?.any === true;
}
