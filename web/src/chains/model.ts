import type { SankeySeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ChainEntity, ChainGaps, ChainView } from '../../../src/contracts/industrialChains';
import { chainEntities } from '../../../src/contracts/industrialChains';
import { segmentPositions, type SegmentPosition } from '../../../src/domain/industrialChain';

/** The chains page's pure parts: the question in the URL, the table, the Sankey, the drill-down. */

export type SankeyOption = ComposeOption<SankeySeriesOption | TooltipComponentOption>;
export type Side = 'zh' | 'en';
export type FlowMeasure = 'amount' | 'count';

export interface ChainsState {
  /** The chain shown; '' = the first. */
  chain: string;
  year: number | null;
  tab: 'view' | 'gaps';
}

export const defaultChains: ChainsState = { chain: '', year: null, tab: 'view' };

const CHAIN_ID = /^[a-z][a-z0-9_]*$/;

export function readChains(params: URLSearchParams): ChainsState {
  const chain = params.get('chain') ?? '';
  const year = Number(params.get('year'));
  return {
    chain: CHAIN_ID.test(chain) ? chain : '',
    year: /^\d{4}$/.test(params.get('year') ?? '') && year >= 1949 && year <= 2100 ? year : null,
    tab: params.get('tab') === 'gaps' ? 'gaps' : 'view',
  };
}

/** The URL's parameters, defaults left out. */
export function chainsParams(s: ChainsState): Record<string, string> {
  return { ...(s.chain ? { chain: s.chain } : {}), ...(s.year !== null ? { year: String(s.year) } : {}), ...(s.tab === 'gaps' ? { tab: 'gaps' } : {}) };
}

export const yearQuery = (year: number | null): Record<string, string> => (year === null ? {} : { year: String(year) });

/** The figures the table shows, in order; the qualified enterprises sit right after the enterprises. */
export const tableEntities: readonly ChainEntity[] = chainEntities;

export interface SegmentRow {
  key: string;
  name: string;
  position: SegmentPosition;
  figures: ChainView['segments'][number]['figures'];
}

/** The table: one row per segment, upstream first (the configured order within a position). */
export function segmentRows(view: ChainView, side: Side): SegmentRow[] {
  const rank = (p: SegmentPosition) => segmentPositions.indexOf(p);
  return view.segments
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s.position) - rank(b.s.position) || a.i - b.i)
    .map(({ s }) => ({ key: s.id, name: s.name[side], position: s.position, figures: s.figures }));
}

/**
 * The Sankey of the contracts between segments: only flows down the chain (from an earlier
 * position to a later one) are drawn, since a Sankey has no cycles; the others are counted.
 */
export function sankeyChart(view: ChainView, side: Side, measure: FlowMeasure): { option: SankeyOption; drawn: number; left: number } {
  const position = new Map(view.segments.map((s) => [s.id, segmentPositions.indexOf(s.position)]));
  const name = new Map(view.segments.map((s) => [s.id, s.name[side]]));
  const down = view.flows.filter((f) => position.get(f.from)! < position.get(f.to)!);
  const value = (f: ChainView['flows'][number]) => (measure === 'amount' ? Number(f.amount) : f.count);
  const option: SankeyOption = {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        nodeAlign: 'left',
        emphasis: { focus: 'adjacency' },
        data: view.segments.map((s) => ({ name: name.get(s.id)!, depth: position.get(s.id)! })),
        links: down.map((f) => ({ source: name.get(f.from)!, target: name.get(f.to)!, value: value(f) })),
        lineStyle: { color: 'gradient', opacity: 0.4 },
      },
    ],
  };
  return { option, drawn: down.length, left: view.flows.length - down.length };
}

/** The registry page of a row behind a figure. */
export function recordPath(entity: ChainEntity, id: number): string {
  const base: Record<ChainEntity, string> = {
    enterprises: '/organizations',
    high_tech_enterprises: '/organizations',
    tech_smes: '/organizations',
    little_giants: '/organizations',
    institutions: '/rd-institutions',
    platforms: '/platforms',
    achievements: '/achievements',
    contracts: '/tech-contracts',
    contracts_bought: '/tech-contracts',
    loans: '/ip-loans',
    talent: '/talent-introductions',
  };
  return `${base[entity]}/${id}`;
}

/** A figure's rows link (`/api/v1/chains/…/rows?entity=…`) as the API client's path and query, on one page. */
export function rowsRequest(link: string, page: number, perPage: number): { path: string; query: Record<string, string>; entity: ChainEntity } {
  const url = new URL(link, 'http://x');
  const query = Object.fromEntries(url.searchParams) as Record<string, string>;
  return { path: url.pathname.replace(/^\/api\/v1/, ''), query: { ...query, page: String(page), per_page: String(perPage) }, entity: query.entity as ChainEntity };
}

export interface GapRow {
  key: string;
  rank: number;
  kind: string;
  chain: string;
  segment: string;
  score: number;
  reason: string;
  figures: ChainGaps['results'][number]['figures'];
}

export function gapRows(gaps: ChainGaps, side: Side): GapRow[] {
  return gaps.results.map((g, i) => ({
    key: `${g.kind}:${g.segment.id}`,
    rank: i + 1,
    kind: g.kind_name[side],
    chain: g.chain.name[side],
    segment: g.segment.name[side],
    score: g.score,
    reason: g.reason[side],
    figures: g.figures,
  }));
}

/** A score as a percentage below the city's ratio. */
export const scoreText = (score: number): string => `${Math.round(score * 100)}%`;
