import type { Expert, ExpertCreate, ExpertPatch } from '../api/filings';

/** Between the expert dialog's values and the API's bodies (专家库). */

export interface ExpertFormValues {
  user_id: number | null;
  fields: string[];
  organization_id: number | null;
  conflicts: number[];
  active: boolean;
}

/** Every field of the dialog; server problems of other fields show above it. */
export const EXPERT_FIELDS = ['user_id', 'fields', 'organization_id', 'conflicts', 'active'] as const;
/** Problems the server names by item (`fields.0`, `conflicts.1`) show on the list's one control. */
export const EXPERT_LIST_FIELDS = ['fields', 'conflicts'] as const;

export const newExpertValues = (): ExpertFormValues => ({ user_id: null, fields: [], organization_id: null, conflicts: [], active: true });

export const expertValues = (e: Expert): ExpertFormValues => ({ user_id: e.user_id, fields: [...e.fields], organization_id: e.organization_id, conflicts: [...e.conflicts], active: e.active });

/** A missing user is sent as 0, so the server names the field rather than the page guessing. */
export function expertCreateBody(v: ExpertFormValues): ExpertCreate {
  return { user_id: v.user_id ?? 0, fields: [...v.fields], organization_id: v.organization_id, conflicts: [...v.conflicts], active: v.active };
}

const sameSet = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed. */
export function expertPatchBody(e: Expert, v: ExpertFormValues): ExpertPatch {
  const patch: ExpertPatch = {};
  if (!sameSet(v.fields, e.fields)) patch.fields = [...v.fields];
  if (v.organization_id !== e.organization_id) patch.organization_id = v.organization_id;
  if (!sameSet(v.conflicts, e.conflicts)) patch.conflicts = [...v.conflicts];
  if (v.active !== e.active) patch.active = v.active;
  return patch;
}

/** The expert's name as people know it. */
export const expertName = (e: Pick<Expert, 'display_name' | 'username'>): string => e.display_name ?? e.username;
