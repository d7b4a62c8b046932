import { describe, expect, it } from 'vitest';
import { chainEntities, type ChainGaps, type ChainView } from '../../../src/contracts/industrialChains';
import { chainsParams, defaultChains, gapRows, readChains, recordPath, rowsRequest, sankeyChart, scoreText, segmentRows } from './model';

const figures = (count: number) =>
  Object.fromEntries(chainEntities.map((e) => [e, { count, rows: `/api/v1/chains/mach/segments/s/rows?entity=${e}`, ...(e === 'contracts' ? { amount: '10.00' } : {}) }])) as ChainView['segments'][number]['figures'];
const segment = (id: string, position: 'upstream' | 'midstream' | 'downstream', zh: string) => ({
  id,
  name: { zh, en: id },
  position,
  position_name: { zh: '', en: position },
  feeds: [],
  figures: figures(1),
});
const view: ChainView = {
  id: 'mach',
  name: { zh: '工程机械', en: 'Machinery' },
  year: null,
  // Configured out of order: the table puts upstream first.
  segments: [segment('machines', 'midstream', '整机'), segment('parts', 'upstream', '零部件'), segment('service', 'downstream', '服务'), segment('parts2', 'upstream', '材料')],
  flows: [
    { from: 'parts', to: 'machines', count: 2, amount: '300.50' },
    { from: 'machines', to: 'service', count: 1, amount: '20.00' },
    { from: 'service', to: 'parts', count: 4, amount: '1.00' },
    { from: 'parts', to: 'parts2', count: 1, amount: '5.00' },
  ],
};

describe('the question in the URL', () => {
  it('reads what it wrote and leaves defaults out', () => {
    const s = { chain: 'construction_machinery', year: 2025, tab: 'gaps' as const };
    expect(chainsParams(s)).toEqual({ chain: 'construction_machinery', year: '2025', tab: 'gaps' });
    expect(readChains(new URLSearchParams(chainsParams(s)))).toEqual(s);
    expect(chainsParams(defaultChains)).toEqual({});
  });

  it('keeps the default for anything malformed', () => {
    expect(readChains(new URLSearchParams('chain=../x&year=20x5&tab=other'))).toEqual(defaultChains);
    expect(readChains(new URLSearchParams('year=1800')).year).toBeNull();
  });
});

describe('the table', () => {
  it('puts the segments upstream first, keeping the configured order within a position', () => {
    expect(segmentRows(view, 'zh').map((r) => [r.key, r.name, r.position])).toEqual([
      ['parts', '零部件', 'upstream'],
      ['parts2', '材料', 'upstream'],
      ['machines', '整机', 'midstream'],
      ['service', '服务', 'downstream'],
    ]);
  });
});

describe('the Sankey', () => {
  it('draws only the flows down the chain, by amount or by count, and counts the others', () => {
    const byAmount = sankeyChart(view, 'zh', 'amount');
    const series = (byAmount.option.series as { data: unknown[]; links: unknown[] }[])[0]!;
    expect(series.links).toEqual([
      { source: '零部件', target: '整机', value: 300.5 },
      { source: '整机', target: '服务', value: 20 },
    ]);
    expect(series.data).toEqual([
      { name: '整机', depth: 1 },
      { name: '零部件', depth: 0 },
      { name: '服务', depth: 2 },
      { name: '材料', depth: 0 },
    ]);
    expect([byAmount.drawn, byAmount.left]).toEqual([2, 2]);
    const byCount = (sankeyChart(view, 'en', 'count').option.series as { links: unknown[] }[])[0]!;
    expect(byCount.links).toEqual([
      { source: 'parts', target: 'machines', value: 2 },
      { source: 'machines', target: 'service', value: 1 },
    ]);
  });
});

describe('the drill-down', () => {
  it('asks the API for a figure’s rows a page at a time, and opens each row’s registry page', () => {
    expect(rowsRequest('/api/v1/chains/mach/segments/parts/rows?entity=loans&year=2025', 3, 20)).toEqual({
      path: '/chains/mach/segments/parts/rows',
      query: { entity: 'loans', year: '2025', page: '3', per_page: '20' },
      entity: 'loans',
    });
    expect(recordPath('tech_smes', 7)).toBe('/organizations/7');
    expect(recordPath('contracts_bought', 8)).toBe('/tech-contracts/8');
    expect(recordPath('talent', 9)).toBe('/talent-introductions/9');
    expect(recordPath('institutions', 1)).toBe('/rd-institutions/1');
  });
});

describe('the gap ranking', () => {
  it('numbers the findings in the server’s order, in the page’s language', () => {
    const gaps: ChainGaps = {
      year: 2025,
      results: [
        {
          kind: 'capital',
          kind_name: { zh: '缺少资金', en: 'Short of capital' },
          chain: { id: 'mach', name: { zh: '工程机械', en: 'Machinery' } },
          segment: { id: 'machines', name: { zh: '整机', en: 'Machines' }, position: 'midstream' },
          score: 0.8734,
          ratio: 1,
          reference: 8,
          reason: { zh: '原因', en: 'Why' },
          figures: [{ entity: 'loans', name: { zh: '贷款', en: 'Loans' }, count: 0, rows: '/api/v1/chains/mach/segments/machines/rows?entity=loans' }],
        },
      ],
    };
    expect(gapRows(gaps, 'en')).toEqual([{ key: 'capital:machines', rank: 1, kind: 'Short of capital', chain: 'Machinery', segment: 'Machines', score: 0.8734, reason: 'Why', figures: gaps.results[0]!.figures }]);
    expect(scoreText(0.8734)).toBe('87%');
  });
});
