import type { Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { recruitmentCallStatusCodes, recruitmentCallStatuses, talentCategories, talentCategoryCodes, talentModeCodes, talentModes } from '../../domain/talent.js';
import { zoneName } from '../../domain/zone.js';

/** SQL for talent introductions (人才引进) and recruitment calls (招贤令). */
export interface TalentIntroductionRow {
  id: number;
  person_name: string;
  phone: string | null;
  email: string | null;
  id_number: string | null;
  category: string;
  mode: string;
  host_org_id: number;
  host_name: string;
  introduced_on: string;
  field: string | null;
  district_code: string | null;
  zone: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const INTRODUCTION_WRITABLE = ['person_name', 'phone', 'email', 'id_number', 'category', 'mode', 'host_org_id', 'introduced_on', 'field', 'district_code', 'zone'] as const;
export type IntroductionValues = { [K in (typeof INTRODUCTION_WRITABLE)[number]]?: unknown };

export const INTRODUCTION_COLUMNS = `t.id, t.person_name, t.phone, t.email, t.id_number, t.category, t.mode, t.host_org_id, h.name AS host_name, t.introduced_on, t.field,
  t.district_code, t.zone, t.created_at, t.updated_at, t.version`;
export const INTRODUCTION_JOINS = 'JOIN organizations h ON h.id = t.host_org_id';

/**
 * The database's half of name masking, the same rule as `maskPersonName` (src/domain/talent.ts):
 * every non-blank character that follows another non-blank one becomes a star.
 */
export const maskedNameSql = (column: string) => `CASE WHEN char_length(${column}) <= 1 THEN '*' ELSE regexp_replace(${column}, '(?<=\\S)\\S', '*', 'g') END`;

/** The personal columns as a reader without the permission gets them from the database: the name masked, the rest absent. */
const MASKED_PERSON = `${maskedNameSql('c.person_name')} AS person_name, NULL::text AS phone, NULL::text AS email, NULL::text AS id_number`;
const OTHER_COLUMNS = 'c.id, c.category, c.mode, c.host_org_id, c.introduced_on, c.field, c.district_code, c.zone, c.created_at, c.updated_at, c.version';

/**
 * The introductions a caller may see (`visible`: SQL over `talent_introductions c`, see
 * service.ts). Without `personal` the rows come out of the database already masked, so a list,
 * a group, an export or an indicator's rows built on this spec cannot show a name or a contact;
 * and personal fields are neither searched nor filtered on. The reach and the view are part of
 * the FROM clause, so the page cache keeps the two views and callers apart.
 */
export function talentIntroductionListSpec(city: CityConfig, visible = 'true', personal = false): ListSpec {
  const person = personal ? 'c.person_name, c.phone, c.email, c.id_number' : MASKED_PERSON;
  return {
    from: `(SELECT ${person}, ${OTHER_COLUMNS} FROM talent_introductions c WHERE ${visible}) t ${INTRODUCTION_JOINS}`,
    tables: ['talent_introductions', 'organizations'],
    select: INTRODUCTION_COLUMNS,
    fields: {
      id: { column: 't.id', type: 'int', notNull: true, sort: true },
      category: { column: 't.category', type: 'code', notNull: true, values: talentCategoryCodes, sort: true, group: true, label: (k) => talentCategories[k as keyof typeof talentCategories] ?? null },
      mode: { column: 't.mode', type: 'code', notNull: true, values: talentModeCodes, sort: true, group: true, label: (k) => talentModes[k as keyof typeof talentModes] ?? null },
      host_org_id: { column: 't.host_org_id', type: 'int', notNull: true, sort: true, group: true },
      introduced_on: { column: 't.introduced_on', type: 'date', notNull: true, sort: true },
      introduced_year: { column: 'extract(year from t.introduced_on)::int', type: 'int', group: true },
      district_code: { column: 't.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
      zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
      created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
      updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
    },
    searchColumns: personal ? ['t.person_name', 'h.name', 't.field'] : ['h.name', 't.field'],
    defaultSort: { field: 'id', desc: false },
  };
}

/** The list's fields over the bare table, for statistics (the indicator upkeep's triggers follow a bare FROM). */
export function talentIntroductionStatisticsListSpec(city: CityConfig): ListSpec {
  return { ...talentIntroductionListSpec(city), from: 'talent_introductions t', tables: ['talent_introductions'], select: 't.id', searchColumns: [] };
}

export async function findIntroduction(db: Queryable, id: number, forUpdate = false): Promise<TalentIntroductionRow | undefined> {
  const { rows } = await db.query<TalentIntroductionRow>(`SELECT ${INTRODUCTION_COLUMNS} FROM talent_introductions t ${INTRODUCTION_JOINS} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

export const lockIntroduction = (db: Queryable, id: number) => findIntroduction(db, id, true);

export async function insertIntroduction(db: Queryable, values: IntroductionValues): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO talent_introductions (${INTRODUCTION_WRITABLE.join(', ')}) VALUES (${INTRODUCTION_WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    INTRODUCTION_WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!.id;
}

// ── Recruitment calls ──────────────────────────────────────────────────────────────────────────

export interface RecruitmentCallRow {
  id: number;
  org_id: number;
  org_name: string;
  title: string;
  positions: number;
  description: string | null;
  published_on: string | null;
  deadline: string;
  district_code: string | null;
  zone: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const CALL_WRITABLE = ['org_id', 'title', 'positions', 'description', 'published_on', 'deadline', 'district_code', 'zone'] as const;
export type CallValues = { [K in (typeof CALL_WRITABLE)[number]]?: unknown };

export const CALL_COLUMNS = 't.id, t.org_id, o.name AS org_name, t.title, t.positions, t.description, t.published_on, t.deadline, t.district_code, t.zone, t.created_at, t.updated_at, t.version';
export const CALL_JOINS = 'JOIN organizations o ON o.id = t.org_id';

/**
 * Recruitment calls are public notices. `today` (the city's, YYYY-MM-DD) decides which are open:
 * it is in the FROM clause, so a cached page never outlives its day.
 */
export function recruitmentCallListSpec(city: CityConfig, today = '1970-01-01'): ListSpec {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : '1970-01-01';
  return {
    from: `(SELECT c.*, CASE WHEN c.deadline >= DATE '${day}' THEN 'open' ELSE 'closed' END AS status FROM recruitment_calls c) t ${CALL_JOINS}`,
    tables: ['recruitment_calls', 'organizations'],
    select: CALL_COLUMNS,
    fields: {
      id: { column: 't.id', type: 'int', notNull: true, sort: true },
      org_id: { column: 't.org_id', type: 'int', notNull: true, sort: true, group: true },
      title: { column: 't.title', type: 'text', notNull: true, sort: true },
      positions: { column: 't.positions', type: 'int', notNull: true, sort: true },
      published_on: { column: 't.published_on', type: 'date', sort: true },
      deadline: { column: 't.deadline', type: 'date', notNull: true, sort: true },
      status: { column: 't.status', type: 'code', notNull: true, values: recruitmentCallStatusCodes, group: true, label: (k) => recruitmentCallStatuses[k as keyof typeof recruitmentCallStatuses] ?? null },
      district_code: { column: 't.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
      zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
      created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
      updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
    },
    searchColumns: ['t.title', 'o.name', 't.description'],
    defaultSort: { field: 'id', desc: false },
  };
}

export async function findCall(db: Queryable, id: number, forUpdate = false): Promise<RecruitmentCallRow | undefined> {
  const { rows } = await db.query<RecruitmentCallRow>(`SELECT ${CALL_COLUMNS} FROM recruitment_calls t ${CALL_JOINS} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

export const lockCall = (db: Queryable, id: number) => findCall(db, id, true);

export async function insertCall(db: Queryable, values: CallValues): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO recruitment_calls (${CALL_WRITABLE.join(', ')}) VALUES (${CALL_WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    CALL_WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!.id;
}
