import type { RecordScope } from '../../domain/permissions.js';

/**
 * Whose a registry record is and where it lies, for the record-level permission check: an
 * organization is its own and lies in its district and zone; a qualification is its
 * organization's and lies where the organization does; an institution or platform is its host's
 * and lies in its own district and zone. Read off the row a write has locked, so the check and
 * the write see the same record.
 */

type Place = { district_code: string | null; zone: string | null };

export const organizationRowScope = (row: Place & { id: number }): RecordScope => ({ organizationId: row.id, districtCode: row.district_code, zone: row.zone });

export const qualificationRowScope = (row: { organization_id: number; organization_district_code: string | null; organization_zone: string | null }): RecordScope => ({
  organizationId: row.organization_id,
  districtCode: row.organization_district_code,
  zone: row.organization_zone,
});

export const hostedRowScope = (row: Place & { host_org_id: number }): RecordScope => ({ organizationId: row.host_org_id, districtCode: row.district_code, zone: row.zone });

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A place field as a patch leaves it: the body's value when it gives one, else the current. */
const after = (body: Record<string, unknown>, key: string, current: string | null | undefined): string | null =>
  body[key] !== undefined ? text(body[key]) : (current ?? null);

/** An organization as created, or as changed by a patch. */
export async function organizationScopeAfter(body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope> {
  return { organizationId: current?.organizationId ?? null, districtCode: after(body, 'district_code', current?.districtCode), zone: after(body, 'zone', current?.zone) };
}

/**
 * A qualification as created, or moved to another organization by a patch (it then lies where
 * that one does: `placeOf` looks the organization up).
 */
export async function qualificationScopeAfter(placeOf: (organizationId: number) => Promise<RecordScope | undefined>, body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope> {
  const organizationId = typeof body.organization_id === 'number' ? body.organization_id : (current?.organizationId ?? null);
  if (current && organizationId === current.organizationId) return current;
  const org = organizationId === null ? undefined : await placeOf(organizationId);
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
