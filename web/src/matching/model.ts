import type { MatchList } from '../../../src/contracts/matching';
import type { Message } from '../../../src/domain/message';
import type { Me } from '../../../src/contracts/accounts';

/** The match list as the panel shows it (pure: unit-tested without a browser). */

type Side = keyof Message;
type Candidate = MatchList['candidates'][number];
type Evidence = Candidate['reasons'][number]['evidence'][number];

export interface EvidenceLink {
  key: string;
  path: string;
  text: string;
}

export interface ReasonTag {
  code: string;
  label: string;
  /** What the reason added, of its weight: “18.75 / 25”. */
  points: string;
  detail: string;
  evidence: EvidenceLink[];
}

export interface MatchRow {
  key: string;
  path: string;
  name: string;
  score: string;
  /** The score as a share of the most a candidate can score, 0–100, for the bar. */
  percent: number;
  reasons: ReasonTag[];
}

const CANDIDATE_PATHS: Record<Candidate['kind'], string> = {
  achievement: '/achievements',
  organization: '/organizations',
  rd_institution: '/rd-institutions',
  platform: '/platforms',
};
const EVIDENCE_PATHS: Record<Evidence['kind'], string> = { tech_contract: '/tech-contracts', transfer: '/transfers' };

/** Points without trailing zeros: 30, 18.75, 3.33. */
export const points = (x: number): string => String(Math.round(x * 100) / 100);

export const evidenceLink = (e: Evidence, labels: Record<Evidence['kind'], string>): EvidenceLink => ({ key: `${e.kind}:${e.id}`, path: `${EVIDENCE_PATHS[e.kind]}/${e.id}`, text: `${labels[e.kind]} #${e.id}` });

export function matchRows(list: MatchList, side: Side, evidenceLabels: Record<Evidence['kind'], string>): MatchRow[] {
  return list.candidates.map((c) => ({
    key: c.ref,
    path: `${CANDIDATE_PATHS[c.kind]}/${c.id}`,
    name: c.name[side],
    score: points(c.score),
    percent: list.max_score > 0 ? Math.round((c.score / list.max_score) * 100) : 0,
    reasons: c.reasons.map((r) => ({ code: r.code, label: r.label[side], points: `${points(r.contribution)} / ${points(r.weight)}`, detail: r.detail[side], evidence: r.evidence.map((e) => evidenceLink(e, evidenceLabels)) })),
  }));
}

/** Matching compares with the whole city: only a caller whose achievements.read reaches it city-wide may ask (the server checks again). */
export function seesMatching(me: Me | undefined): boolean {
  const reach = me?.permissions['achievements.read'];
  if (reach === 'all') return true;
  return reach === 'area' && (me?.user?.districts.length ?? 0) === 0 && (me?.user?.zones.length ?? 0) === 0;
}
