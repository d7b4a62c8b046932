import type { Queryable } from '../../db/client.js';
import type { ContractFact } from '../../domain/analysis/columns.js';
import { yuanToFen } from '../../domain/analysis/fen.js';

/** SQL of the market analysis: the registered contracts, read in batches into the column store. */

/** The tables whose writes change an answer: the contracts, and their sellers (the seller's kind). */
export const ANALYSED_TABLES = ['tech_contracts', 'organizations'] as const;

const BATCH = 100_000;

/** Tab-separated, one contract a line: a result of one text per batch crosses from the database far faster than rows of twelve columns. */
const LINE = `concat_ws(E'\\t', c.registered_on - date '1970-01-01', c.type, c.sub_type, c.flow, coalesce(c.district_code, ''), coalesce(c.zone, ''),
  coalesce(c.technology_field, ''), o.kind, CASE WHEN c.buyer_region ~ '^[0-9]{6}$' THEN substr(c.buyer_region, 1, 2) || '0000' ELSE '' END,
  c.seller_org_id, c.contract_amount, c.transaction_amount)`;

/** A line back into a contract; concat_ws would drop a NULL, so an absent value is written as ''. */
function factOf(line: string): ContractFact {
  const [day, type, subType, flow, district, zone, field, kind, province, seller, contract, transaction] = line.split('\t') as [string, ...string[]];
  const orNull = (v: string | undefined) => (v ? v : null);
  return {
    day: Number(day),
    type: type!,
    sub_type: subType!,
    flow: flow!,
    district: orNull(district),
    zone: orNull(zone),
    field: orNull(field),
    seller_kind: orNull(kind),
    buyer_province: orNull(province),
    seller_id: Number(seller),
    contract_fen: yuanToFen(contract!),
    transaction_fen: yuanToFen(transaction!),
  };
}

/**
 * Every registered contract (as contracts.turnover counts them: status registered, by
 * registration date), a batch at a time by id so a million rows never sit in memory as objects.
 */
export async function* registeredContracts(db: Queryable): AsyncGenerator<ContractFact[]> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<{ last: number | null; lines: string | null }>(
      `SELECT max(id) AS last, string_agg(line, E'\\n') AS lines FROM (
         SELECT c.id, ${LINE} AS line FROM tech_contracts c JOIN organizations o ON o.id = c.seller_org_id
          WHERE c.status = 'registered' AND c.registered_on IS NOT NULL AND c.id > $1 ORDER BY c.id LIMIT ${BATCH}) batch`,
      [after],
    );
    const { last, lines } = rows[0] ?? { last: null, lines: null };
    if (last === null || lines === null) return;
    yield lines.split('\n').map(factOf);
    after = last;
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
