import type { Me } from '../../../src/contracts/accounts';
import { reaches, type Permission, type RecordScope } from '../../../src/domain/permissions';

/**
 * What the UI shows: the server's answer to /auth/me read with the same pure rule the server
 * checks with (src/domain/permissions.ts). The server still decides; this only hides what would
 * be refused.
 */

/**
 * A record's scope as far as the page knows it: an unknown district and zone (undefined) are left
 * for the server to judge; once one of them is known, an unknown other counts as none.
 */
export interface KnownScope {
  organizationId: number | null;
  districtCode: string | null | undefined;
  /** Optional: a target's area is a district or the city, never a zone. */
  zone?: string | null | undefined;
}

export function canDo(me: Me | undefined, permission: Permission, scope?: KnownScope): boolean {
  const reach = me?.permissions[permission];
  if (!reach) return false;
  if (!scope) return true;
  const caller = { organizationIds: me.user?.organizations.map((o) => o.id) ?? [], districts: me.user?.districts ?? [], zones: me.user?.zones ?? [] };
  if (reach === 'area' && scope.districtCode === undefined && scope.zone === undefined) return true;
  const known: RecordScope = { organizationId: scope.organizationId, districtCode: scope.districtCode ?? null, zone: scope.zone ?? null };
  return reaches(caller, reach, known);
}

/** The permissions a registry resource's writes need, and where one of its records lies. */
export const resourceAccess: Record<string, { create: Permission; update: Permission; remove: Permission; scope: (item: Record<string, unknown>) => KnownScope }> = {
  '/organizations': {
    create: 'organizations.create',
    update: 'organizations.update',
    remove: 'organizations.delete',
    scope: (o) => ({ organizationId: o.id as number, districtCode: (o.district_code as string | null) ?? null, zone: (o.zone as string | null) ?? null }),
  },
  '/qualifications': {
    create: 'qualifications.write',
    update: 'qualifications.write',
    remove: 'qualifications.write',
    // A qualification lies where its holder is.
    scope: (q) => ({ organizationId: q.organization_id as number, districtCode: (q.organization_district_code as string | null) ?? null, zone: (q.organization_zone as string | null) ?? null }),
  },
  '/rd-institutions': {
    create: 'rd_institutions.write',
    update: 'rd_institutions.write',
    remove: 'rd_institutions.write',
    scope: (r) => ({ organizationId: r.host_org_id as number, districtCode: r.district_code as string, zone: (r.zone as string | null) ?? null }),
  },
  '/platforms': {
    create: 'platforms.write',
    update: 'platforms.write',
    remove: 'platforms.write',
    scope: (p) => ({ organizationId: p.host_org_id as number, districtCode: p.district_code as string, zone: (p.zone as string | null) ?? null }),
  },
  // An introduction lies where its host does (the host's district and zone on the record).
  '/talent-introductions': {
    create: 'talent.write',
    update: 'talent.write',
    remove: 'talent.write',
    scope: (r) => ({ organizationId: r.host_org_id as number, districtCode: (r.district_code as string | null) ?? null, zone: (r.zone as string | null) ?? null }),
  },
  '/recruitment-calls': {
    create: 'talent.write',
    update: 'talent.write',
    remove: 'talent.write',
    scope: (c) => ({ organizationId: c.org_id as number, districtCode: (c.district_code as string | null) ?? null, zone: (c.zone as string | null) ?? null }),
  },
  '/tech-contracts': {
    create: 'tech_contracts.write',
    update: 'tech_contracts.write',
    remove: 'tech_contracts.write',
    // A contract lies where its seller does (the seller's district and zone on the contract).
    scope: (c) => ({ organizationId: c.seller_org_id as number, districtCode: (c.district_code as string | null) ?? null, zone: (c.zone as string | null) ?? null }),
  },
  // Projects, achievements, transfers and incubations lie where their owner (a project's lead) put them.
  '/projects': { create: 'achievements.write', update: 'achievements.write', remove: 'achievements.write', scope: (p) => ({ organizationId: p.lead_org_id as number, districtCode: (p.district_code as string | null) ?? null, zone: (p.zone as string | null) ?? null }) },
  '/achievements': { create: 'achievements.write', update: 'achievements.write', remove: 'achievements.write', scope: (a) => ({ organizationId: a.owner_org_id as number, districtCode: (a.district_code as string | null) ?? null, zone: (a.zone as string | null) ?? null }) },
  '/transfers': { create: 'achievements.write', update: 'achievements.write', remove: 'achievements.write', scope: (x) => ({ organizationId: x.owner_org_id as number, districtCode: (x.district_code as string | null) ?? null, zone: (x.zone as string | null) ?? null }) },
  '/incubations': { create: 'achievements.write', update: 'achievements.write', remove: 'achievements.write', scope: (x) => ({ organizationId: x.owner_org_id as number, districtCode: (x.district_code as string | null) ?? null, zone: (x.zone as string | null) ?? null }) },
  '/ip-loans': {
    create: 'ip_loans.write',
    update: 'ip_loans.write',
    remove: 'ip_loans.write',
    // A loan lies where its borrower does.
    scope: (l) => ({ organizationId: l.borrower_org_id as number, districtCode: (l.district_code as string | null) ?? null, zone: (l.zone as string | null) ?? null }),
  },
};

/** The sign-in page, coming back to `back` (a path of this site) after. */
export const signInPath = (back: string): string => `/login?next=${encodeURIComponent(back)}`;

/** Where to go after signing in: a path of this site only (never another origin). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
