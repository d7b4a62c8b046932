import type { Queryable } from '../../db/client.js';
import type { RecordScope } from '../../domain/permissions.js';

/**
 * Whose a registry record is and where it lies, for the record-level permission check: an
 * organization is its own and lies in its district and zone; a qualification is its
 * organization's and lies where the organization does; an institution or platform is its host's
 * and lies in its own district and zone. Undefined when the record does not exist.
 */

type Place = { district_code: string | null; zone: string | null };

export async function organizationScope(db: Queryable, id: number): Promise<RecordScope | undefined> {
  const { rows } = await db.query<Place>('SELECT district_code, zone FROM organizations WHERE id = $1', [id]);
  return rows[0] && { organizationId: id, districtCode: rows[0].district_code, zone: rows[0].zone };
}

export async function qualificationScope(db: Queryable, id: number): Promise<RecordScope | undefined> {
  const { rows } = await db.query<Place & { organization_id: number }>(
    'SELECT q.organization_id, o.district_code, o.zone FROM qualifications q JOIN organizations o ON o.id = q.organization_id WHERE q.id = $1',
    [id],
  );
  return rows[0] && { organizationId: rows[0].organization_id, districtCode: rows[0].district_code, zone: rows[0].zone };
}

export async function hostedScope(db: Queryable, table: 'rd_institutions' | 'platforms', id: number): Promise<RecordScope | undefined> {
  const { rows } = await db.query<Place & { host_org_id: number }>(`SELECT host_org_id, district_code, zone FROM ${table} WHERE id = $1`, [id]);
  return rows[0] && { organizationId: rows[0].host_org_id, districtCode: rows[0].district_code, zone: rows[0].zone };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A place field as a patch leaves it: the body's value when it gives one, else the current. */
const after = (body: Record<string, unknown>, key: string, current: string | null | undefined): string | null =>
  body[key] !== undefined ? text(body[key]) : (current ?? null);

/** An organization as created, or as changed by a patch. */
export async function organizationScopeAfter(body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope> {
  return { organizationId: current?.organizationId ?? null, districtCode: after(body, 'district_code', current?.districtCode), zone: after(body, 'zone', current?.zone) };
}

/** A qualification as created, or moved to another organization by a patch (it then lies where that one does). */
export async function qualificationScopeAfter(db: Queryable, body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope> {
  const organizationId = typeof body.organization_id === 'number' ? body.organization_id : (current?.organizationId ?? null);
  if (current && organizationId === current.organizationId) return current;
  const org = organizationId === null ? undefined : await organizationScope(db, organizationId);
  return { organizationId, districtCode: org?.districtCode ?? null, zone: org?.zone ?? null };
}

/** An institution or platform as created, or with a new host, district or zone. */
export async function hostedScopeAfter(body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope> {
  return {
    organizationId: typeof body.host_org_id === 'number' ? body.host_org_id : (current?.organizationId ?? null),
    districtCode: after(body, 'district_code', current?.districtCode),
    zone: after(body, 'zone', current?.zone),
  };
}
