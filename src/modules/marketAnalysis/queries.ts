import type { Queryable } from '../../db/client.js';
import type { ContractFact } from '../../domain/analysis/columns.js';

/** SQL of the market analysis: the registered contracts, read in batches into the column store. */

/** The tables whose writes change an answer: the contracts, and their sellers (the seller's kind). */
export const ANALYSED_TABLES = ['tech_contracts', 'organizations'] as const;

type FactRow = ContractFact & { id: number };

const BATCH = 50_000;

/**
 * Every registered contract (as contracts.turnover counts them: status registered, by
 * registration date), a batch at a time by id so a million rows never sit in memory as objects.
 */
export async function* registeredContracts(db: Queryable): AsyncGenerator<ContractFact[]> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<FactRow>(
      `SELECT c.id, c.registered_on, c.type, c.sub_type, c.flow, c.district_code AS district, c.zone, c.technology_field AS field, o.kind AS seller_kind,
              CASE WHEN c.buyer_region ~ '^[0-9]{6}$' THEN substr(c.buyer_region, 1, 2) || '0000' END AS buyer_province,
              c.seller_org_id AS seller_id, c.contract_amount::text AS contract_amount, c.transaction_amount::text AS transaction_amount
         FROM tech_contracts c JOIN organizations o ON o.id = c.seller_org_id
        WHERE c.status = 'registered' AND c.registered_on IS NOT NULL AND c.id > $1
        ORDER BY c.id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** How many contracts are registered (to size the columns once). */
export async function registeredCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tech_contracts WHERE status = 'registered'");
  return rows[0]?.n ?? 0;
}

/** Names of some organizations. */
export async function organizationNames(db: Queryable, ids: readonly number[]): Promise<Map<number, string>> {
  const { rows } = await db.query<{ id: number; name: string }>('SELECT id, name FROM organizations WHERE id = ANY($1::int[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
