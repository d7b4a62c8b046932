import type { ListQuery } from '../../contracts/common.js';
import type { RecruitmentCall, RecruitmentCallCreate, RecruitmentCallPatch, TalentIntroduction, TalentIntroductionCreate, TalentIntroductionPatch } from '../../contracts/talent.js';
import type { ListPage } from '../../db/list/sql.js';
import type { ListSpec } from '../../db/list/spec.js';
import { maskContacts } from '../../domain/contactMask.js';
import { can, citywide, reachOf, type Caller, type RecordScope } from '../../domain/permissions.js';
import {
  checkRecruitmentCallFields,
  checkTalentIntroductionFields,
  maskPersonName,
  recruitmentCallStatus,
  seesPersonalData,
  talentCategories,
  talentModes,
  type TalentCategory,
  type TalentMode,
} from '../../domain/talent.js';
import { organizationPlace } from '../organizations/service.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { notFound, validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import * as q from './queries.js';

export const TALENT_INTRODUCTION = { zh: '人才引进记录', en: 'Talent introduction' };
export const RECRUITMENT_CALL = { zh: '招贤令', en: 'Recruitment call' };
const INTRODUCTIONS = { table: 'talent_introductions', columns: q.INTRODUCTION_COLUMNS, joins: q.INTRODUCTION_JOINS, entity: TALENT_INTRODUCTION };
const CALLS = { table: 'recruitment_calls', columns: q.CALL_COLUMNS, joins: q.CALL_JOINS, entity: RECRUITMENT_CALL };

/** An introduction is its host organization's, and lies where the host's district and zone say (or where it was placed). */
export const introductionRowScope = (row: { host_org_id: number; district_code: string | null; zone: string | null }): RecordScope => ({
  organizationId: row.host_org_id,
  districtCode: row.district_code,
  zone: row.zone,
});

export const callRowScope = (row: { org_id: number; district_code: string | null; zone: string | null }): RecordScope => ({
  organizationId: row.org_id,
  districtCode: row.district_code,
  zone: row.zone,
});

export function presentTalentIntroduction(row: q.TalentIntroductionRow): TalentIntroduction {
  return {
    id: row.id,
    person_name: row.person_name,
    phone: row.phone,
    email: row.email,
    id_number: row.id_number,
    personal_data: 'full',
    category: row.category as TalentCategory,
    category_name: talentCategories[row.category as TalentCategory] ?? { zh: row.category, en: row.category },
    mode: row.mode as TalentMode,
    mode_name: talentModes[row.mode as TalentMode] ?? { zh: row.mode, en: row.mode },
    host_org_id: row.host_org_id,
    host_name: row.host_name,
    introduced_on: row.introduced_on,
    field: row.field,
    district_code: row.district_code,
    zone: row.zone,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** The introduction as a reader without the personal-data permission sees it, and as the audit log keeps it. */
export const maskIntroduction = (item: TalentIntroduction): TalentIntroduction => ({ ...item, person_name: maskPersonName(item.person_name), phone: null, email: null, id_number: null, personal_data: 'masked' });

/** The introduction as this caller may see it. */
export const introductionFor = (item: TalentIntroduction, principal: Principal): TalentIntroduction => (seesPersonalData(principal) ? item : maskIntroduction(item));

/**
 * The introductions a caller may read, as SQL over `talent_introductions c`: an organization user
 * its organizations' hires, an officer its area's, an administrator all. Only integers and the
 * city's own codes reach the SQL text.
 */
export function visibleIntroductionsSql(ctx: Pick<ServiceContext, 'city'>, p: Principal): string {
  const reach = reachOf(p, 'talent.read');
  if (reach === 'all' || (reach === 'area' && citywide(p))) return 'true';
  const list = (xs: readonly string[]) => xs.join(', ') || 'NULL';
  if (reach === 'own') return `c.host_org_id IN (${list(p.organizationIds.filter(Number.isInteger).map(String))})`;
  if (reach !== 'area') return 'false';
  const districts = p.districts.filter((d) => ctx.city.districts.some((x) => x.code === d)).map((d) => `'${d}'`);
  const zones = p.zones.filter((z) => ctx.city.zones.some((x) => x.code === z)).map((z) => `'${z}'`);
  return `(c.district_code IN (${list(districts)}) OR c.zone IN (${list(zones)}))`;
}

/** The introductions list as this caller may see it: its reach, and masked unless it may see personal data. */
export const introductionListSpecFor = (ctx: Pick<ServiceContext, 'city'>, principal: Principal) =>
  q.talentIntroductionListSpec(ctx.city, visibleIntroductionsSql(ctx, principal), seesPersonalData(principal));

export async function listTalentIntroductions(ctx: ServiceContext, query: ListQuery, principal: Principal): Promise<ListPage<TalentIntroduction>> {
  const spec = introductionListSpecFor(ctx, principal);
  return listRecords(ctx.db, spec, query, (row: q.TalentIntroductionRow) => introductionFor(presentTalentIntroduction(row), principal));
}

/** One introduction, as the caller may see it; for a caller it may not read, 404 like a missing one. */
export async function getTalentIntroduction(ctx: ServiceContext, id: number, principal?: Principal): Promise<TalentIntroduction> {
  const row = await q.findIntroduction(ctx.db, id);
  if (!row || (principal && !can(principal, 'talent.read', introductionRowScope(row)))) throw notFound(TALENT_INTRODUCTION, id);
  const item = presentTalentIntroduction(row);
  return principal ? introductionFor(item, principal) : item;
}

const referenceMissing = (field: string, id: number) => ({ field, code: 'reference.not_found', message: { zh: `编号为 ${id} 的主体不存在`, en: `Organization ${id} does not exist` }, params: { id } });

/** Blank optional texts mean "none". */
const blankToNull = <T extends Record<string, unknown>>(v: T, required: readonly string[]): T =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' && !required.includes(k) ? null : x])) as T;

/**
 * A record's organization, which must exist; a new record, or one moved to another organization,
 * lies where that organization does unless told otherwise.
 */
async function placeAt<R extends { district_code?: string | null; zone?: string | null }>(ctx: ServiceContext, field: string, orgId: number, record: R, given: Partial<R>, moved: boolean): Promise<void> {
  const place = await organizationPlace(ctx, orgId);
  if (!place) throw validationFailed([referenceMissing(field, orgId)]);
  if (!moved) return;
  if (given.district_code === undefined) record.district_code = place.districtCode;
  if (given.zone === undefined) record.zone = place.zone;
}

type StoredIntroduction = Required<Omit<TalentIntroductionCreate, never>>;
const NO_INTRODUCTION_EXTRAS = { phone: null, email: null, id_number: null, field: null, district_code: null, zone: null } as const;
const INTRODUCTION_REQUIRED = ['person_name'];

/** The ID number as stored: its check character upper-case (x and X are the same number). */
const storedIdNumber = (v: string | null) => (v === null ? null : v.toUpperCase());

async function settleIntroduction(ctx: ServiceContext, record: StoredIntroduction, given: Partial<StoredIntroduction>, current?: q.TalentIntroductionRow): Promise<q.IntroductionValues> {
  const moved = current === undefined || (given.host_org_id !== undefined && given.host_org_id !== current.host_org_id);
  await placeAt(ctx, 'host_org_id', record.host_org_id, record, given, moved);
  const problems = checkTalentIntroductionFields(ctx.city, record, ctx.clock.today());
  if (problems.length) throw validationFailed(problems);
  return { ...record, id_number: storedIdNumber(record.id_number) };
}

export async function createTalentIntroduction(ctx: ServiceContext, input: TalentIntroductionCreate): Promise<TalentIntroduction> {
  const given = blankToNull(input, INTRODUCTION_REQUIRED);
  const values = await settleIntroduction(ctx, { ...NO_INTRODUCTION_EXTRAS, ...given } as StoredIntroduction, given);
  return getTalentIntroduction(ctx, await q.insertIntroduction(ctx.db, values));
}

export async function updateTalentIntroduction(ctx: ServiceContext, id: number, version: number, patch: TalentIntroductionPatch, current?: q.TalentIntroductionRow): Promise<TalentIntroduction> {
  const { version: _, ...changes } = patch;
  current ??= await q.findIntroduction(ctx.db, id);
  if (!current) throw notFound(TALENT_INTRODUCTION, id);
  const given = blankToNull(changes, INTRODUCTION_REQUIRED) as Partial<StoredIntroduction>;
  const { id: _i, host_name: _h, created_at: _c, updated_at: _u, version: _v, ...stored } = current;
  const values = await settleIntroduction(ctx, { ...(stored as StoredIntroduction), ...given }, given, current);
  return presentTalentIntroduction(await updateVersioned<q.TalentIntroductionRow>(ctx.db, INTRODUCTIONS, id, version, values, q.INTRODUCTION_WRITABLE));
}

export async function deleteTalentIntroduction(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, INTRODUCTIONS, id, version);
}

// ── Recruitment calls: public notices ───────────────────────────────────────────────────────────

export function presentRecruitmentCall(row: q.RecruitmentCallRow, today: string): RecruitmentCall {
  return {
    id: row.id,
    org_id: row.org_id,
    org_name: row.org_name,
    title: row.title,
    positions: row.positions,
    description: row.description,
    published_on: row.published_on,
    deadline: row.deadline,
    status: recruitmentCallStatus(row.deadline, today),
    district_code: row.district_code,
    zone: row.zone,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/**
 * A caller outside the registry (anyone without `registry.read`) reads a call as the open data
 * publishes it: contacts typed into its description masked, and the description not searched —
 * a search would answer from the text before masking.
 */
export const readsCallsAsPublic = (caller: Caller): boolean => !can(caller, 'registry.read');

export function callAsPublished<T extends { description?: unknown }>(call: T): T {
  return typeof call.description === 'string' ? { ...call, description: maskContacts(call.description).text } : call;
}

export const callSpecForPublic = (spec: ListSpec): ListSpec => ({ ...spec, searchColumns: spec.searchColumns.filter((c) => c !== 't.description') });

export async function listRecruitmentCalls(ctx: ServiceContext, query: ListQuery, caller: Caller): Promise<ListPage<RecruitmentCall>> {
  const today = ctx.clock.today();
  const asPublic = readsCallsAsPublic(caller);
  const spec = q.recruitmentCallListSpec(ctx.city, today);
  const page = await listRecords(ctx.db, asPublic ? callSpecForPublic(spec) : spec, query, (row: q.RecruitmentCallRow) => presentRecruitmentCall(row, today));
  // Masked after the list cache, which keeps a page as presented for every caller of the same query.
  return asPublic ? { ...page, results: page.results.map(callAsPublished) } : page;
}

export async function getRecruitmentCall(ctx: ServiceContext, id: number): Promise<RecruitmentCall> {
  const row = await q.findCall(ctx.db, id);
  if (!row) throw notFound(RECRUITMENT_CALL, id);
  return presentRecruitmentCall(row, ctx.clock.today());
}

type StoredCall = Required<RecruitmentCallCreate>;
const NO_CALL_EXTRAS = { description: null, published_on: null, district_code: null, zone: null } as const;

async function settleCall(ctx: ServiceContext, record: StoredCall, given: Partial<StoredCall>, current?: q.RecruitmentCallRow): Promise<q.CallValues> {
  const moved = current === undefined || (given.org_id !== undefined && given.org_id !== current.org_id);
  await placeAt(ctx, 'org_id', record.org_id, record, given, moved);
  const problems = checkRecruitmentCallFields(ctx.city, record, ctx.clock.today());
  if (problems.length) throw validationFailed(problems);
  return record;
}

export async function createRecruitmentCall(ctx: ServiceContext, input: RecruitmentCallCreate): Promise<RecruitmentCall> {
  const given = blankToNull(input, ['title']);
  const values = await settleCall(ctx, { ...NO_CALL_EXTRAS, ...given } as StoredCall, given);
  return getRecruitmentCall(ctx, await q.insertCall(ctx.db, values));
}

export async function updateRecruitmentCall(ctx: ServiceContext, id: number, version: number, patch: RecruitmentCallPatch, current?: q.RecruitmentCallRow): Promise<RecruitmentCall> {
  const { version: _, ...changes } = patch;
  current ??= await q.findCall(ctx.db, id);
  if (!current) throw notFound(RECRUITMENT_CALL, id);
  const given = blankToNull(changes, ['title']) as Partial<StoredCall>;
  const { id: _i, org_name: _o, created_at: _c, updated_at: _u, version: _v, ...stored } = current;
  const values = await settleCall(ctx, { ...(stored as StoredCall), ...given }, given, current);
  return presentRecruitmentCall(await updateVersioned<q.RecruitmentCallRow>(ctx.db, CALLS, id, version, values, q.CALL_WRITABLE), ctx.clock.today());
}

export async function deleteRecruitmentCall(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, CALLS, id, version);
}
