import type { Queryable } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';
import { compileSegmentMapper, type IndustrialChains } from '../../domain/industrialChain.js';
import { downstreamBuyers, type ContractPools, type DemoContract } from './contracts.js';

/**
 * SQL of the demo's technology contracts: the sellers they are planned over, one INSERT … SELECT
 * FROM unnest for all of them (each lies where its seller does, as the service places it), and the
 * registration counters moved to the last number of each year, so the next registration goes on
 * from there.
 */

export async function hasContracts(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM tech_contracts) AS any');
  return rows[0]?.any === true;
}

/** The sellers, each with the segments the chains' hand mapping or rules (name, kind, industry code) give it. */
export async function contractPools(db: Queryable, chains: IndustrialChains): Promise<ContractPools> {
  const { rows } = await db.query<{ id: number; district_code: string; uscc: string; name: string; name_en: string | null; kind: string; industry_code: string | null }>(
    `SELECT id, district_code, uscc, name, name_en, kind, industry_code FROM organizations WHERE kind IN ('enterprise', 'university', 'research_institute') AND district_code IS NOT NULL ORDER BY id LIMIT 5000`,
  );
  const mapper = compileSegmentMapper(chains);
  const sellers = rows.map((r) => ({ id: r.id, districtCode: r.district_code, segments: mapper.organization(r.uscc, { name: r.name, nameEn: r.name_en, kind: r.kind, industryCode: r.industry_code }) }));
  return { sellers: sellers.map(({ id, districtCode }) => ({ id, districtCode })), downstream: downstreamBuyers(sellers, chains) };
}

const column = <K extends keyof DemoContract>(rows: readonly DemoContract[], key: K): Array<DemoContract[K]> => rows.map((r) => r[key]);

export async function insertContracts(db: Queryable, city: CityConfig, rows: readonly DemoContract[]): Promise<void> {
  const keys = ['contract_number', 'title', 'type', 'sub_type', 'seller_org_id', 'buyer_org_id', 'buyer_name', 'buyer_region', 'flow', 'contract_amount', 'transaction_amount', 'signed_on', 'registered_on', 'end_on', 'technology_field', 'registration_number'] as const;
  const types = ['text', 'text', 'text', 'text', 'int', 'int', 'text', 'text', 'text', 'numeric', 'numeric', 'date', 'date', 'date', 'text', 'text'];
  await db.query(
    `INSERT INTO tech_contracts (${keys.join(', ')}, inflow, status, district_code, zone)
     SELECT ${keys.map((k) => `u.${k}`).join(', ')}, false, 'registered', o.district_code, o.zone
       FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) WITH ORDINALITY AS u(${keys.join(', ')}, ord)
       JOIN organizations o ON o.id = u.seller_org_id
      ORDER BY u.ord`,
    keys.map((k) => column(rows, k)),
  );
  const last = new Map<number, number>();
  for (const r of rows) last.set(Number(r.registered_on.slice(0, 4)), Number(r.registration_number.slice(-6)));
  await db.query(
    `INSERT INTO registration_counters (city_code, year, last) SELECT $1, * FROM unnest($2::int[], $3::int[])
     ON CONFLICT (city_code, year) DO UPDATE SET last = greatest(registration_counters.last, EXCLUDED.last)`,
    [city.code, [...last.keys()], [...last.values()]],
  );
}
