/**
 * Gap analysis of industrial-chain segments (产业链缺口): where the chain's firms, research and money
 * do not meet. Each kind compares a segment's ratio with the same ratio over all the segments
 * (the city's reference), so a score says how far below the city the segment is: 0 at or above
 * it, 1 with nothing at all. Small segments are left out: a ratio over three firms says little.
 * Pure: figures in, ranked findings out.
 */

/** The figures of one segment the gaps are read from. */
export interface SegmentFigures {
  segment: string;
  enterprises: number;
  institutions: number;
  platforms: number;
  achievements: number;
  /** Registered contracts in which a firm of the segment is the buyer. */
  contractsBought: number;
  loans: number;
}

export const gapKinds = ['rd_support', 'research_uptake', 'capital'] as const;
export type GapKind = (typeof gapKinds)[number];

export interface GapFinding {
  kind: GapKind;
  segment: string;
  /** 0–1: how far the segment's ratio falls below the city's. */
  score: number;
  /** The segment's ratio and the city's, per 100 (firms or research items). */
  ratio: number;
  reference: number;
}

/** The smallest segments a ratio is read for: enterprises for support and capital, research items for uptake. */
export const MIN_FIRMS = 10;
export const MIN_RESEARCH = 5;

interface Measure {
  kind: GapKind;
  /** What the ratio is over (firms, research), and whether the segment is big enough. */
  base: (f: SegmentFigures) => number;
  min: number;
  /** What the ratio counts. */
  part: (f: SegmentFigures) => number;
}

const research = (f: SegmentFigures) => f.achievements + f.institutions;

const MEASURES: readonly Measure[] = [
  { kind: 'rd_support', base: (f) => f.enterprises, min: MIN_FIRMS, part: (f) => f.institutions + f.platforms },
  { kind: 'research_uptake', base: research, min: MIN_RESEARCH, part: (f) => f.enterprises + f.contractsBought },
  { kind: 'capital', base: (f) => f.enterprises, min: MIN_FIRMS, part: (f) => f.loans },
];

const per100 = (part: number, base: number) => (base === 0 ? 0 : (100 * part) / base);
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The findings, highest score first (ties: the larger segment first, then by segment id, so the
 * order is stable). A segment at or above the reference is no finding.
 */
export function rankGaps(segments: readonly SegmentFigures[]): GapFinding[] {
  const findings: (GapFinding & { size: number })[] = [];
  for (const m of MEASURES) {
    const eligible = segments.filter((f) => m.base(f) >= m.min);
    const reference = per100(
      eligible.reduce((s, f) => s + m.part(f), 0),
      eligible.reduce((s, f) => s + m.base(f), 0),
    );
    if (reference === 0) continue;
    for (const f of eligible) {
      const ratio = per100(m.part(f), m.base(f));
      const score = 1 - ratio / reference;
      if (score > 0) findings.push({ kind: m.kind, segment: f.segment, score: round4(score), ratio: round4(ratio), reference: round4(reference), size: m.base(f) });
    }
  }
  findings.sort((a, b) => b.score - a.score || b.size - a.size || a.segment.localeCompare(b.segment) || a.kind.localeCompare(b.kind));
  return findings.map(({ size: _size, ...f }) => f);
}
