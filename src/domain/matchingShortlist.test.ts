import { describe, expect, it } from 'vitest';
import { rankMatches, type EvidenceRow, type MatchCandidate, type MatchingConfig, type MatchLabels, type MatchSubject } from './matching.js';
import { indexProfiles, shortlistOf, type Near, type Profile } from './matchingShortlist.js';

const config: MatchingConfig = {
  weights: { segment: 30, field: 20, past_contracts: 25, proximity: 15, district: 5, qualification: 5 },
  maxHops: 3,
  capacityQualifications: ['high_tech_enterprise', 'tech_sme', 'little_giant'],
};
const labels: MatchLabels = {
  segment: (id) => ({ zh: id, en: id }),
  field: (code) => ({ zh: code, en: code }),
  district: (code) => ({ zh: code, en: code }),
  qualification: (code) => ({ zh: code, en: code }),
};
const candidate = (id: number, over: Partial<MatchCandidate> = {}): MatchCandidate => ({ kind: 'organization', id, segments: [], fields: new Map(), dealings: [], hops: null, district: null, qualifications: [], ...over });

/** A candidate's profile as the server makes it: its segments, its fields, and its class (kind, district, qualifications). */
const profileOf = (c: MatchCandidate): Profile => ({ segments: c.segments, fields: [...c.fields.keys()], class: `${c.kind}|${c.district}|${c.qualifications.join(',')}` });
/** The candidates of `all` near the subject: those with dealings, and those with hops. */
function nearOf(all: readonly MatchCandidate[]): Near {
  const close = all.flatMap((c, i) => (c.hops === null ? [] : [[i, c.hops] as const]));
  return { dealt: new Set(all.flatMap((c, i) => (c.dealings.length ? [i] : []))), positions: close.map(([i]) => i), hops: close.map(([, h]) => h) };
}

/** The indexed shortlist of `all` (in rank order on a tie), ranked with the hops it gives. */
function rankShortlist(subject: MatchSubject, all: readonly MatchCandidate[], limit: number, excluded: (c: MatchCandidate) => boolean) {
  const index = indexProfiles(all.length, (i) => profileOf(all[i]!));
  const { positions, hops } = shortlistOf(index, subject, limit, nearOf(all), (i) => excluded(all[i]!));
  const shortlisted = positions.map((i) => ({ ...all[i]!, hops: hops.get(i) ?? null }));
  return { size: positions.length, ranked: rankMatches(subject, shortlisted, config, labels, limit) };
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const SEGMENTS = ['s1', 's2', 's3', 's4'];
const FIELDS = ['f1', 'f2', 'f3'];
const DISTRICTS = ['430102', '430104', '430111'];
const QUALIFICATIONS = [[], ['tech_sme'], ['high_tech_enterprise', 'tech_sme'], ['sci_tech_leading_enterprise']];

/** Some of `items`, each with probability 1/`oneIn`. */
const someOf = <T,>(pick: (n: number) => number, items: readonly T[], oneIn: number) => items.filter(() => pick(oneIn) === 0);

/** A registry of `n` candidates of two kinds (institutions before platforms, each in id order) with random facts. */
function registry(pick: (n: number) => number, n: number): MatchCandidate[] {
  const one = (kind: MatchCandidate['kind'], id: number) => {
    const fields = someOf(pick, FIELDS, 10);
    return candidate(id, {
      kind,
      segments: someOf(pick, SEGMENTS, 8),
      fields: new Map(fields.map((f): [string, EvidenceRow[]] => [f, [{ kind: 'tech_contract', id: id * 10 + 1 }]])),
      dealings: pick(60) ? [] : [{ kind: 'transfer', id }],
      hops: pick(8) ? null : 1 + pick(4),
      district: DISTRICTS[pick(DISTRICTS.length)]!,
      qualifications: QUALIFICATIONS[pick(QUALIFICATIONS.length)]!,
    });
  };
  const labs = Array.from({ length: n - pick(n / 2) }, (_, i) => one('rd_institution', 1 + i * 3));
  return [...labs, ...Array.from({ length: n - labs.length }, (_, i) => one('platform', 2 + i * 5))];
}

describe('the indexed shortlist of matching', () => {
  it('ranks as the full list ranks, on 30 random registries, subjects and limits, and is shorter than the list', () => {
    const pick = random(20261205);
    for (let round = 0; round < 30; round++) {
      const all = registry(pick, 300 + pick(300));
      const subject: MatchSubject = { segments: someOf(pick, SEGMENTS, 3), fields: someOf(pick, FIELDS, 3), district: DISTRICTS[pick(DISTRICTS.length)]! };
      const own = new Set(all.filter(() => pick(25) === 0).map((c) => c.id));
      const limit = 1 + pick(12);
      const excluded = (c: MatchCandidate) => own.has(c.id);
      const { size, ranked } = rankShortlist(subject, all, limit, excluded);
      expect(ranked, `round ${round}`).toEqual(rankMatches(subject, all.filter((c) => !excluded(c)), config, labels, limit));
      expect(size).toBeLessThan(all.length);
    }
  });

  it('takes the first `limit` of a profile sharing a segment, all that are near, the head of each class, and skips the excluded', () => {
    const subject: MatchSubject = { segments: ['s1'], fields: ['f1'], district: '430104' };
    const twin = (id: number, over: Partial<MatchCandidate> = {}) => candidate(id, { segments: ['s1'], district: '430111', ...over });
    const all = [
      twin(1),
      twin(2),
      twin(3),
      twin(4, { hops: 2 }),
      twin(5),
      candidate(6, { district: '430104' }),
      candidate(7, { district: '430104' }),
      candidate(8, { district: '430104' }),
      candidate(9, { fields: new Map([['f1', []]]) }),
      candidate(10, { fields: new Map([['f1', []]]) }),
      candidate(11, { segments: ['s9'] }),
    ];
    const index = indexProfiles(all.length, (i) => profileOf(all[i]!));
    const ids = (list: { positions: number[] }) => list.positions.map((i) => all[i]!.id);
    const near = nearOf(all);
    // Twins 1–2 (3 and 5 score as they do, after them), near twin 4, district mates 6–7, field buyers 9–10;
    // 11 shares nothing, and 9–10 of its class are ahead of it.
    const list = shortlistOf(index, subject, 2, near, () => false);
    expect(ids(list)).toEqual([1, 2, 4, 6, 7, 9, 10]);
    expect(list.hops).toEqual(new Map([[3, 2]]));
    // The subject's own twin 1 and district mate 6 are replaced by the next of their profile and class.
    expect(ids(shortlistOf(index, subject, 2, near, (i) => [1, 6].includes(all[i]!.id)))).toEqual([2, 3, 4, 7, 8, 9, 10]);
    // A subject sharing no segment or field walks no profile: only the class heads and the near.
    expect(ids(shortlistOf(index, { segments: [], fields: [] }, 1, near, () => false))).toEqual([1, 4, 6, 9]);
  });

  it('takes, of many close candidates, the first `limit` of each profile and hop count, and every one dealt with', () => {
    // A hub's neighbourhood: 40 firms alike, 30 of them 2 hops away and 10 three, met in the search's order (not the list's).
    const all = Array.from({ length: 40 }, (_, i) => candidate(i + 1, { district: '430111', hops: i < 30 ? 2 : 3, dealings: i === 35 ? [{ kind: 'transfer', id: 1 }] : [] }));
    const index = indexProfiles(all.length, (i) => profileOf(all[i]!));
    const order = [...all.keys()].reverse();
    const near: Near = { dealt: new Set([35]), positions: order, hops: order.map((i) => all[i]!.hops!) };
    const list = shortlistOf(index, { segments: [], fields: [] }, 3, near, (i) => i === 0);
    // Class heads 2–4 (1 is the subject's own); 2 hops: the same 2–4; 3 hops: 31–33 and the dealt 36.
    expect(list.positions.map((i) => all[i]!.id)).toEqual([2, 3, 4, 31, 32, 33, 36]);
    expect([...list.hops].sort(([a], [b]) => a - b)).toEqual([[1, 2], [2, 2], [3, 2], [30, 3], [31, 3], [32, 3], [35, 3]]);
  });
});
