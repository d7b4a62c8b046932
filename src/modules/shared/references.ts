import type { Queryable } from '../../db/client.js';
import { conflict, validationFailed } from './errors.js';

/** A record may only point at an organization that exists; otherwise the field is named. */
export async function assertOrganizationExists(db: Queryable, id: number, field: string): Promise<void> {
  const { rows } = await db.query('SELECT 1 FROM organizations WHERE id = $1', [id]);
  if (!rows.length)
    throw validationFailed([
      { field, code: 'reference.not_found', message: { zh: `编号为 ${id} 的主体不存在`, en: `Organization ${id} does not exist` }, params: { id } },
    ]);
}

/** Institutions and platforms are keyed by (host organization, name): one name per host. */
export async function assertNameFreeUnderHost(db: Queryable, table: 'rd_institutions' | 'platforms', hostOrgId: number, name: string, selfId?: number): Promise<void> {
  const { rows } = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE host_org_id = $1 AND name = $2`, [hostOrgId, name]);
  const other = rows[0];
  if (other && other.id !== selfId)
    throw conflict({
      field: 'name',
      code: 'name.duplicate_under_host',
      message: { zh: `该依托单位下已有同名记录（编号 ${other.id}）`, en: `The host organization already has a record of this name (id ${other.id})` },
      params: { existing_id: other.id },
    });
}
