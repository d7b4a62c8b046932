import type { Message } from './message.js';

/**
 * Matching (对接推荐, issue 15): for an achievement, the enterprises most likely to adopt it; for an
 * enterprise, the institutions to approach. Each candidate's score is a sum of explainable
 * components, each weighted by the city's configuration, and every component that counts is
 * returned as a reason with the rows behind it, so an officer can check why a firm is listed.
 * Pure: the server gathers the facts in bulk and hands them here.
 */

export const matchReasons = {
  segment: { zh: '同一产业链环节', en: 'Same industrial-chain segment' },
  field: { zh: '技术领域相符', en: 'Matching technology field' },
  past_contracts: { zh: '既往合作', en: 'Past dealings' },
  proximity: { zh: '创新网络中相近', en: 'Close in the innovation graph' },
  district: { zh: '同一区县', en: 'Same district' },
  qualification: { zh: '承接能力（资质）', en: 'Capacity (qualifications)' },
} as const satisfies Record<string, Message>;
export type MatchReasonCode = keyof typeof matchReasons;
export const matchReasonCodes = Object.keys(matchReasons) as [MatchReasonCode, ...MatchReasonCode[]];

export interface MatchingConfig {
  /** Each component's most contribution to a score. */
  weights: Readonly<Record<MatchReasonCode, number>>;
  /** Proximity counts within this many hops (1/hops of its weight). */
  maxHops: number;
  /** The qualifications read as a capacity signal; holding all of them earns the whole weight. */
  capacityQualifications: readonly string[];
}

/** Reads config/matching.json; every problem is named (a start-up error), none is guessed around. */
export function parseMatchingConfig(raw: unknown, knownQualifications: ReadonlySet<string>): MatchingConfig | { problems: string[] } {
  const problems: string[] = [];
  const obj = isObject(raw) ? raw : {};
  if (!isObject(raw)) problems.push('the file must hold an object');
  for (const key of Object.keys(obj)) if (!['weights', 'max_hops', 'capacity_qualifications'].includes(key)) problems.push(`unknown key "${key}"`);
  const weights = isObject(obj.weights) ? obj.weights : {};
  if (!isObject(obj.weights)) problems.push('weights: must be an object with a weight per reason');
  for (const key of Object.keys(weights)) if (!(matchReasonCodes as readonly string[]).includes(key)) problems.push(`weights.${key}: unknown reason (one of ${matchReasonCodes.join(', ')})`);
  for (const code of matchReasonCodes) {
    const w = weights[code];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 100) problems.push(`weights.${code}: must be a number from 0 to 100`);
  }
  const maxHops = obj.max_hops;
  if (typeof maxHops !== 'number' || !Number.isInteger(maxHops) || maxHops < 1 || maxHops > 3) problems.push('max_hops: must be a whole number from 1 to 3');
  const capacity = obj.capacity_qualifications;
  if (!Array.isArray(capacity) || capacity.length === 0) problems.push('capacity_qualifications: must be a non-empty list');
  else for (const q of capacity) if (typeof q !== 'string' || !knownQualifications.has(q)) problems.push(`capacity_qualifications: unknown qualification "${String(q)}"`);
  if (problems.length) return { problems };
  return { weights: weights as Record<MatchReasonCode, number>, maxHops: maxHops as number, capacityQualifications: capacity as string[] };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A row the UI can open: the record behind a reason. */
export interface EvidenceRow {
  kind: 'tech_contract' | 'transfer';
  id: number;
}

/** What the candidates are compared with: the achievement (its organizations) or the enterprise. */
export interface MatchSubject {
  segments: readonly string[];
  /** Technology fields of its contracts. */
  fields: readonly string[];
  district: string | null;
}

export interface MatchCandidate {
  kind: 'organization' | 'rd_institution' | 'platform';
  id: number;
  segments: readonly string[];
  /** Technology field → the contracts that show the candidate works in it. */
  fields: ReadonlyMap<string, readonly EvidenceRow[]>;
  /** Contracts and transfers between the candidate and the subject's organizations. */
  dealings: readonly EvidenceRow[];
  /** Fewest hops from the subject in the innovation graph; null when farther than the bound. */
  hops: number | null;
  district: string | null;
  qualifications: readonly string[];
}

/** Names for the details, in both languages. */
export interface MatchLabels {
  segment(id: string): Message;
  field(code: string): Message;
  district(code: string): Message;
  qualification(code: string): Message;
}

export interface MatchReason {
  code: MatchReasonCode;
  weight: number;
  contribution: number;
  detail: Message;
  evidence: EvidenceRow[];
}

export interface Match {
  kind: MatchCandidate['kind'];
  id: number;
  score: number;
  reasons: MatchReason[];
}

/** The most evidence rows one reason lists: enough to check it, not the firm's whole history. */
export const MAX_EVIDENCE = 10;

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const list = (items: readonly Message[]): Message => ({ zh: items.map((m) => m.zh).join('、'), en: items.map((m) => m.en).join(', ') });

/**
 * The `limit` best candidates, best first; a candidate with nothing in common (score 0) is not
 * listed. Ties go to the lower id (kinds in the order given), so the same registry always gives
 * the same list. Every candidate given is scored (`shortlistOf` in `matchingShortlist.ts` gives the
 * few that can rank), but only the best are explained: naming every candidate's segments, fields
 * and district would cost far more than the ranking.
 */
export function rankMatches(subject: MatchSubject, candidates: readonly MatchCandidate[], config: MatchingConfig, labels: MatchLabels, limit: number): Match[] {
  const kindOrder = new Map<string, number>();
  for (const c of candidates) if (!kindOrder.has(c.kind)) kindOrder.set(c.kind, kindOrder.size);
  const before = (a: Scored, b: Scored) => b.score - a.score || kindOrder.get(a.c.kind)! - kindOrder.get(b.c.kind)! || a.c.id - b.c.id;
  const best: Scored[] = [];
  for (const c of candidates) {
    const parts = partsOf(subject, c, config);
    if (parts.length === 0) continue;
    const scored = { c, parts, score: round(parts.reduce((s, p) => s + p.contribution, 0)) };
    if (best.length === limit && before(scored, best[limit - 1]!) >= 0) continue;
    // Insert in order, dropping the last past the limit (limit is small: a linear insert is the cheapest).
    let i = best.length;
    while (i > 0 && before(scored, best[i - 1]!) < 0) i--;
    best.splice(i, 0, scored);
    if (best.length > limit) best.pop();
  }
  return best.map(({ c, parts, score }) => ({ kind: c.kind, id: c.id, score, reasons: parts.map((p) => explain(p, config, labels)) }));
}

/** The most a candidate can score: every weight in full. */
export const maxScore = (config: MatchingConfig): number => round(matchReasonCodes.reduce((s, c) => s + config.weights[c], 0));

/** A component that counts for a candidate: its contribution, and how to say why (named only for the candidates listed). */
interface Part {
  code: MatchReasonCode;
  contribution: number;
  why: (labels: MatchLabels) => { detail: Message; evidence?: EvidenceRow[] };
}

interface Scored {
  c: MatchCandidate;
  parts: Part[];
  score: number;
}

const explain = (p: Part, config: MatchingConfig, labels: MatchLabels): MatchReason => {
  const { detail, evidence = [] } = p.why(labels);
  return { code: p.code, weight: config.weights[p.code], contribution: p.contribution, detail, evidence: evidence.slice(0, MAX_EVIDENCE) };
};

const NOTHING: readonly string[] = [];

/** Every component that counts for this candidate, in the order of `matchReasons`. */
function partsOf(subject: MatchSubject, c: MatchCandidate, config: MatchingConfig): Part[] {
  const w = config.weights;
  const out: Part[] = [];
  const add = (code: MatchReasonCode, share: number, why: Part['why']) => {
    const contribution = round(w[code] * share);
    if (contribution > 0) out.push({ code, contribution, why });
  };

  // Most candidates share nothing but the district: no list is made for them.
  const segments = c.segments.length === 0 ? NOTHING : subject.segments.filter((s) => c.segments.includes(s));
  if (segments.length)
    add('segment', segments.length / subject.segments.length, (labels) => {
      const names = list(segments.map(labels.segment));
      return { detail: { zh: `同处产业链环节：${names.zh}`, en: `Both in the segment(s): ${names.en}` } };
    });

  const fields = c.fields.size === 0 ? NOTHING : subject.fields.filter((f) => c.fields.has(f));
  if (fields.length)
    add('field', fields.length / subject.fields.length, (labels) => {
      const names = list(fields.map(labels.field));
      return { detail: { zh: `技术合同涉及相同技术领域：${names.zh}`, en: `Contracts in the same technology field(s): ${names.en}` }, evidence: uniqueRows(fields.flatMap((f) => c.fields.get(f)!)) };
    });

  // Each further dealing counts half as much as the one before: two contracts say much more than one, ten little more than five.
  const n = c.dealings.length;
  if (n > 0) add('past_contracts', 1 - 0.5 ** n, () => ({ detail: { zh: `与其已有 ${n} 笔技术合同或成果转化`, en: `${n} past contract(s) or transfer(s) with it` }, evidence: [...c.dealings] }));

  const hops = c.hops;
  if (hops !== null && hops >= 1 && hops <= config.maxHops) add('proximity', 1 / hops, () => ({ detail: { zh: `创新网络中相距 ${hops} 跳`, en: `${hops} hop(s) apart in the innovation graph` } }));

  const district = subject.district;
  if (district !== null && district === c.district)
    add('district', 1, (labels) => {
      const name = labels.district(district);
      return { detail: { zh: `同在${name.zh}`, en: `Both in ${name.en}` } };
    });

  const held = c.qualifications.length === 0 ? NOTHING : config.capacityQualifications.filter((q) => c.qualifications.includes(q));
  if (held.length)
    add('qualification', held.length / config.capacityQualifications.length, (labels) => {
      const names = list(held.map(labels.qualification));
      return { detail: { zh: `现有资质：${names.zh}`, en: `Holds: ${names.en}` } };
    });
  return out;
}

function uniqueRows(rows: readonly EvidenceRow[]): EvidenceRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.kind}:${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.kind.localeCompare(b.kind) || a.id - b.id);
}
