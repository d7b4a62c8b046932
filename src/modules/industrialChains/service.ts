import { loadIndustrialChains } from '../../config.js';
import type { ChainEntity, ChainGaps, ChainList, ChainRows, ChainRowsQuery, ChainView } from '../../contracts/industrialChains.js';
import { chainEntities } from '../../contracts/industrialChains.js';
import type { Queryable } from '../../db/client.js';
import { fenToYuan } from '../../domain/analysis/fen.js';
import type { CityConfig } from '../../domain/city.js';
import { rankGaps, type GapFinding, type GapKind, type SegmentFigures } from '../../domain/chainGaps.js';
import { positionLabels, segmentIndex, type IndustrialChain, type IndustrialChains, type SegmentPlace } from '../../domain/industrialChain.js';
import type { Message } from '../../domain/message.js';
import { citywide, reachOf } from '../../domain/permissions.js';
import type { ServiceContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { ChainIndexStore, type ChainIndex, type ChainItem } from './store.js';

/** The chains and their index of one server: the configuration it started with, over its database. */
export interface ChainsContext extends ServiceContext {
  chains: IndustrialChains;
  store: ChainIndexStore;
  places: ReadonlyMap<string, SegmentPlace>;
}

export function chainsContext(ctx: ServiceContext, chains: IndustrialChains): ChainsContext {
  return { ...ctx, chains, store: storeFor(ctx.db, chains), places: segmentIndex(chains) };
}

const stores = new WeakMap<Queryable, Map<IndustrialChains, ChainIndexStore>>();

/** One index per database and configuration, shared by the routes and by other modules' readers. */
function storeFor(db: Queryable, chains: IndustrialChains): ChainIndexStore {
  const byChains = stores.get(db) ?? new Map<IndustrialChains, ChainIndexStore>();
  stores.set(db, byChains);
  const store = byChains.get(chains) ?? new ChainIndexStore(db, chains);
  byChains.set(chains, store);
  return store;
}

const shipped = new Map<string, IndustrialChains>();

/** The city's configured chains (config/industrialChains/<city code>.json), read and checked once per city. */
export function shippedChains(city: CityConfig): IndustrialChains {
  const chains = shipped.get(city.code) ?? loadIndustrialChains(city);
  shipped.set(city.code, chains);
  return chains;
}

/**
 * The segments of every mapped organization, R&D institution and platform (the belongs-to-segment
 * relation): an organization by its hand mapping, else by the rules; an institution or platform by
 * the rules over its own name, else its host's. Unmapped records are absent. Kept current with
 * every write (the index is rebuilt when the registry's tables change). `chains`: the city's
 * configured ones unless given (a test's own).
 */
export async function segmentMembership(ctx: ServiceContext, chains: IndustrialChains = shippedChains(ctx.city)) {
  const index = await storeFor(ctx.db, chains).index(ctx.clock.today());
  return { organizations: index.organizationSegments, institutions: index.institutionSegments, platforms: index.platformSegments };
}

/** Each organization's segment ids (see {@link segmentMembership}). */
export async function organizationSegments(ctx: ServiceContext, chains: IndustrialChains = shippedChains(ctx.city)): Promise<ReadonlyMap<number, readonly string[]>> {
  return (await segmentMembership(ctx, chains)).organizations;
}

/** What the registry holds now: counted whatever year is asked. */
const STOCK: ReadonlySet<ChainEntity> = new Set(['enterprises', 'high_tech_enterprises', 'tech_smes', 'little_giants', 'institutions', 'platforms']);
const WITH_AMOUNT: ReadonlySet<ChainEntity> = new Set(['contracts', 'contracts_bought', 'loans']);

type Keep = (item: ChainItem) => boolean;

/** The caller's area: everything for a city-wide reach, else the records in its districts or zones. */
function reachFilter(ctx: ServiceContext, p: Principal): Keep {
  const reach = reachOf(p, 'chains.read');
  if (reach === 'all' || (reach === 'area' && citywide(p))) return () => true;
  if (reach !== 'area') return () => false;
  const districts = new Set(p.districts);
  const zones = new Set(p.zones);
  return (i) => (i.district_code !== null && districts.has(i.district_code)) || (i.zone !== null && zones.has(i.zone));
}

/** Callers whose {@link reachFilter} keeps the same items share a key. */
function reachKey(p: Principal): string {
  const reach = reachOf(p, 'chains.read');
  if (reach === 'all' || (reach === 'area' && citywide(p))) return 'all';
  if (reach !== 'area') return 'none';
  return `area:${[...p.districts].sort().join(',')}|${[...p.zones].sort().join(',')}`;
}

function keepFor(entity: ChainEntity, year: number | undefined, inReach: Keep): Keep {
  if (year === undefined || STOCK.has(entity)) return inReach;
  return (i) => i.year === year && inReach(i);
}

interface Tally {
  count: number;
  fen: bigint;
}

/** Count and sum of one entity's items in each segment of `wanted`. */
function tally(bySegment: ReadonlyMap<string, readonly ChainItem[]>, wanted: ReadonlySet<string>, keep: Keep): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const s of wanted) {
    const t: Tally = { count: 0, fen: 0n };
    for (const item of bySegment.get(s) ?? []) {
      if (!keep(item)) continue;
      t.count++;
      if (item.fen !== null) t.fen += item.fen;
    }
    out.set(s, t);
  }
  return out;
}

const rowsLink = (chain: string, segment: string, entity: ChainEntity, year: number | undefined) =>
  `/api/v1/chains/${encodeURIComponent(chain)}/segments/${encodeURIComponent(segment)}/rows?entity=${entity}${year === undefined ? '' : `&year=${year}`}`;

function chainOf(ctx: ChainsContext, chainId: string): IndustrialChain {
  const chain = ctx.chains.chains.find((c) => c.id === chainId);
  if (!chain) throw notFound({ zh: '产业链', en: 'Industrial chain' }, chainId);
  return chain;
}

/** Every chain with its size: segments, and the enterprises mapped to any of them. */
export async function listChains(ctx: ChainsContext, principal: Principal): Promise<ChainList> {
  const index = await ctx.store.index(ctx.clock.today());
  const inReach = reachFilter(ctx, principal);
  return {
    results: ctx.chains.chains.map((chain) => {
      const ids = new Set(chain.segments.map((s) => s.id));
      const enterprises = index.items.enterprises.filter((e) => inReach(e) && e.segments.some((s) => ids.has(s))).length;
      return { id: chain.id, name: chain.name, segments: chain.segments.length, enterprises };
    }),
  };
}

/** Every segment's figures and the contract flows between segments, for one area and year. */
interface Figures {
  tallies: ReadonlyMap<ChainEntity, ReadonlyMap<string, Tally>>;
  flows: ChainView['flows'];
}

/** Areas and years whose figures an index keeps: the city's and a few officers' areas, each over a few years. */
const MEMO_ENTRIES = 64;

/**
 * The figures of the caller's area and the year, counted once per index (each count passes over
 * the records of every segment: seconds at a hundred times the demo); the chain view and the gap
 * ranking then read a few numbers.
 */
function figuresFor(ctx: ChainsContext, index: ChainIndex, year: number | undefined, principal: Principal): Figures {
  const key = `${reachKey(principal)}@${year ?? ''}`;
  const known = index.memo.get(key) as Figures | undefined;
  if (known) return known;
  const inReach = reachFilter(ctx, principal);
  const all = new Set(ctx.places.keys());
  const figures: Figures = {
    tallies: new Map(chainEntities.map((e) => [e, tally(index.bySegment[e], all, keepFor(e, year, inReach))])),
    flows: flowsOf(index, all, keepFor('contracts', year, inReach)),
  };
  if (index.memo.size >= MEMO_ENTRIES) index.memo.delete(index.memo.keys().next().value!);
  index.memo.set(key, figures);
  return figures;
}

/** One chain, segment by segment: every figure side by side, each with its rows; and the contract flows between its segments. */
export async function chainView(ctx: ChainsContext, chainId: string, year: number | undefined, principal: Principal): Promise<ChainView> {
  const chain = chainOf(ctx, chainId);
  const index = await ctx.store.index(ctx.clock.today());
  const ids = new Set(chain.segments.map((s) => s.id));
  const { tallies, flows } = figuresFor(ctx, index, year, principal);
  return {
    id: chain.id,
    name: chain.name,
    year: year ?? null,
    segments: chain.segments.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      position_name: positionLabels[s.position],
      feeds: s.feeds,
      figures: Object.fromEntries(
        chainEntities.map((e) => {
          const t = tallies.get(e)!.get(s.id)!;
          return [e, { count: t.count, ...(WITH_AMOUNT.has(e) ? { amount: fenToYuan(t.fen) } : {}), rows: rowsLink(chain.id, s.id, e, year) }];
        }),
      ) as ChainView['segments'][number]['figures'],
    })),
    flows: flows.filter((f) => ids.has(f.from) && ids.has(f.to)),
  };
}

/** Registered contracts from a seller in one segment to a buyer in another of the same chain. */
function flowsOf(index: ChainIndex, ids: ReadonlySet<string>, keep: Keep): ChainView['flows'] {
  const flows = new Map<string, { from: string; to: string; count: number; fen: bigint }>();
  for (const { item, sellerSegments, buyerSegments } of index.contracts) {
    if (!keep(item)) continue;
    for (const from of sellerSegments) {
      if (!ids.has(from)) continue;
      for (const to of buyerSegments) {
        if (!ids.has(to) || to === from) continue;
        const key = `${from}\u0000${to}`;
        const f = flows.get(key) ?? { from, to, count: 0, fen: 0n };
        f.count++;
        f.fen += item.fen ?? 0n;
        flows.set(key, f);
      }
    }
  }
  return [...flows.values()].map((f) => ({ from: f.from, to: f.to, count: f.count, amount: fenToYuan(f.fen) }));
}

const gapNames: Readonly<Record<GapKind, Message>> = {
  rd_support: { zh: '企业多、研发支撑少', en: 'Many firms, little R&D support' },
  research_uptake: { zh: '科研缺少本地产业承接', en: 'Research without local industry to take it up' },
  capital: { zh: '缺少资金（知识产权质押贷款）', en: 'Short of capital (IP-backed loans)' },
};

const entityNames: Readonly<Record<ChainEntity, Message>> = {
  enterprises: { zh: '企业', en: 'Enterprises' },
  high_tech_enterprises: { zh: '高新技术企业', en: 'High-tech enterprises' },
  tech_smes: { zh: '科技型中小企业', en: 'Tech-based SMEs' },
  little_giants: { zh: '专精特新“小巨人”', en: '"Little giants"' },
  institutions: { zh: '研发机构', en: 'R&D institutions' },
  platforms: { zh: '创新平台', en: 'Innovation platforms' },
  achievements: { zh: '科技成果', en: 'Achievements' },
  contracts: { zh: '技术合同（买方或卖方）', en: 'Contracts (buyer or seller)' },
  contracts_bought: { zh: '本地买方合同', en: 'Contracts bought locally' },
  loans: { zh: '知识产权质押贷款', en: 'IP-backed loans' },
  talent: { zh: '引进人才', en: 'Talent introduced' },
};

const gapFigures: Readonly<Record<GapKind, readonly ChainEntity[]>> = {
  rd_support: ['enterprises', 'institutions', 'platforms'],
  research_uptake: ['achievements', 'institutions', 'enterprises', 'contracts_bought'],
  capital: ['enterprises', 'loans'],
};

function reasonOf(f: GapFinding): Message {
  const r = f.ratio.toFixed(1);
  const c = f.reference.toFixed(1);
  if (f.kind === 'rd_support') return { zh: `每百家企业 ${r} 个研发机构和创新平台，各环节合计为 ${c}`, en: `${r} R&D institutions and platforms per 100 firms; all segments together: ${c}` };
  if (f.kind === 'research_uptake')
    return { zh: `每百项科研（成果和研发机构）对应 ${r} 家本地企业或本地买方合同，各环节合计为 ${c}`, en: `${r} local firms or locally bought contracts per 100 research items (achievements and institutions); all segments together: ${c}` };
  return { zh: `每百家企业 ${r} 笔知识产权质押贷款，各环节合计为 ${c}`, en: `${r} IP-backed loans per 100 firms; all segments together: ${c}` };
}

/** The gap ranking over every segment of every chain, each finding with its figures and their rows. */
export async function chainGapRanking(ctx: ChainsContext, year: number | undefined, principal: Principal): Promise<ChainGaps> {
  const index = await ctx.store.index(ctx.clock.today());
  const ids = new Set(ctx.places.keys());
  const { tallies } = figuresFor(ctx, index, year, principal);
  const count = (e: ChainEntity, s: string) => tallies.get(e)!.get(s)!.count;
  const figures: SegmentFigures[] = [...ids].map((s) => ({
    segment: s,
    enterprises: count('enterprises', s),
    institutions: count('institutions', s),
    platforms: count('platforms', s),
    achievements: count('achievements', s),
    contractsBought: count('contracts_bought', s),
    loans: count('loans', s),
  }));
  return {
    year: year ?? null,
    results: rankGaps(figures).map((f) => {
      const { chain, segment } = ctx.places.get(f.segment)!;
      return {
        kind: f.kind,
        kind_name: gapNames[f.kind],
        chain: { id: chain.id, name: chain.name },
        segment: { id: segment.id, name: segment.name, position: segment.position },
        score: f.score,
        ratio: f.ratio,
        reference: f.reference,
        reason: reasonOf(f),
        figures: gapFigures[f.kind].map((e) => ({ entity: e, name: entityNames[e], count: count(e, f.segment), rows: rowsLink(chain.id, segment.id, e, year) })),
      };
    }),
  };
}

/** The rows behind one figure, in id order, a page at a time: exactly the records the figure counts. */
export async function segmentRows(ctx: ChainsContext, chainId: string, segmentId: string, q: ChainRowsQuery, principal: Principal): Promise<ChainRows> {
  const chain = chainOf(ctx, chainId);
  if (!chain.segments.some((s) => s.id === segmentId)) throw notFound({ zh: '产业链环节', en: 'Chain segment' }, `${chainId}/${segmentId}`);
  const index = await ctx.store.index(ctx.clock.today());
  const keep = keepFor(q.entity, q.year, reachFilter(ctx, principal));
  const all = (index.bySegment[q.entity].get(segmentId) ?? []).filter(keep);
  const page = all.slice((q.page - 1) * q.per_page, q.page * q.per_page);
  const orgName = (id: number | null) => (id === null ? null : { id, name: index.organizationNames.get(id) ?? '' });
  return {
    meta: { count: all.length, per_page: q.per_page, page: q.page, next_cursor: null, groups_count: null },
    results: page.map((i) => ({
      id: i.id,
      name: i.name,
      organization: orgName(i.organizationId),
      date: i.date ?? (i.year === null ? null : String(i.year)),
      amount: i.fen === null ? null : fenToYuan(i.fen),
    })),
    group_by: [],
  };
}
