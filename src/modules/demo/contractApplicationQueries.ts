import type { Queryable } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';
import type { PendingApplication, PendingContract } from './contractApplications.js';
import type { ContractSeller } from './contracts.js';

/**
 * SQL of the demo's contracts under registration: the sellers they are told over, and three
 * statements — the contracts (placed where their sellers are, as the service places them), their
 * applications (placed where their contracts are), and the applications' timelines — each one
 * INSERT … SELECT FROM unnest. Days are the city's: an action's time is 10:00 on its day there.
 */

const SELLER_KINDS = "kind IN ('enterprise', 'university', 'research_institute') AND district_code IS NOT NULL";

/** The first seller of each zone, then of each district, so the registrars of every area find some. */
export async function pendingSellers(db: Queryable): Promise<ContractSeller[]> {
  const { rows } = await db.query<{ id: number; district_code: string }>(
    `SELECT rank, area, id, district_code FROM (
       SELECT DISTINCT ON (zone) 1 AS rank, zone AS area, id, district_code FROM organizations WHERE ${SELLER_KINDS} AND zone IS NOT NULL ORDER BY zone, id) z
     UNION ALL SELECT rank, area, id, district_code FROM (
       SELECT DISTINCT ON (district_code) 2 AS rank, district_code AS area, id, district_code FROM organizations WHERE ${SELLER_KINDS} ORDER BY district_code, id) d
     ORDER BY rank, area`,
  );
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({ id: r.id, districtCode: r.district_code }));
}

/** The organization user's organization as a seller, when it is one. */
export async function sellerById(db: Queryable, id: number | undefined): Promise<ContractSeller | undefined> {
  if (id === undefined) return undefined;
  const { rows } = await db.query<{ id: number; district_code: string }>(`SELECT id, district_code FROM organizations WHERE id = $1 AND ${SELLER_KINDS}`, [id]);
  return rows[0] && { id: rows[0].id, districtCode: rows[0].district_code };
}

const column = <T, K extends keyof T>(rows: readonly T[], key: K): Array<T[K]> => rows.map((r) => r[key]);

export async function insertPendingContracts(db: Queryable, city: CityConfig, contracts: readonly PendingContract[], applications: readonly PendingApplication[]): Promise<void> {
  const keys = ['contract_number', 'title', 'type', 'sub_type', 'seller_org_id', 'buyer_name', 'buyer_region', 'flow', 'contract_amount', 'transaction_amount', 'signed_on', 'technology_field', 'status'] as const;
  const types = ['text', 'text', 'text', 'text', 'int', 'text', 'text', 'text', 'numeric', 'numeric', 'date', 'text', 'text'];
  await db.query(
    `INSERT INTO tech_contracts (${keys.join(', ')}, inflow, district_code, zone)
     SELECT ${keys.map((k) => `u.${k}`).join(', ')}, false, o.district_code, o.zone
       FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) WITH ORDINALITY AS u(${keys.join(', ')}, ord)
       JOIN organizations o ON o.id = u.seller_org_id
      ORDER BY u.ord`,
    keys.map((k) => column(contracts, k)),
  );
  const at = (day: string) => `((${day})::timestamp + interval '10 hours') AT TIME ZONE $1`;
  await db.query(
    `INSERT INTO applications (filing_type, state, organization_id, tech_contract_id, district_code, zone, data, state_since, state_day, submitted_at, created_at, updated_at)
     SELECT 'tech_contract_registration', u.state, c.seller_org_id, c.id, c.district_code, c.zone, jsonb_build_object('note', u.note),
            ${at('u.state_day')}, u.state_day, ${at('u.submitted_day')}, ${at('u.created_day')}, ${at('u.state_day')}
       FROM unnest($2::text[], $3::int[], $4::text[], $5::date[], $6::date[], $7::date[], $8::text[]) WITH ORDINALITY AS u(contract_number, seller_org_id, state, state_day, submitted_day, created_day, note, ord)
       JOIN tech_contracts c ON c.seller_org_id = u.seller_org_id AND c.contract_number = u.contract_number
      ORDER BY u.ord`,
    [
      city.timeZone,
      column(applications, 'contract_number'),
      column(applications, 'seller_org_id'),
      column(applications, 'state'),
      column(applications, 'state_day'),
      column(applications, 'submitted_day'),
      applications.map((a) => a.events[0]!.day),
      column(applications, 'note'),
    ],
  );
  const events = applications.flatMap((a) => a.events.map((e) => ({ ...e, contract_number: a.contract_number, seller_org_id: a.seller_org_id })));
  await db.query(
    `INSERT INTO application_events (application_id, at, kind, from_state, to_state, comment)
     SELECT a.id, ${at('u.day')}, u.kind, u.from_state, u.to_state, u.comment
       FROM unnest($2::text[], $3::int[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS u(contract_number, seller_org_id, day, kind, from_state, to_state, comment, ord)
       JOIN tech_contracts c ON c.seller_org_id = u.seller_org_id AND c.contract_number = u.contract_number
       JOIN applications a ON a.tech_contract_id = c.id
      ORDER BY u.ord`,
    [city.timeZone, column(events, 'contract_number'), column(events, 'seller_org_id'), column(events, 'day'), column(events, 'kind'), column(events, 'from'), column(events, 'to'), column(events, 'comment')],
  );
}
