import type { Queryable } from '../../db/client.js';
import { int32sOf, packInt32s } from '../../db/packed.js';

/**
 * SQL of the chain view: the registry's records the segments are counted from, each with what the
 * segment mapping reads (names, kinds, industry codes, held qualifications, sold fields), where it lies (the
 * reach of an area officer) and what a drill-down row shows. Money comes as whole fen.
 */

/** The tables whose writes change an answer. */
export const CHAIN_TABLES = ['organizations', 'qualifications', 'rd_institutions', 'platforms', 'achievements', 'tech_contracts', 'ip_loans', 'talent_introductions'] as const;

export interface Place {
  district_code: string | null;
  zone: string | null;
}

export interface OrganizationFact extends Place {
  id: number;
  uscc: string;
  name: string;
  name_en: string | null;
  kind: string;
  industry_code: string | null;
}

export interface HostedFact extends Place {
  id: number;
  host_org_id: number;
  name: string;
  name_en: string | null;
}

export interface AchievementFact extends Place {
  id: number;
  owner_org_id: number;
  title: string;
  year: number;
}

export interface ContractFact extends Place {
  id: number;
  title: string;
  seller_org_id: number;
  buyer_org_id: number | null;
  fen: string;
  registered_on: string;
}

export interface LoanFact extends Place {
  id: number;
  contract_number: string;
  borrower_org_id: number;
  fen: string;
  disbursed_on: string;
}

export interface TalentFact extends Place {
  id: number;
  host_org_id: number;
  introduced_on: string;
}

export interface ChainFacts {
  organizations: OrganizationFact[];
  /** Each organization's qualifications held on `today`. */
  qualifications: ReadonlyMap<number, readonly string[]>;
  /** Each organization's technology fields of the registered contracts it sold. */
  soldFields: ReadonlyMap<number, readonly string[]>;
  institutions: HostedFact[];
  platforms: HostedFact[];
  achievements: AchievementFact[];
  contracts: ContractFact[];
  loans: LoanFact[];
  talent: TalentFact[];
}

const rows = async <R>(db: Queryable, sql: string, params: unknown[] = []) => (await db.query<R>(sql, params)).rows;

/** A value (a qualification, a field) and the ids of the organizations that have it, packed, repeats and all. */
interface PackedGroup {
  v: string;
  ids: Uint8Array | null;
}

/**
 * Each organization's values, each once. Read grouped by value — a dozen rows, not one per
 * qualification held (7.3 M at 100× the demo) — and without DISTINCT: an organization seen again
 * in its value's group already ends its list with that value.
 */
function valuesByOrganization(groups: readonly PackedGroup[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const { v, ids } of groups)
    for (const id of int32sOf(ids)) {
      const list = out.get(id);
      if (list === undefined) out.set(id, [v]);
      else if (list[list.length - 1] !== v) list.push(v);
    }
  return out;
}

export async function loadChainFacts(db: Queryable, today: string): Promise<ChainFacts> {
  const [organizations, qualifications, soldFields, institutions, platforms, achievements, contracts, loans, talent] = await Promise.all([
    rows<OrganizationFact>(db, 'SELECT id, uscc, name, name_en, kind, industry_code, district_code, zone FROM organizations ORDER BY id'),
    rows<PackedGroup>(db, `SELECT qualification AS v, ${packInt32s('organization_id')} AS ids FROM qualifications WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date) GROUP BY qualification`, [today]),
    rows<PackedGroup>(db, `SELECT technology_field AS v, ${packInt32s('seller_org_id')} AS ids FROM tech_contracts WHERE status = 'registered' AND technology_field IS NOT NULL GROUP BY technology_field`),
    rows<HostedFact>(db, 'SELECT id, host_org_id, name, name_en, district_code, zone FROM rd_institutions ORDER BY id'),
    // A revoked or reorganized platform no longer supports anyone.
    rows<HostedFact>(db, "SELECT id, host_org_id, name, name_en, district_code, zone FROM platforms WHERE status IN ('active', 'under_construction') ORDER BY id"),
    rows<AchievementFact>(db, 'SELECT id, owner_org_id, title, year, district_code, zone FROM achievements ORDER BY id'),
    rows<ContractFact>(
      db,
      "SELECT id, title, seller_org_id, buyer_org_id, (contract_amount * 100)::bigint::text AS fen, registered_on::text AS registered_on, district_code, zone FROM tech_contracts WHERE status = 'registered' ORDER BY id",
    ),
    rows<LoanFact>(db, 'SELECT id, contract_number, borrower_org_id, (amount * 100)::bigint::text AS fen, disbursed_on::text AS disbursed_on, district_code, zone FROM ip_loans WHERE disbursed_on IS NOT NULL ORDER BY id'),
    // Counted only: no name, contact or ID number is read.
    rows<TalentFact>(db, 'SELECT id, host_org_id, introduced_on::text AS introduced_on, district_code, zone FROM talent_introductions ORDER BY id'),
  ]);
  return {
    organizations,
    qualifications: valuesByOrganization(qualifications),
    soldFields: valuesByOrganization(soldFields),
    institutions,
    platforms,
    achievements,
    contracts,
    loans,
    talent,
  };
}
