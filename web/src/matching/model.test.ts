import { describe, expect, it } from 'vitest';
import type { Me } from '../../../src/contracts/accounts';
import type { MatchList } from '../../../src/contracts/matching';
import { matchRows, points, seesMatching } from './model';

const list: MatchList = {
  subject: { ref: 'achievement:3', kind: 'achievement', id: 3, name: { zh: '阀', en: 'Valve' } },
  max_score: 100,
  proximity_hops: 3,
  candidates: [
    {
      ref: 'organization:7', kind: 'organization', id: 7, name: { zh: '甲公司', en: 'Firm A' }, district_code: '430104', score: 53.75,
      reasons: [
        { code: 'segment', label: { zh: '同一产业链环节', en: 'Same industrial-chain segment' }, weight: 30, contribution: 30, detail: { zh: '同处：零部件', en: 'Both in: Parts' }, evidence: [] },
        { code: 'past_contracts', label: { zh: '既往合作', en: 'Past dealings' }, weight: 25, contribution: 18.75, detail: { zh: '2 笔', en: '2 past' }, evidence: [{ kind: 'tech_contract', id: 11 }, { kind: 'transfer', id: 4 }] },
      ],
    },
    { ref: 'rd_institution:2', kind: 'rd_institution', id: 2, name: { zh: '研究院', en: 'Institute' }, district_code: null, score: 3.3333, reasons: [] },
  ],
};
const labels = { tech_contract: 'Contract', transfer: 'Transfer' };

describe('the match list as rows', () => {
  it('links each candidate and each evidence row to its record, the score as a share of the most possible', () => {
    const [first, second] = matchRows(list, 'en', labels);
    expect(first).toMatchObject({ key: 'organization:7', path: '/organizations/7', name: 'Firm A', score: '53.75', percent: 54 });
    expect(first!.reasons[1]).toEqual({
      code: 'past_contracts', label: 'Past dealings', points: '18.75 / 25', detail: '2 past',
      evidence: [{ key: 'tech_contract:11', path: '/tech-contracts/11', text: 'Contract #11' }, { key: 'transfer:4', path: '/transfers/4', text: 'Transfer #4' }],
    });
    expect(second).toMatchObject({ path: '/rd-institutions/2', name: 'Institute', score: '3.33', percent: 3 });
    expect(matchRows(list, 'zh', labels)[0]!.reasons[0]!.detail).toBe('同处：零部件');
  });

  it('writes points without trailing zeros', () => {
    expect([points(30), points(18.75), points(3.33333)]).toEqual(['30', '18.75', '3.33']);
  });
});

describe('who sees the match panel', () => {
  const me = (reach: 'all' | 'area' | 'own' | undefined, districts: string[] = []): Me =>
    ({ permissions: reach ? { 'achievements.read': reach } : {}, user: { districts, zones: [] } }) as unknown as Me;
  it('a city-wide reader only', () => {
    expect(seesMatching(me('all'))).toBe(true);
    expect(seesMatching(me('area'))).toBe(true);
    expect(seesMatching(me('area', ['430104']))).toBe(false);
    expect(seesMatching(me('own'))).toBe(false);
    expect(seesMatching(me(undefined))).toBe(false);
    expect(seesMatching(undefined)).toBe(false);
  });
});
