import { describe, expect, it } from 'vitest';
import { rankGaps, type SegmentFigures } from './chainGaps.js';

const seg = (segment: string, f: Partial<SegmentFigures>): SegmentFigures => ({ segment, enterprises: 0, institutions: 0, platforms: 0, achievements: 0, contractsBought: 0, loans: 0, ...f });

describe('rankGaps', () => {
  it('finds the segment with many firms and no R&D support first, scored against the city', () => {
    // City: (10 + 0) support per 100 + 100 firms → 10 per 100 over 100 firms; "bare" has 0, "rich" 20.
    const findings = rankGaps([seg('rich', { enterprises: 50, institutions: 6, platforms: 4, loans: 5 }), seg('bare', { enterprises: 50, loans: 5 })]);
    expect(findings.filter((f) => f.kind === 'rd_support')).toEqual([{ kind: 'rd_support', segment: 'bare', score: 1, ratio: 0, reference: 10 }]);
  });

  it('finds research no local industry takes up, and money that misses a segment', () => {
    const findings = rankGaps([
      // Research 20, uptake 2 firms + 0 purchases: 10 per 100 against the city's (2 + 60 + 20) / 40 = 205.
      seg('lab_heavy', { enterprises: 2, achievements: 15, institutions: 5 }),
      // Research 20, uptake 60 + 20 = 80 → 400 per 100; no loans over 60 firms.
      seg('industry', { enterprises: 60, achievements: 18, institutions: 2, contractsBought: 20, platforms: 6 }),
      // 40 firms, 8 loans → 20 per 100 against the city's 8 per 100 (8 loans over 100 firms).
      seg('funded', { enterprises: 40, loans: 8, platforms: 4 }),
    ]);
    expect(findings).toEqual([
      { kind: 'capital', segment: 'industry', score: 1, ratio: 0, reference: 8 },
      { kind: 'research_uptake', segment: 'lab_heavy', score: 0.9512, ratio: 10, reference: 205 },
      // rd_support: industry (2+6)/60 = 13.33 vs (8 + 4) / 100 = 12 → above; funded (0+4)/40 = 10 → below.
      { kind: 'rd_support', segment: 'funded', score: 0.1667, ratio: 10, reference: 12 },
    ]);
  });

  it('leaves out segments too small to read a ratio from, and finds nothing where nothing is below the city', () => {
    expect(rankGaps([seg('tiny', { enterprises: 9 }), seg('big', { enterprises: 30, platforms: 3, loans: 3 })])).toEqual([]);
    expect(rankGaps([])).toEqual([]);
  });

  it('breaks equal scores by the larger segment, then by id', () => {
    const findings = rankGaps([seg('a', { enterprises: 10 }), seg('b', { enterprises: 30 }), seg('c', { enterprises: 10 }), seg('d', { enterprises: 10, platforms: 10, loans: 10 })]);
    expect(findings.filter((f) => f.kind === 'rd_support').map((f) => f.segment)).toEqual(['b', 'a', 'c']);
  });
});
