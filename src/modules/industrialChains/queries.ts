import type { Queryable } from '../../db/client.js';

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
  /** [organization id, qualification] held on `today`. */
  qualifications: [number, string][];
  /** [organization id, technology field] of the registered contracts it sold. */
  soldFields: [number, string][];
  institutions: HostedFact[];
  platforms: HostedFact[];
  achievements: AchievementFact[];
  contracts: ContractFact[];
  loans: LoanFact[];
  talent: TalentFact[];
}

const rows = async <R>(db: Queryable, sql: string, params: unknown[] = []) => (await db.query<R>(sql, params)).rows;

export async function loadChainFacts(db: Queryable, today: string): Promise<ChainFacts> {
  const [organizations, qualifications, soldFields, institutions, platforms, achievements, contracts, loans, talent] = await Promise.all([
    rows<OrganizationFact>(db, 'SELECT id, uscc, name, name_en, kind, industry_code, district_code, zone FROM organizations ORDER BY id'),
    rows<{ o: number; q: string }>(db, 'SELECT DISTINCT organization_id AS o, qualification AS q FROM qualifications WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)', [today]),
    rows<{ o: number; f: string }>(db, "SELECT DISTINCT seller_org_id AS o, technology_field AS f FROM tech_contracts WHERE status = 'registered' AND technology_field IS NOT NULL"),
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
    qualifications: qualifications.map((r) => [r.o, r.q]),
    soldFields: soldFields.map((r) => [r.o, r.f]),
    institutions,
    platforms,
    achievements,
    contracts,
    loans,
    talent,
  };
}
