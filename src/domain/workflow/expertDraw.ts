import type { Message } from '../message.js';

/**
 * Drawing reviewers (专家抽取): N experts at random among the active ones whose fields of expertise
 * include the application's field, leaving out conflicts of interest — an expert of the applicant
 * organization, or one who declared a conflict with it. The draw is reproducible: the same seed
 * and the same pool give the same experts, so a recorded draw can be checked afterwards.
 */

export interface PoolExpert {
  id: number;
  active: boolean;
  fields: readonly string[];
  organizationId: number | null;
  /** Organizations the expert declared a conflict of interest with. */
  conflicts: readonly number[];
}

export type Exclusion = 'inactive' | 'field' | 'same_organization' | 'declared_conflict';

export const exclusionLabels: Readonly<Record<Exclusion, Message>> = {
  inactive: { zh: '已停用', en: 'Inactive' },
  field: { zh: '专业领域不符', en: 'Another field of expertise' },
  same_organization: { zh: '与申请单位同单位（回避）', en: 'Same organization as the applicant (conflict of interest)' },
  declared_conflict: { zh: '已申报利益冲突（回避）', en: 'Declared conflict of interest' },
};

export interface Draw {
  /** Eligible experts in id order: what the seed shuffles. */
  eligible: number[];
  excluded: Array<{ id: number; reason: Exclusion }>;
  drawn: number[];
}

export function exclusionOf(e: PoolExpert, field: string, applicantOrganizationId: number): Exclusion | null {
  if (!e.active) return 'inactive';
  if (!e.fields.includes(field)) return 'field';
  if (e.organizationId === applicantOrganizationId) return 'same_organization';
  if (e.conflicts.includes(applicantOrganizationId)) return 'declared_conflict';
  return null;
}

/** Draws `count` experts (fewer when fewer are eligible: the caller decides whether that is enough). */
export function drawExperts(pool: readonly PoolExpert[], field: string, applicantOrganizationId: number, count: number, seed: string): Draw {
  const eligible: number[] = [];
  const excluded: Draw['excluded'] = [];
  for (const e of [...pool].sort((a, b) => a.id - b.id)) {
    const reason = exclusionOf(e, field, applicantOrganizationId);
    if (reason) excluded.push({ id: e.id, reason });
    else eligible.push(e.id);
  }
  const order = [...eligible];
  const random = seededRandom(seed);
  // Partial Fisher–Yates: the first `count` places are a uniform draw without replacement.
  const k = Math.min(count, order.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { eligible, excluded, drawn: order.slice(0, k) };
}

/** A deterministic generator in [0, 1) from a text seed: xmur3 to seed mulberry32. */
function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  let a = (h ^= h >>> 16) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
