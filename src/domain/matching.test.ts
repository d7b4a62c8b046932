import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxScore, parseMatchingConfig, rankMatches, type MatchCandidate, type MatchingConfig, type MatchLabels, type MatchSubject } from './matching.js';
import { qualificationTypeCodes } from './qualification.js';

const QUALIFICATIONS = new Set<string>(qualificationTypeCodes);
const config: MatchingConfig = {
  weights: { segment: 30, field: 20, past_contracts: 25, proximity: 15, district: 5, qualification: 5 },
  maxHops: 3,
  capacityQualifications: ['high_tech_enterprise', 'tech_sme', 'little_giant'],
};
const labels: MatchLabels = {
  segment: (id) => ({ zh: `环节${id}`, en: `segment ${id}` }),
  field: (code) => ({ zh: `领域${code}`, en: `field ${code}` }),
  district: (code) => ({ zh: `区${code}`, en: `district ${code}` }),
  qualification: (code) => ({ zh: `资质${code}`, en: `qualification ${code}` }),
};
const nobody = (id: number, over: Partial<MatchCandidate> = {}): MatchCandidate => ({ kind: 'organization', id, segments: [], fields: new Map(), dealings: [], hops: null, district: null, qualifications: [], ...over });

/** The achievement of a lab in segment s1, whose contracts are in fields f1 and f2, in district 430104. */
const subject: MatchSubject = { segments: ['s1'], fields: ['f1', 'f2'], district: '430104' };

describe('matching: a planted registry whose right answer is known', () => {
  // 7 bought two contracts from the lab, is in its segment and field, one hop away: the obvious adopter.
  const adopter = nobody(7, {
    segments: ['s1', 's9'],
    fields: new Map([['f1', [{ kind: 'tech_contract' as const, id: 101 }, { kind: 'tech_contract' as const, id: 102 }]]]),
    dealings: [{ kind: 'tech_contract', id: 101 }, { kind: 'tech_contract', id: 102 }],
    hops: 1,
    district: '430104',
  });
  const sameSegmentOnly = nobody(3, { segments: ['s1'], hops: 3 });
  const stranger = nobody(2, { district: '430111', segments: ['s5'], fields: new Map([['f9', [{ kind: 'tech_contract' as const, id: 300 }]]]), qualifications: ['sci_tech_leading_enterprise'] });
  const ranked = rankMatches(subject, [stranger, sameSegmentOnly, adopter], config, labels, 10);

  it('ranks the same-segment buyer of two of the lab’s contracts, one hop away, first, naming each reason with its rows', () => {
    expect(ranked.map((m) => m.id)).toEqual([7, 3]);
    const first = ranked[0]!;
    expect(first.reasons.map((r) => r.code)).toEqual(['segment', 'field', 'past_contracts', 'proximity', 'district']);
    const reason = (code: string) => first.reasons.find((r) => r.code === code)!;
    expect(reason('segment')).toMatchObject({ weight: 30, contribution: 30, detail: { zh: '同处产业链环节：环节s1', en: 'Both in the segment(s): segment s1' } });
    // One of the lab's two fields: half the weight.
    expect(reason('field')).toMatchObject({ contribution: 10, evidence: [{ kind: 'tech_contract', id: 101 }, { kind: 'tech_contract', id: 102 }] });
    // Two dealings: 1 - 1/4 of the weight.
    expect(reason('past_contracts')).toMatchObject({ contribution: 18.75, evidence: [{ kind: 'tech_contract', id: 101 }, { kind: 'tech_contract', id: 102 }] });
    expect(reason('past_contracts').detail.en).toBe('2 past contract(s) or transfer(s) with it');
    expect(reason('proximity')).toMatchObject({ contribution: 15, detail: { en: '1 hop(s) apart in the innovation graph' } });
    expect(reason('district').detail).toEqual({ zh: '同在区430104', en: 'Both in district 430104' });
    expect(first.score).toBe(30 + 10 + 18.75 + 15 + 5);
  });

  it('scores proximity as 1/hops within the bound, and nothing beyond it', () => {
    const three = ranked.find((m) => m.id === 3)!;
    expect(three.reasons.find((r) => r.code === 'proximity')!.contribution).toBe(5);
    expect(three.score).toBe(35);
    const far = rankMatches(subject, [nobody(1, { hops: 4 })], config, labels, 10);
    expect(far).toEqual([]);
  });

  it('leaves out a candidate in another district with nothing in common (a qualification outside the capacity list does not count)', () => {
    expect(ranked.some((m) => m.id === 2)).toBe(false);
  });

  it('reads the capacity qualifications as a share of the weight', () => {
    const [m] = rankMatches(subject, [nobody(4, { qualifications: ['tech_sme', 'high_tech_enterprise'] })], config, labels, 10);
    expect(m!.reasons).toEqual([{ code: 'qualification', weight: 5, contribution: 3.3333, detail: { zh: '现有资质：资质high_tech_enterprise、资质tech_sme', en: 'Holds: qualification high_tech_enterprise, qualification tech_sme' }, evidence: [] }]);
  });

  it('breaks ties by id, whatever order the candidates come in, and keeps the best `limit`', () => {
    const twins = [9, 5, 8, 6].map((id) => nobody(id, { district: '430104' }));
    expect(rankMatches(subject, twins, config, labels, 10).map((m) => m.id)).toEqual([5, 6, 8, 9]);
    expect(rankMatches(subject, [...twins].reverse(), config, labels, 2).map((m) => m.id)).toEqual([5, 6]);
  });

  it('keeps, for any limit, the head of the full ranking (the best are chosen while scoring, only they are explained)', () => {
    // A seeded mix of scores, ties and kinds: the full list sorted by score, kind order and id is the reference.
    let s = 7;
    const next = (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), (s >>> 16) % n);
    const kinds = ['rd_institution', 'platform'] as const;
    const crowd = Array.from({ length: 200 }, (_, i) =>
      nobody(i + 1, { kind: kinds[next(2)], segments: next(3) ? [] : ['s1'], hops: next(4) || null, district: next(2) ? '430104' : null, qualifications: next(3) ? [] : ['tech_sme'] }),
    );
    const full = rankMatches(subject, crowd, config, labels, crowd.length);
    const order = new Map<string, number>(kinds.map((k) => [k, crowd.findIndex((c) => c.kind === k)]));
    const sorted = [...full].sort((a, b) => b.score - a.score || order.get(a.kind)! - order.get(b.kind)! || a.id - b.id);
    expect(full).toEqual(sorted);
    for (const limit of [1, 3, 10, 50]) expect(rankMatches(subject, crowd, config, labels, limit)).toEqual(full.slice(0, limit));
  });

  it('breaks ties between kinds in the order the candidates are given (institutions before platforms)', () => {
    const both = [nobody(2, { kind: 'rd_institution', district: '430104' }), nobody(1, { kind: 'platform', district: '430104' })];
    expect(rankMatches(subject, both, config, labels, 10).map((m) => `${m.kind}:${m.id}`)).toEqual(['rd_institution:2', 'platform:1']);
  });

  it('counts each further dealing half as much as the one before, and lists at most ten rows', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ kind: 'transfer' as const, id: i + 1 }));
    const [m] = rankMatches(subject, [nobody(1, { dealings: many })], config, labels, 10);
    expect(m!.reasons[0]).toMatchObject({ code: 'past_contracts', contribution: 24.9939 });
    expect(m!.reasons[0]!.evidence).toHaveLength(10);
  });

  it('a weight of 0 switches its component off', () => {
    const off = { ...config, weights: { ...config.weights, district: 0 } };
    expect(rankMatches(subject, [nobody(1, { district: '430104' })], off, labels, 10)).toEqual([]);
    expect(maxScore(off)).toBe(95);
  });
});

describe('the matching configuration', () => {
  it('reads the shipped file', () => {
    const shipped = parseMatchingConfig(JSON.parse(readFileSync(new URL('../../config/matching.json', import.meta.url), 'utf8')), QUALIFICATIONS);
    expect(shipped).not.toHaveProperty('problems');
    expect(maxScore(shipped as MatchingConfig)).toBeGreaterThan(0);
  });

  it('names every problem: an unknown or missing weight, a negative one, hops past 3, an unknown qualification, an unknown key', () => {
    const bad = parseMatchingConfig({ weights: { segment: -1, field: 20, past_contracts: 25, proximity: 15, district: 5, distance: 3 }, max_hops: 4, capacity_qualifications: ['gazelle'], extra: true }, QUALIFICATIONS);
    expect(bad).toEqual({
      problems: [
        'unknown key "extra"',
        'weights.distance: unknown reason (one of segment, field, past_contracts, proximity, district, qualification)',
        'weights.segment: must be a number from 0 to 100',
        'weights.qualification: must be a number from 0 to 100',
        'max_hops: must be a whole number from 1 to 3',
        'capacity_qualifications: unknown qualification "gazelle"',
      ],
    });
    expect(parseMatchingConfig([], QUALIFICATIONS)).toHaveProperty('problems');
  });
});
