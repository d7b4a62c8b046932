import type { Queryable } from '../../db/client.js';
import { float64sOf, int32sOf, packFloat64s, packInt32s } from '../../db/packed.js';
import { UNDATED, type EdgeType, type NodeKind } from '../../domain/innovationGraph.js';

/** SQL of the innovation graph: the node ids of each kind, the edges of each type, the names of some nodes. */

/** The tables whose writes change the graph: the next answer after a write to any of them rebuilds it. */
export const GRAPH_TABLES = ['organizations', 'rd_institutions', 'platforms', 'projects', 'project_partners', 'achievements', 'achievement_organizations', 'tech_contracts', 'transfers', 'incubations', 'ip_loans', 'talent_introductions'] as const;

/** The table of each stored node kind (zones are the city's configuration, not rows). */
export const nodeTables: Readonly<Record<Exclude<NodeKind, 'zone'>, string>> = {
  organization: 'organizations',
  rd_institution: 'rd_institutions',
  platform: 'platforms',
  project: 'projects',
  achievement: 'achievements',
  talent: 'talent_introductions',
};

/**
 * Every id of every stored kind, ascending, one array per kind, in one statement (the node index
 * wants them sorted; a round trip per kind is what makes a small graph slow to build on PGlite).
 */
export async function recordIds(db: Queryable): Promise<Record<Exclude<NodeKind, 'zone'>, Int32Array>> {
  const kinds = Object.keys(nodeTables) as Array<Exclude<NodeKind, 'zone'>>;
  const { rows } = await db.query<{ kind: Exclude<NodeKind, 'zone'>; ids: Uint8Array | null }>(
    kinds.map((k) => `SELECT '${k}' AS kind, (SELECT ${packInt32s('id')} FROM ${nodeTables[k]}) AS ids`).join(' UNION ALL '),
  );
  const byKind = new Map(rows.map((r) => [r.kind, r.ids]));
  // Sorted here: an ORDER BY in the aggregate cost the database a sort of every table.
  return Object.fromEntries(kinds.map((k) => [k, int32sOf(byKind.get(k) ?? null).sort()])) as Record<Exclude<NodeKind, 'zone'>, Int32Array>;
}

/**
 * One source of edges: a SELECT of `s` (the source record's id), `t` (the target's id, or a zone's
 * code), `d` (the record's date, or NULL) and `w` (an amount in yuan, or NULL) over one table; a
 * source whose records have no date or amount selects `NULL::date AS d` or `NULL::numeric AS w`,
 * and that column is not sent at all.
 * Adding an edge type is adding an entry here (and the type in src/domain/innovationGraph.ts).
 */
export interface EdgeSource {
  type: EdgeType;
  from: NodeKind;
  to: NodeKind;
  sql: string;
}

/** An achievement's year counts as its 1 January: the only date the record has. */
const ACHIEVEMENT_DAY = 'make_date(a.year, 1, 1)';

export const edgeSources: readonly EdgeSource[] = [
  { type: 'hosts', from: 'organization', to: 'rd_institution', sql: 'SELECT host_org_id AS s, id AS t, established_on AS d, NULL::numeric AS w FROM rd_institutions' },
  { type: 'hosts', from: 'organization', to: 'platform', sql: 'SELECT host_org_id AS s, id AS t, recognized_on AS d, NULL::numeric AS w FROM platforms' },
  { type: 'lead_of_project', from: 'organization', to: 'project', sql: 'SELECT lead_org_id AS s, id AS t, start_on AS d, budget AS w FROM projects' },
  { type: 'partner_in_project', from: 'organization', to: 'project', sql: 'SELECT x.org_id AS s, x.project_id AS t, p.start_on AS d, NULL::numeric AS w FROM project_partners x JOIN projects p ON p.id = x.project_id' },
  { type: 'produced_by', from: 'achievement', to: 'organization', sql: `SELECT a.id AS s, a.owner_org_id AS t, ${ACHIEVEMENT_DAY} AS d, NULL::numeric AS w FROM achievements a` },
  {
    type: 'produced_by',
    from: 'achievement',
    to: 'organization',
    sql: `SELECT a.id AS s, x.org_id AS t, ${ACHIEVEMENT_DAY} AS d, NULL::numeric AS w FROM achievement_organizations x JOIN achievements a ON a.id = x.achievement_id WHERE x.org_id <> a.owner_org_id`,
  },
  { type: 'produced_by', from: 'achievement', to: 'rd_institution', sql: `SELECT a.id AS s, a.rd_institution_id AS t, ${ACHIEVEMENT_DAY} AS d, NULL::numeric AS w FROM achievements a WHERE a.rd_institution_id IS NOT NULL` },
  { type: 'produced_by', from: 'achievement', to: 'platform', sql: `SELECT a.id AS s, a.platform_id AS t, ${ACHIEVEMENT_DAY} AS d, NULL::numeric AS w FROM achievements a WHERE a.platform_id IS NOT NULL` },
  { type: 'produced_by', from: 'achievement', to: 'project', sql: `SELECT a.id AS s, a.project_id AS t, ${ACHIEVEMENT_DAY} AS d, NULL::numeric AS w FROM achievements a WHERE a.project_id IS NOT NULL` },
  // Registered contracts only (what the market counts), dated by registration; a buyer outside the registry is no node.
  {
    type: 'contract',
    from: 'organization',
    to: 'organization',
    sql: "SELECT seller_org_id AS s, buyer_org_id AS t, registered_on AS d, contract_amount AS w FROM tech_contracts WHERE status = 'registered' AND registered_on IS NOT NULL AND buyer_org_id IS NOT NULL",
  },
  { type: 'transfer', from: 'achievement', to: 'organization', sql: 'SELECT achievement_id AS s, receiver_org_id AS t, transferred_on AS d, amount AS w FROM transfers' },
  { type: 'incubated', from: 'achievement', to: 'organization', sql: 'SELECT achievement_id AS s, enterprise_org_id AS t, incubated_on AS d, NULL::numeric AS w FROM incubations WHERE achievement_id IS NOT NULL' },
  { type: 'incubated', from: 'rd_institution', to: 'organization', sql: 'SELECT rd_institution_id AS s, enterprise_org_id AS t, incubated_on AS d, NULL::numeric AS w FROM incubations WHERE rd_institution_id IS NOT NULL' },
  // Money lent, dated by disbursement; a lender known only by name (lender_name) is no node.
  { type: 'loan', from: 'organization', to: 'organization', sql: 'SELECT lender_org_id AS s, borrower_org_id AS t, disbursed_on AS d, amount AS w FROM ip_loans WHERE lender_org_id IS NOT NULL AND disbursed_on IS NOT NULL' },
  { type: 'talent_host', from: 'talent', to: 'organization', sql: 'SELECT id AS s, host_org_id AS t, introduced_on AS d, NULL::numeric AS w FROM talent_introductions' },
  { type: 'located_in_zone', from: 'organization', to: 'zone', sql: 'SELECT id AS s, zone AS t, NULL::date AS d, NULL::numeric AS w FROM organizations WHERE zone IS NOT NULL' },
  { type: 'located_in_zone', from: 'rd_institution', to: 'zone', sql: 'SELECT id AS s, zone AS t, NULL::date AS d, NULL::numeric AS w FROM rd_institutions WHERE zone IS NOT NULL' },
  { type: 'located_in_zone', from: 'platform', to: 'zone', sql: 'SELECT id AS s, zone AS t, NULL::date AS d, NULL::numeric AS w FROM platforms WHERE zone IS NOT NULL' },
];

/** One source's edges, column by column: the i-th entry of each is the i-th edge. */
export interface EdgeColumns {
  /** Record ids; 0 where the row names none. A zone is its position in the city's list + 1. */
  s: Int32Array;
  t: Int32Array;
  /** Days since 1970-01-01, UNDATED where the record has no date. */
  d: Int32Array;
  /** Amounts in yuan, 1 where the record has none. */
  w: Float64Array;
}

/** A zone's code as its node id (its position in the city's list + 1; 0 for a code the city lacks). */
const zoneNumber = (column: string) => `coalesce(array_position($1::text[], ${column}::text), 0)`;

/**
 * The edges of every source, a statement per source and each column packed as one binary value
 * (src/db/packed.ts): PostgreSQL and PGlite hand over a few values per source far faster than a row
 * per edge. The statements go out together, so PostgreSQL's pool aggregates them on every core; PGlite
 * runs them in turn. The aggregates of a statement read the same rows in the same order (no NULL
 * reaches string_agg, which would skip it); their lengths are checked all the same. Index i of the
 * answer is edgeSources[i]; `zones` the city's zone codes.
 */
export async function edgeColumns(db: Queryable, zones: readonly string[]): Promise<EdgeColumns[]> {
  return Promise.all(
    edgeSources.map(async (source) => {
      const end = (column: 's' | 't', kind: NodeKind) => packInt32s(kind === 'zone' ? zoneNumber(column) : `coalesce(${column}, 0)`);
      const dated = !source.sql.includes('NULL::date AS d');
      const weighted = !source.sql.includes('NULL::numeric AS w');
      const { rows } = await db.query<{ n: number; s: Uint8Array | null; t: Uint8Array | null; d: Uint8Array | null; w: Uint8Array | null }>(
        `SELECT count(*)::int AS n, ${end('s', source.from)} AS s, ${end('t', source.to)} AS t,
                ${dated ? packInt32s(`coalesce(d - date '1970-01-01', (${UNDATED})::int)`) : 'NULL'} AS d,
                ${weighted ? packFloat64s('coalesce(w::float8, 1)') : 'NULL'} AS w
           FROM (${source.sql}) e`,
        source.from === 'zone' || source.to === 'zone' ? [zones] : [],
      );
      const { n, s, t, d, w } = rows[0]!;
      return { s: int32sOf(s, n), t: int32sOf(t, n), d: dated ? int32sOf(d, n) : new Int32Array(n).fill(UNDATED), w: weighted ? float64sOf(w, n) : new Float64Array(n).fill(1) };
    }),
  );
}

/** The label columns of the records of one kind. */
export interface NodeNameRow {
  id: number;
  name: string;
  name_en: string | null;
  /** Talent only: the category code and the host's name; the person's name is masked or not by the service. */
  category?: string;
  host_name?: string;
}

const NAME_SQL: Readonly<Record<Exclude<NodeKind, 'zone'>, string>> = {
  organization: 'SELECT id, name, name_en FROM organizations WHERE id = ANY($1::int[])',
  rd_institution: 'SELECT id, name, name_en FROM rd_institutions WHERE id = ANY($1::int[])',
  platform: 'SELECT id, name, name_en FROM platforms WHERE id = ANY($1::int[])',
  project: 'SELECT id, title AS name, NULL AS name_en FROM projects WHERE id = ANY($1::int[])',
  achievement: 'SELECT id, title AS name, NULL AS name_en FROM achievements WHERE id = ANY($1::int[])',
  talent: 'SELECT t.id, t.person_name AS name, NULL AS name_en, t.category, h.name AS host_name FROM talent_introductions t JOIN organizations h ON h.id = t.host_org_id WHERE t.id = ANY($1::int[])',
};

/** The names of some records of one kind, one statement. */
export async function nodeNames(db: Queryable, kind: Exclude<NodeKind, 'zone'>, ids: readonly number[]): Promise<NodeNameRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<NodeNameRow>(NAME_SQL[kind], [ids]);
  return rows;
}

/**
 * The ids of each stored kind whose record lies in an area: its district or its zone one of the
 * given (the place columns every node table has), packed as recordIds packs them, one statement.
 */
export async function recordsInArea(db: Queryable, districts: readonly string[], zones: readonly string[]): Promise<Record<Exclude<NodeKind, 'zone'>, Int32Array>> {
  const kinds = Object.keys(nodeTables) as Array<Exclude<NodeKind, 'zone'>>;
  const { rows } = await db.query<{ kind: Exclude<NodeKind, 'zone'>; ids: Uint8Array | null }>(
    kinds.map((k) => `SELECT '${k}' AS kind, (SELECT ${packInt32s('id')} FROM ${nodeTables[k]} WHERE district_code = ANY($1::text[]) OR zone = ANY($2::text[])) AS ids`).join(' UNION ALL '),
    [districts, zones],
  );
  const byKind = new Map(rows.map((r) => [r.kind, r.ids]));
  return Object.fromEntries(kinds.map((k) => [k, int32sOf(byKind.get(k) ?? null)])) as Record<Exclude<NodeKind, 'zone'>, Int32Array>;
}
