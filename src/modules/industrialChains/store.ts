import { chainEntities, type ChainEntity } from '../../contracts/industrialChains.js';
import type { Queryable } from '../../db/client.js';
import { compileSegmentMapper, type IndustrialChains, type SegmentMapper } from '../../domain/industrialChain.js';
import { VersionedValue } from '../shared/versionedValue.js';
import { CHAIN_TABLES, loadChainFacts, type ChainFacts, type HostedFact, type Place } from './queries.js';

/**
 * One record behind a figure, with the segments it counts in. A contract is an item of
 * `contracts` with its seller's and buyer's segments, and of `contracts_bought` with its buyer's.
 */
export interface ChainItem extends Place {
  id: number;
  name: string;
  /** The record's organization (host, owner, seller, borrower); null for an enterprise itself. */
  organizationId: number | null;
  /** The day it happened (YYYY-MM-DD) or its year; null for what the registry holds now. */
  date: string | null;
  year: number | null;
  fen: bigint | null;
  segments: readonly string[];
}

export interface ContractLink {
  item: ChainItem;
  sellerSegments: readonly string[];
  buyerSegments: readonly string[];
}

/** Every record mapped to its segments, as of one version of the tables. */
export interface ChainIndex {
  organizationSegments: ReadonlyMap<number, readonly string[]>;
  institutionSegments: ReadonlyMap<number, readonly string[]>;
  platformSegments: ReadonlyMap<number, readonly string[]>;
  organizationNames: ReadonlyMap<number, string>;
  items: Readonly<Record<ChainEntity, readonly ChainItem[]>>;
  /** Each entity's items by segment, in id order: a figure reads its segment's list only. */
  bySegment: Readonly<Record<ChainEntity, ReadonlyMap<string, readonly ChainItem[]>>>;
  contracts: readonly ContractLink[];
  /** Answers counted once per index (the figures of an area and a year), keyed by question. */
  memo: Map<string, unknown>;
}

const NONE: readonly string[] = [];
const union = (a: readonly string[], b: readonly string[]) => (b.length === 0 ? a : a.length === 0 ? b : [...new Set([...a, ...b])]);
const yearOf = (day: string) => Number(day.slice(0, 4));

/** Every organization's segments: its hand mapping, else the rules over its name, kind, industry code, qualifications and sold fields. */
function mapOrganizations(facts: ChainFacts, mapper: SegmentMapper): Map<number, readonly string[]> {
  const held = facts.qualifications;
  const sold = facts.soldFields;
  const out = new Map<number, readonly string[]>();
  for (const o of facts.organizations) {
    const segments = mapper.organization(o.uscc, { name: o.name, nameEn: o.name_en, kind: o.kind, industryCode: o.industry_code, qualifications: held.get(o.id) ?? NONE, technologyFields: sold.get(o.id) ?? NONE });
    if (segments.length) out.set(o.id, segments);
  }
  return out;
}

/** An institution or platform: by its own name when the rules take it, else its host's segments. */
function mapHosted(rows: readonly HostedFact[], mapper: SegmentMapper, orgs: ReadonlyMap<number, readonly string[]>): Map<number, readonly string[]> {
  const out = new Map<number, readonly string[]>();
  for (const r of rows) {
    const own = mapper.byRules({ name: r.name, nameEn: r.name_en });
    const segments = own.length ? own : (orgs.get(r.host_org_id) ?? NONE);
    if (segments.length) out.set(r.id, segments);
  }
  return out;
}

export function buildChainIndex(facts: ChainFacts, chains: IndustrialChains): ChainIndex {
  const mapper = compileSegmentMapper(chains);
  const orgs = mapOrganizations(facts, mapper);
  const names = new Map(facts.organizations.map((o) => [o.id, o.name]));
  const institutions = mapHosted(facts.institutions, mapper, orgs);
  const platforms = mapHosted(facts.platforms, mapper, orgs);
  const segs = (id: number | null) => (id === null ? NONE : (orgs.get(id) ?? NONE));
  const held = facts.qualifications;
  const enterprises = facts.organizations
    .filter((o) => o.kind === 'enterprise' && orgs.has(o.id))
    .map((o) => ({ item: { id: o.id, name: o.name, organizationId: null, date: null, year: null, fen: null, segments: segs(o.id), district_code: o.district_code, zone: o.zone }, held: held.get(o.id) ?? NONE }));
  const holding = (q: string) => enterprises.filter((e) => e.held.includes(q)).map((e) => e.item);
  const hosted = (rows: readonly HostedFact[], map: ReadonlyMap<number, readonly string[]>) =>
    rows.filter((r) => map.has(r.id)).map((r) => ({ id: r.id, name: r.name, organizationId: r.host_org_id, date: null, year: null, fen: null, segments: map.get(r.id)!, district_code: r.district_code, zone: r.zone }));
  const achievements = facts.achievements.map((a) => {
    const own = mapper.byRules({ name: a.title });
    return { id: a.id, name: a.title, organizationId: a.owner_org_id, date: null, year: a.year, fen: null, segments: own.length ? own : segs(a.owner_org_id), district_code: a.district_code, zone: a.zone };
  });
  const contracts: ContractLink[] = facts.contracts.map((c) => {
    const sellerSegments = segs(c.seller_org_id);
    const buyerSegments = segs(c.buyer_org_id);
    const item = { id: c.id, name: c.title, organizationId: c.seller_org_id, date: c.registered_on, year: yearOf(c.registered_on), fen: BigInt(c.fen), segments: union(sellerSegments, buyerSegments), district_code: c.district_code, zone: c.zone };
    return { item, sellerSegments, buyerSegments };
  });
  const mapped = <T extends { segments: readonly string[] }>(list: T[]) => list.filter((x) => x.segments.length > 0);
  const items: Record<ChainEntity, readonly ChainItem[]> = {
    enterprises: enterprises.map((e) => e.item),
    high_tech_enterprises: holding('high_tech_enterprise'),
    tech_smes: holding('tech_sme'),
    little_giants: holding('little_giant'),
    institutions: hosted(facts.institutions, institutions),
    platforms: hosted(facts.platforms, platforms),
    achievements: mapped(achievements),
    contracts: contracts.map((c) => c.item).filter((i) => i.segments.length > 0),
    contracts_bought: mapped(contracts.map((c) => ({ ...c.item, segments: c.buyerSegments }))),
    loans: mapped(facts.loans.map((l) => ({ id: l.id, name: l.contract_number, organizationId: l.borrower_org_id, date: l.disbursed_on, year: yearOf(l.disbursed_on), fen: BigInt(l.fen), segments: segs(l.borrower_org_id), district_code: l.district_code, zone: l.zone }))),
    talent: mapped(facts.talent.map((t) => ({ id: t.id, name: names.get(t.host_org_id) ?? '', organizationId: t.host_org_id, date: t.introduced_on, year: yearOf(t.introduced_on), fen: null, segments: segs(t.host_org_id), district_code: t.district_code, zone: t.zone }))),
  };
  return {
    organizationSegments: orgs,
    institutionSegments: institutions,
    platformSegments: platforms,
    organizationNames: names,
    contracts: contracts.filter((c) => c.item.segments.length > 0),
    memo: new Map(),
    items,
    bySegment: Object.fromEntries(chainEntities.map((e) => [e, groupBySegment(items[e])])) as Record<ChainEntity, Map<string, ChainItem[]>>,
  };
}

function groupBySegment(items: readonly ChainItem[]): Map<string, ChainItem[]> {
  const out = new Map<string, ChainItem[]>();
  for (const item of items)
    for (const s of item.segments) {
      const list = out.get(s);
      if (list) list.push(item);
      else out.set(s, [item]);
    }
  return out;
}

/**
 * The index of one database, never stale: built again on the first question after a write to its
 * tables or on a new day (qualifications lapse; see {@link VersionedValue}).
 */
export class ChainIndexStore {
  private readonly value: VersionedValue<ChainIndex>;

  constructor(db: Queryable, chains: IndustrialChains) {
    this.value = new VersionedValue(db, CHAIN_TABLES, async (_version, today) => buildChainIndex(await loadChainFacts(db, today), chains));
  }

  index(today: string): Promise<ChainIndex> {
    return this.value.get(today);
  }
}
