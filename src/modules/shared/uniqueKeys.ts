import type { FieldProblem } from '../../contracts/common.js';
import { conflict } from './errors.js';

/**
 * The natural keys of the records that have no code of their own (docs/data-formats.md): one
 * record per key. A service checks the key before it writes, for a message naming the record it
 * clashes with; the table's UNIQUE constraint (named here) holds the key when two writes race, and
 * the HTTP edge answers its violation with the same problem. `field` is where a form shows it,
 * `fields` the API fields that make the key.
 */
export const uniqueKeys = {
  projects: {
    constraint: 'projects_lead_org_id_title_key',
    field: 'title',
    fields: ['lead_org_id', 'title'],
    taken: { zh: '牵头单位已有同名项目', en: 'The lead organization already has a project of this title' },
  },
  achievements: {
    constraint: 'achievements_owner_org_id_title_year_key',
    field: 'title',
    fields: ['organization_ids', 'title', 'year'],
    taken: { zh: '成果所有单位在该年份已有同名成果', en: 'The owner already has an achievement of this title and year' },
  },
  transfers: {
    constraint: 'transfers_achievement_id_receiver_org_id_transferred_on_key',
    field: 'transferred_on',
    fields: ['achievement_id', 'receiver_org_id', 'transferred_on'],
    taken: { zh: '该成果当日已向同一受让单位转化', en: 'The achievement was already transferred to this receiver on this day' },
  },
  incubations: {
    constraint: 'incubations_enterprise_org_id_key',
    field: 'enterprise_org_id',
    fields: ['enterprise_org_id'],
    taken: { zh: '该企业已登记为孵化企业（一家企业只孵化一次）', en: 'This enterprise is recorded as incubated already (an enterprise is incubated once)' },
  },
} as const;

export type KeyedTable = keyof typeof uniqueKeys;

/** The problem of a taken key; `existingId` when the service found the record (a race's constraint does not say). */
export function duplicateKey(table: KeyedTable, existingId?: number): FieldProblem {
  const { field, fields, taken } = uniqueKeys[table];
  const which = existingId === undefined ? { zh: '', en: '' } : { zh: `（记录 ${existingId}）`, en: ` (record ${existingId})` };
  return {
    field,
    code: 'natural_key.duplicate',
    message: { zh: `${taken.zh}${which.zh}`, en: `${taken.en}${which.en}` },
    params: { fields: fields.join(', '), ...(existingId === undefined ? {} : { existing_id: existingId }) },
  };
}

/** Refuses a write whose key another record (`other`, found by the module's query) holds. */
export function assertKeyFree(table: KeyedTable, other: { id: number } | undefined, selfId: number | undefined): void {
  if (other && other.id !== selfId) throw conflict(duplicateKey(table, other.id));
}

/** The key problem of a unique constraint's violation, if the constraint is one of these keys. */
export function duplicateKeyOfConstraint(constraint: string | undefined): FieldProblem | undefined {
  const table = (Object.keys(uniqueKeys) as KeyedTable[]).find((t) => uniqueKeys[t].constraint === constraint);
  return table && duplicateKey(table);
}
