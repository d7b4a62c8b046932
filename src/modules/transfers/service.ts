import type { Transfer, TransferCreate, TransferPatch } from '../../contracts/achievements.js';
import type { ListQuery } from '../../contracts/common.js';
import type { Queryable } from '../../db/client.js';
import type { ListPage } from '../../db/list/sql.js';
import { checkTransferAfterAchievement, checkTransferContract, checkTransferFields, type TransferMode } from '../../domain/achievement.js';
import type { RecordScope } from '../../domain/permissions.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import { ACHIEVEMENT, achievementFacts, assertReadable, ORGANIZATION, ownerRowScope, referenceMissing, visibleSql } from '../achievements/service.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { notFound, validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import { assertKeyFree } from '../shared/uniqueKeys.js';
import * as q from './queries.js';

export const TRANSFER = { zh: '成果转化', en: 'Transfer' };
const TARGET = { table: 'transfers', columns: q.COLUMNS, joins: q.JOINS, entity: TRANSFER };
const CONTRACT = { zh: '技术合同', en: 'Technology contract' };

export { ownerRowScope as transferRowScope };

export function presentTransfer(row: q.TransferRow): Transfer {
  return {
    id: row.id,
    achievement_id: row.achievement_id,
    achievement_title: row.achievement_title,
    receiver_org_id: row.receiver_org_id,
    receiver_name: row.receiver_name,
    mode: row.mode as TransferMode,
    amount: row.amount,
    transferred_on: row.transferred_on,
    tech_contract_id: row.tech_contract_id,
    owner_org_id: row.owner_org_id,
    owner_name: row.owner_name,
    rd_institution_id: row.rd_institution_id,
    platform_id: row.platform_id,
    district_code: row.district_code,
    zone: row.zone,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export async function listTransfers(ctx: ServiceContext, query: ListQuery, principal: Principal): Promise<ListPage<Transfer>> {
  const spec = q.transferListSpec(ctx.city, visibleSql(ctx, principal, 'owner_org_id'));
  return listRecords(ctx.db, spec, query, presentTransfer);
}

export async function getTransfer(ctx: ServiceContext, id: number, principal?: Principal): Promise<Transfer> {
  return presentTransfer(assertReadable(await q.findById(ctx.db, id), principal, TRANSFER, id));
}

/** A transfer lies where its achievement does: the scope a write checks is the (new) achievement's. */
export async function transferScopeAfter(db: Queryable, body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope> {
  if (current && typeof body.achievement_id !== 'number') return current;
  const a = typeof body.achievement_id === 'number' ? await q.achievementScope(db, body.achievement_id) : undefined;
  return a ? ownerRowScope(a) : { organizationId: null, districtCode: null, zone: null };
}

type Stored = Required<TransferCreate>;

const storedOf = (row: q.TransferRow): Stored => ({
  achievement_id: row.achievement_id,
  receiver_org_id: row.receiver_org_id,
  mode: row.mode as TransferMode,
  amount: row.amount,
  transferred_on: row.transferred_on,
  tech_contract_id: row.tech_contract_id,
});

/** The achievement's facts copied onto the transfer, and every rule that needs the database. */
async function settle(ctx: ServiceContext, record: Stored, selfId?: number): Promise<q.TransferValues> {
  const problems: FieldViolation[] = checkTransferFields(record, ctx.clock.today());
  const achievement = await achievementFacts(ctx, record.achievement_id);
  if (!achievement) problems.push(referenceMissing('achievement_id', ACHIEVEMENT, record.achievement_id));
  if (!(await q.organizationExists(ctx.db, record.receiver_org_id))) problems.push(referenceMissing('receiver_org_id', ORGANIZATION, record.receiver_org_id));
  if (achievement && problems.length === 0) problems.push(...checkTransferAfterAchievement(record.transferred_on, achievement.year));
  if (achievement && record.receiver_org_id === achievement.owner_org_id)
    problems.push({ field: 'receiver_org_id', code: 'receiver.is_owner', message: { zh: '受让方不能是成果所有单位本身', en: 'The receiver cannot be the achievement’s own owner' }, params: { id: record.receiver_org_id } });
  if (record.tech_contract_id !== null) {
    const seller = await q.contractSeller(ctx.db, record.tech_contract_id);
    if (seller === undefined) problems.push(referenceMissing('tech_contract_id', CONTRACT, record.tech_contract_id));
    else if (achievement) problems.push(...checkTransferContract(seller, achievement.owner_org_id));
  }
  if (problems.length || !achievement) throw validationFailed(problems);
  assertKeyFree('transfers', await q.findByKey(ctx.db, record.achievement_id, record.receiver_org_id, record.transferred_on), selfId);
  const { year: _y, ...copied } = achievement;
  return { ...record, ...copied };
}

export async function createTransfer(ctx: ServiceContext, input: TransferCreate): Promise<Transfer> {
  const id = await q.insert(ctx.db, await settle(ctx, { tech_contract_id: null, ...input }));
  return getTransfer(ctx, id);
}

export async function updateTransfer(ctx: ServiceContext, id: number, version: number, patch: TransferPatch, current?: q.TransferRow): Promise<Transfer> {
  const { version: _, ...changes } = patch;
  current ??= await q.findById(ctx.db, id);
  if (!current) throw notFound(TRANSFER, id);
  const values = await settle(ctx, { ...storedOf(current), ...changes } as Stored, id);
  return presentTransfer(await updateVersioned<q.TransferRow>(ctx.db, TARGET, id, version, values, q.WRITABLE));
}

export async function deleteTransfer(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, TARGET, id, version);
}
