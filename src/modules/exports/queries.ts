import { fileColumns, type FileColumn, type FileEntity } from '../../contracts/fileColumns.js';
import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import { achievementFlagCodes } from '../../domain/achievement.js';

/** A project's or achievement's host institution `r` or platform `p` (joined by their lists) by its natural key. */
const hostKeys = {
  rd_institution_host_uscc: '(SELECT x.uscc FROM organizations x WHERE x.id = r.host_org_id)',
  rd_institution_name: 'r.name',
  platform_host_uscc: '(SELECT x.uscc FROM organizations x WHERE x.id = p.host_org_id)',
  platform_name: 'p.name',
};

/**
 * SQL of the file columns of each entity, over the FROM of its registry list (main table `t`;
 * the host or holder organization `h` or `o`, already joined, so a report's names cost no extra
 * query), each aliased by its canonical key.
 */
const expressions: Record<FileEntity, Record<string, string>> = {
  organizations: Object.fromEntries(fileColumns.organizations.map((c) => [c.key, `t.${c.key}`])),
  qualifications: { uscc: 'o.uscc', holder_name: 'o.name', qualification: 't.qualification', certificate_no: 't.certificate_no', valid_from: 't.valid_from', valid_to: 't.valid_to' },
  rd_institutions: {
    host_uscc: 'h.uscc',
    host_name: 'h.name',
    ...Object.fromEntries(['name', 'name_en', 'category', 'level', 'established_on', 'district_code', 'zone'].map((k) => [k, `t.${k}`])),
    // A "four global" feature holds (是) once a reviewer has confirmed it.
    ...Object.fromEntries(
      fourGlobalFeatureCodes.flatMap((f) => [
        [f, `(t.${f}_confirmed_on IS NOT NULL)`],
        [`${f}_evidence`, `t.${f}_evidence`],
        [`${f}_confirmed_on`, `t.${f}_confirmed_on`],
      ]),
    ),
  },
  platforms: {
    host_uscc: 'h.uscc',
    host_name: 'h.name',
    ...Object.fromEntries(['name', 'name_en', 'type', 'level', 'recognized_on', 'authority', 'status', 'district_code', 'zone'].map((k) => [k, `t.${k}`])),
  },
  // The list's FROM joins the seller `s` and a registry buyer `b`; its amounts are already text.
  tech_contracts: {
    ...Object.fromEntries(fileColumns.tech_contracts.map((c) => [c.key, `t.${c.key}`])),
    seller_uscc: 's.uscc',
    seller_name: 's.name',
    buyer_uscc: 'b.uscc',
    buyer_org_name: 'b.name',
    contract_amount: 't.contract_amount::text',
    transaction_amount: 't.transaction_amount::text',
  },
  // The list's FROM joins the host `h`; for a caller without the personal-data permission its
  // person columns are already masked (talent/queries.ts), so an export cannot hold them.
  talent_introductions: {
    ...Object.fromEntries(fileColumns.talent_introductions.map((c) => [c.key, `t.${c.key}`])),
    host_uscc: 'h.uscc',
    host_name: 'h.name',
  },
  // The list's FROM joins the calling organization `o`.
  recruitment_calls: {
    ...Object.fromEntries(fileColumns.recruitment_calls.map((c) => [c.key, `t.${c.key}`])),
    org_uscc: 'o.uscc',
    org_name: 'o.name',
    positions: 't.positions::text',
  },
  // Their lists' FROMs (projects/queries.ts …) join the owner `o` (a project's lead), a transfer's
  // achievement `a` and receiver `rc`, an incubation's enterprise `e`, achievement `a` and institution `r`.
  projects: {
    lead_uscc: 'o.uscc',
    lead_name: 'o.name',
    title: 't.title',
    partner_usccs: `(SELECT string_agg(x.uscc, '；' ORDER BY pp.position) FROM project_partners pp JOIN organizations x ON x.id = pp.org_id WHERE pp.project_id = t.id)`,
    programme: 't.programme',
    budget: 't.budget::text',
    ...Object.fromEntries(['start_on', 'end_on', 'status', 'district_code', 'zone'].map((k) => [k, `t.${k}`])),
    ...hostKeys,
  },
  achievements: {
    owner_uscc: 'o.uscc',
    owner_name: 'o.name',
    year: 't.year::text',
    other_org_usccs: `(SELECT string_agg(x.uscc, '；' ORDER BY ao.position) FROM achievement_organizations ao JOIN organizations x ON x.id = ao.org_id WHERE ao.achievement_id = t.id)`,
    ...Object.fromEntries(['title', 'type', ...achievementFlagCodes, 'evidence', 'district_code', 'zone'].map((k) => [k, `t.${k}`])),
    ...hostKeys,
    project_lead_uscc: '(SELECT x.uscc FROM projects j JOIN organizations x ON x.id = j.lead_org_id WHERE j.id = t.project_id)',
    project_title: '(SELECT j.title FROM projects j WHERE j.id = t.project_id)',
  },
  transfers: {
    achievement_owner_uscc: 'o.uscc',
    achievement_title: 'a.title',
    achievement_year: 'a.year::text',
    receiver_uscc: 'rc.uscc',
    receiver_name: 'rc.name',
    transferred_on: 't.transferred_on',
    mode: 't.mode',
    amount: 't.amount::text',
    tech_contract_number: '(SELECT k.contract_number FROM tech_contracts k WHERE k.id = t.tech_contract_id)',
  },
  incubations: {
    enterprise_uscc: 'e.uscc',
    enterprise_name: 'e.name',
    incubated_on: 't.incubated_on',
    achievement_owner_uscc: '(SELECT x.uscc FROM organizations x WHERE x.id = a.owner_org_id)',
    achievement_title: 'a.title',
    achievement_year: 'a.year::text',
    rd_institution_host_uscc: '(SELECT x.uscc FROM organizations x WHERE x.id = r.host_org_id)',
    rd_institution_name: 'r.name',
  },
  // The list's FROM joins the borrower `b` and a registry lender `l`. Pledged items read back as
  // the import's one cell, in their stored order.
  ip_loans: {
    ...Object.fromEntries(fileColumns.ip_loans.map((c) => [c.key, `t.${c.key}`])),
    borrower_uscc: 'b.uscc',
    borrower_name: 'b.name',
    lender_uscc: 'l.uscc',
    lender_org_name: 'l.name',
    pledged_items: "(SELECT string_agg((e.item->>'kind') || ':' || (e.item->>'number'), '; ' ORDER BY e.n) FROM jsonb_array_elements(t.pledged_items) WITH ORDINALITY AS e(item, n))",
    ...Object.fromEntries(['valuation_amount', 'amount', 'annual_rate', 'term_months', 'loss_amount', 'fund_share'].map((k) => [k, `t.${k}::text`])),
  },
};

/** The SELECT list of an export's columns of an entity, in file order; dates come back as 'YYYY-MM-DD'. */
export function exportSelect(entity: FileEntity, columns: readonly FileColumn[]): string {
  return columns.map((c) => `${expressions[entity][c.key]} AS ${c.key}`).join(', ');
}

