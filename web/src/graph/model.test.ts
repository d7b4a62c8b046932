import { describe, expect, it } from 'vitest';
import type { Centrality, GraphPath, Neighbourhood } from '../../../src/contracts/innovationGraph';
import { edgeTypeCodes } from '../../../src/domain/innovationGraph';
import { DEFAULT_TYPES, defaultGraph, edgeText, edgeTypesParam, formatAmount, graphChart, graphParams, hubRows, neighbourhoodRequest, pathRows, readGraph, recordUrl, tooltipText } from './model';

const org = (id: number, zh: string, depth = 0) => ({ ref: `organization:${id}`, kind: 'organization' as const, id: String(id), name: { zh, en: `Org ${id}` }, depth });
const neighbourhood: Neighbourhood = {
  center: org(1, '甲公司'),
  hops: 1,
  hops_shown: 1,
  truncated: false,
  nodes: [org(1, '甲公司'), org(2, '<b>乙</b>', 1), { ref: 'zone:xiangjiang_new_area', kind: 'zone', id: 'xiangjiang_new_area', name: { zh: '湘江新区', en: 'Xiangjiang New Area' }, depth: 1 }],
  edges: [
    { type: 'contract', type_label: { zh: '技术合同', en: 'Contract' }, source: 'organization:2', target: 'organization:1', date: '2024-05-01', amount: '2000000.50' },
    { type: 'located_in_zone', type_label: { zh: '位于功能区', en: 'Located in zone' }, source: 'organization:1', target: 'zone:xiangjiang_new_area', date: null, amount: null },
  ],
  data_version: '7',
};

describe('the question in the URL', () => {
  it('reads what it wrote, and leaves defaults out of the URL', () => {
    const s = { node: 'rd_institution:12', hops: 2 as const, types: ['contract' as const, 'hosts' as const], fromYear: 2020, toYear: 2024 };
    const params = graphParams(s);
    expect(params).toEqual({ node: 'rd_institution:12', hops: '2', types: 'contract,hosts', from: '2020', to: '2024' });
    expect(readGraph(new URLSearchParams(params))).toEqual({ ...s, types: ['contract', 'hosts'] });
    expect(graphParams(defaultGraph)).toEqual({});
  });

  it('keeps the default for anything malformed', () => {
    expect(readGraph(new URLSearchParams('node=person:1&hops=7&types=friendship&from=20x4'))).toEqual(defaultGraph);
    expect(readGraph(new URLSearchParams('node=organization:012')).node).toBe('');
    expect(readGraph(new URLSearchParams('node=zone:xiangjiang_new_area')).node).toBe('zone:xiangjiang_new_area');
  });

  it('asks the API for the node, the hops, the types when not all, and the years as whole days', () => {
    expect(neighbourhoodRequest(defaultGraph, 200)).toBeNull();
    expect(neighbourhoodRequest({ ...defaultGraph, node: 'organization:5', types: [...edgeTypeCodes] }, 200)).toEqual({ path: '/graph/nodes/organization/5/neighbourhood', query: { hops: '1', limit: '200' } });
    expect(neighbourhoodRequest({ node: 'zone:songya_lake', hops: 3, types: ['loan'], fromYear: 2021, toYear: 2022 }, 50)).toEqual({
      path: '/graph/nodes/zone/songya_lake/neighbourhood',
      query: { hops: '3', limit: '50', edge_types: 'loan', from: '2021-01-01', to: '2022-12-31' },
    });
    expect(neighbourhoodRequest({ ...defaultGraph, node: 'organization:5' }, 10)!.query.edge_types).toBe(DEFAULT_TYPES.join(','));
  });

  it('leaves the zones out by default (they would swamp a second hop), and sends no types when all are ticked', () => {
    expect(defaultGraph.types).not.toContain('located_in_zone');
    expect(defaultGraph.types).toHaveLength(edgeTypeCodes.length - 1);
    expect(edgeTypesParam([...edgeTypeCodes].reverse())).toEqual({});
    expect(edgeTypesParam(['loan'])).toEqual({ edge_types: 'loan' });
    expect(graphParams({ ...defaultGraph, types: [...DEFAULT_TYPES].reverse() })).toEqual({});
    expect(readGraph(new URLSearchParams(graphParams({ ...defaultGraph, types: [...edgeTypeCodes] }))).types).toEqual([...edgeTypeCodes]);
  });
});

describe('the graph chart', () => {
  it('draws a node per entity in its kind’s category, an edge per relation, each node leading to its record', () => {
    const { option, drill } = graphChart(neighbourhood, 'zh');
    const series = (option.series as Array<{ data: Array<{ name: string; category: number; symbolSize: number }>; links: Array<{ source: number; target: number }>; categories: Array<{ name: string }> }>)[0]!;
    expect(series.categories.map((c) => c.name)).toEqual(['主体', '功能区']);
    expect(series.data.map((d) => [d.name, d.category])).toEqual([['甲公司', 0], ['<b>乙</b>', 0], ['湘江新区', 1]]);
    expect(series.data[0]!.symbolSize).toBeGreaterThan(series.data[1]!.symbolSize);
    expect(series.links).toEqual([{ source: 1, target: 0 }, { source: 0, target: 2 }]);
    expect(drill).toEqual(['/organizations/1', '/organizations/2', '/organizations?filter=zone%3Axiangjiang_new_area']);
  });

  it('explains an edge on hover and escapes names', () => {
    expect(tooltipText(neighbourhood, 'en', { dataType: 'edge', dataIndex: 0 })).toBe('Contract (seller → buyer) · 2024-05-01 · CNY 2,000,000.50');
    expect(tooltipText(neighbourhood, 'zh', { dataType: 'node', dataIndex: 1 })).toBe('&#60;b&#62;乙&#60;/b&#62;<br/>主体');
  });
});

describe('words and links', () => {
  it('writes an edge’s type, date and amount, and amounts exactly', () => {
    expect(edgeText({ type: 'loan', date: '2024-03-01', amount: '5000000.00' }, 'zh')).toBe('知识产权质押贷款（贷款方→借款方） · 2024-03-01 · 5,000,000 元');
    expect(edgeText({ type: 'hosts', date: null, amount: null }, 'en')).toBe('Hosts');
    expect(formatAmount('1234567890123.07')).toBe('1,234,567,890,123.07');
    expect(formatAmount('999.00')).toBe('999');
  });

  it('leads each kind of node to its record page', () => {
    expect(['organization:1', 'rd_institution:2', 'platform:3', 'project:4', 'achievement:5', 'talent:6'].map(recordUrl)).toEqual(['/organizations/1', '/rd-institutions/2', '/platforms/3', '/projects/4', '/achievements/5', '/talent-introductions/6']);
  });

  it('lists a path’s steps with both ends and the way the record goes', () => {
    const path: GraphPath = {
      from: org(1, '甲公司'),
      to: org(2, '乙'),
      length: 1,
      steps: [{ ...neighbourhood.edges[0]!, from: org(1, '甲公司'), to: org(2, '乙'), forward: false }],
      data_version: '7',
    };
    expect(pathRows(path, 'en')).toEqual([{ key: 0, from: { name: 'Org 1', url: '/organizations/1' }, to: { name: 'Org 2', url: '/organizations/2' }, relation: 'Contract (seller → buyer) · 2024-05-01 · CNY 2,000,000.50', forward: false }]);
  });

  it('ranks the hubs with their kind and a short score', () => {
    const c: Centrality = { measure: 'pagerank', items: [{ rank: 1, node: org(3, '丙'), score: 0.0123456, degree: 9 }], data_version: '7' };
    expect(hubRows(c, 'zh')).toEqual([{ key: 'organization:3', rank: 1, name: '丙', kind: '主体', url: '/organizations/3', score: '0.01235', degree: 9 }]);
  });
});
