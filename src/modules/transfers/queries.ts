import type { Queryable } from '../../db/client.js';
import type { ListField, ListSpec } from '../../db/list/spec.js';
import { transferModeCodes, transferModes } from '../../domain/achievement.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { rdInstitutionCategories, rdInstitutionCategoryCodes } from '../../domain/rdInstitution.js';
import { zoneName } from '../../domain/zone.js';

/** SQL for the transfers table (成果转化). */
export interface TransferRow {
  id: number;
  achievement_id: number;
  achievement_title: string;
  receiver_org_id: number;
  receiver_name: string;
  mode: string;
  /** Exact decimal, read as text. */
  amount: string;
  transferred_on: string;
  tech_contract_id: number | null;
  owner_org_id: number;
  owner_name: string;
  rd_institution_id: number | null;
  platform_id: number | null;
  district_code: string | null;
  zone: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const WRITABLE = ['achievement_id', 'receiver_org_id', 'mode', 'amount', 'transferred_on', 'tech_contract_id', 'owner_org_id', 'rd_institution_id', 'platform_id', 'district_code', 'zone'] as const;
export type TransferValues = { [K in (typeof WRITABLE)[number]]?: unknown };

export const COLUMNS = `t.id, t.achievement_id, a.title AS achievement_title, t.receiver_org_id, rc.name AS receiver_name, t.mode, t.amount::text AS amount,
  t.transferred_on, t.tech_contract_id, t.owner_org_id, o.name AS owner_name, t.rd_institution_id, t.platform_id, t.district_code, t.zone,
  t.created_at, t.updated_at, t.version`;
export const JOINS = 'LEFT JOIN achievements a ON a.id = t.achievement_id LEFT JOIN organizations rc ON rc.id = t.receiver_org_id LEFT JOIN organizations o ON o.id = t.owner_org_id LEFT JOIN rd_institutions r ON r.id = t.rd_institution_id';

function fields(city: CityConfig): Record<string, ListField> {
  return {
    id: { column: 't.id', type: 'int', notNull: true, sort: true },
    achievement_id: { column: 't.achievement_id', type: 'int', notNull: true, sort: true, group: true },
    receiver_org_id: { column: 't.receiver_org_id', type: 'int', notNull: true, sort: true, group: true },
    mode: { column: 't.mode', type: 'code', notNull: true, values: transferModeCodes, sort: true, group: true, label: (k) => transferModes[k as keyof typeof transferModes] ?? null },
    amount: { column: 't.amount', type: 'decimal', notNull: true, sort: true },
    transferred_on: { column: 't.transferred_on', type: 'date', notNull: true, sort: true },
    transferred_year: { column: 'extract(year from t.transferred_on)::int', type: 'int', group: true },
    tech_contract_id: { column: 't.tech_contract_id', type: 'int', sort: true },
    owner_org_id: { column: 't.owner_org_id', type: 'int', notNull: true, sort: true, group: true },
    rd_institution_id: { column: 't.rd_institution_id', type: 'int', sort: true, group: true },
    institution_category: { column: 'r.category', type: 'code', values: rdInstitutionCategoryCodes, group: true, label: (k) => rdInstitutionCategories[k as keyof typeof rdInstitutionCategories] ?? null },
    platform_id: { column: 't.platform_id', type: 'int', sort: true, group: true },
    district_code: { column: 't.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
    zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
    created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
    updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
  };
}

/** The transfers a caller may see (`visible`: SQL over `c`). */
export function transferListSpec(city: CityConfig, visible = 'true'): ListSpec {
  return {
    from: `(SELECT c.* FROM transfers c WHERE ${visible}) t ${JOINS}`,
    tables: ['transfers', 'achievements', 'organizations', 'rd_institutions'],
    select: COLUMNS,
    fields: fields(city),
    searchColumns: ['a.title', 'rc.name', 'o.name'],
    defaultSort: { field: 'id', desc: false },
  };
}

/** The same fields over the bare table and its institution, for statistics. */
export function transferStatisticsListSpec(city: CityConfig): ListSpec {
  return { from: 'transfers t LEFT JOIN rd_institutions r ON r.id = t.rd_institution_id', tables: ['transfers', 'rd_institutions'], select: 't.id', fields: fields(city), searchColumns: [], defaultSort: { field: 'id', desc: false } };
}

export async function findById(db: Queryable, id: number, forUpdate = false): Promise<TransferRow | undefined> {
  const { rows } = await db.query<TransferRow>(`SELECT ${COLUMNS} FROM transfers t ${JOINS} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

export const lockById = (db: Queryable, id: number) => findById(db, id, true);

/** The transfer of this natural key (achievement, receiver and day), if any. */
export async function findByKey(db: Queryable, achievementId: number, receiverOrgId: number, transferredOn: string): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM transfers WHERE achievement_id = $1 AND receiver_org_id = $2 AND transferred_on = $3', [achievementId, receiverOrgId, transferredOn]);
  return rows[0];
}

export async function insert(db: Queryable, values: TransferValues): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO transfers (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!.id;
}

/** The seller of a technology contract, if the contract exists. */
export async function contractSeller(db: Queryable, contractId: number): Promise<number | undefined> {
  const { rows } = await db.query<{ seller_org_id: number }>('SELECT seller_org_id FROM tech_contracts WHERE id = $1', [contractId]);
  return rows[0]?.seller_org_id;
}

export async function organizationExists(db: Queryable, id: number): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM organizations WHERE id = $1', [id]);
  return rows.length > 0;
}

/** An achievement's owner and place, for the record-level check of a transfer about to be written. */
export async function achievementScope(db: Queryable, id: number): Promise<{ owner_org_id: number; district_code: string | null; zone: string | null } | undefined> {
  const { rows } = await db.query<{ owner_org_id: number; district_code: string | null; zone: string | null }>('SELECT owner_org_id, district_code, zone FROM achievements WHERE id = $1', [id]);
  return rows[0];
}
