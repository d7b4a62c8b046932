import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../config.js';
import type { MatchList } from '../../contracts/matching.js';
import { districtName } from '../../domain/district.js';
import type { IndustrialChains } from '../../domain/industrialChain.js';
import { typeMask, type NodeKind } from '../../domain/innovationGraph.js';
import { matchReasons, maxScore, parseMatchingConfig, rankMatches, type EvidenceRow, type Match, type MatchCandidate, type MatchingConfig, type MatchLabels, type MatchSubject } from '../../domain/matching.js';
import { shortlistOf } from '../../domain/matchingShortlist.js';
import type { Message } from '../../domain/message.js';
import { qualificationTypeCodes, qualificationTypes, type QualificationType } from '../../domain/qualification.js';
import { segmentMembership } from '../industrialChains/service.js';
import { visibleMask } from '../innovationGraph/service.js';
import type { InnovationGraph, InnovationGraphStore } from '../innovationGraph/store.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError, notFound } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { marketCodes } from '../techContracts/codes.js';
import { candidateIndexes, contractRow, hostedKey, NO_CONTRACTS, push, transferRow, type ContractFacts, type FieldRows, type Hosted, type MatchingFacts, type MatchingFactsStore } from './facts.js';
import { proximity, type Nearby } from './proximity.js';
import { achievementById, organizationById, organizationsByIds } from './queries.js';

/** What matching runs on: the module context, the city's chains (the segments), its weights and the shared graph. */
export interface MatchingContext extends ServiceContext {
  chains: IndustrialChains;
  config: MatchingConfig;
  graphs: InnovationGraphStore;
  facts: MatchingFactsStore;
}

/** config/matching.json, checked: a start-up error names every problem. */
export function loadMatchingConfig(file = join(packageRoot, 'config', 'matching.json')): MatchingConfig {
  const parsed = parseMatchingConfig(JSON.parse(readFileSync(file, 'utf8')), new Set(qualificationTypeCodes));
  if ('problems' in parsed) throw new Error(`${file}: ${parsed.problems.length} problem(s):\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`);
  return parsed;
}

const nameOf = (row: { name: string; name_en: string | null }): Message => ({ zh: row.name, en: row.name_en ?? row.name });

/** What a candidate without that fact gets: one shared empty list or map. */
const NONE: readonly never[] = [];
const NO_FIELDS: FieldRows = new Map();

const joined = <T>(a: readonly T[], b: readonly T[]): readonly T[] => (a.length === 0 ? b : b.length === 0 ? a : [...a, ...b]);

/** Two field maps as one (the host's sold contracts and the institution's own transfers). */
function mergeFields(a: FieldRows | undefined, b: FieldRows | undefined): FieldRows {
  if (!a || !b) return a ?? b ?? NO_FIELDS;
  const out = new Map<string, EvidenceRow[]>();
  for (const m of [a, b]) for (const [f, rows] of m ?? []) out.set(f, [...(out.get(f) ?? []), ...rows]);
  return out;
}

/** The rows of some keys' lists, each once, in id order (as one pass over the whole table would meet them). */
function rowsOf<R extends { id: number }>(map: ReadonlyMap<number, readonly R[]>, keys: Iterable<number>): R[] {
  const byId = new Map<number, R>();
  for (const k of keys) for (const r of map.get(k) ?? []) byId.set(r.id, r);
  return [...byId.values()].sort((x, y) => x.id - y.id);
}

function labelsOf(ctx: MatchingContext): MatchLabels {
  const segments = new Map(ctx.chains.chains.flatMap((c) => c.segments.map((s) => [s.id, s.name] as const)));
  const fields = marketCodes().market.technologyFields;
  const plain = (code: string): Message => ({ zh: code, en: code });
  return {
    segment: (id) => segments.get(id) ?? plain(id),
    field: (code) => fields[code] ?? plain(code),
    district: (code) => districtName(ctx.city, code) ?? plain(code),
    qualification: (code) => qualificationTypes[code as QualificationType] ?? plain(code),
  };
}

/** Contracts count only for a caller who reads them city-wide, as the graph shows their edges only to such a caller. */
const contractsFor = (facts: MatchingFacts, p: Principal): ContractFacts => ((visibleMask(p) & typeMask(['contract'])) !== 0 ? facts.contracts : NO_CONTRACTS);

/** The relations the caller sees, as an edge test over the graph's edge ids. */
function seenEdges(graph: InnovationGraph, p: Principal): (e: number) => boolean {
  const mask = visibleMask(p);
  const { types } = graph.edges;
  return (e) => (mask & (1 << types[e]!)) !== 0;
}

/** The positions of the keys that have one (an organization that is no enterprise has none among enterprises). */
function positionsOf(at: ReadonlyMap<number, number>, keys: readonly number[]): number[] {
  const out: number[] = [];
  for (const k of keys) {
    const i = at.get(k);
    if (i !== undefined) out.push(i);
  }
  return out;
}

const segmentsOf = (map: ReadonlyMap<number, readonly string[]>, id: number | null): readonly string[] => (id === null ? NONE : (map.get(id) ?? NONE));

/** Each graph node's position among the facts' enterprises and among their institutions and platforms (−1: none). */
interface NodePositions {
  facts: MatchingFacts;
  enterprises: Int32Array;
  hosted: Int32Array;
}

const nodePositionsOf = new WeakMap<InnovationGraph, NodePositions>();

/** Built on the first question after the graph or the facts changed: a search reaches up to millions of nodes. */
function nodePositions(graph: InnovationGraph, facts: MatchingFacts): NodePositions {
  const kept = nodePositionsOf.get(graph);
  if (kept?.facts === facts) return kept;
  const table = (refs: [NodeKind, readonly number[]][]) => {
    const out = new Int32Array(graph.nodes.count).fill(-1);
    let position = 0;
    for (const [kind, ids] of refs) for (const node of graph.nodes.nodesOf(kind, Int32Array.from(ids))) {
      if (node >= 0) out[node] = position;
      position++;
    }
    return out;
  };
  const hostedOf = (kind: Hosted['kind']) => facts.hosted.filter((h) => h.kind === kind).map((h) => h.row.id);
  const positions = { facts, enterprises: table([['organization', facts.enterprises.map((f) => f.id)]]), hosted: table([['rd_institution', hostedOf('rd_institution')], ['platform', hostedOf('platform')]]) };
  nodePositionsOf.set(graph, positions);
  return positions;
}

/** The close candidates of a search: their positions in `at` (a node's position, −1 for none), with their hops. */
function closeOnes(nearby: Nearby, at: Int32Array): { positions: number[]; hops: number[] } {
  const positions: number[] = [];
  const hops: number[] = [];
  for (let i = 0; i < nearby.nodes.length; i++) {
    const position = at[nearby.nodes[i]!]!;
    if (position < 0) continue;
    positions.push(position);
    hops.push(nearby.hops[i]!);
  }
  return { positions, hops };
}

const nodesOf = (graph: InnovationGraph, refs: [NodeKind, number | null][]) => refs.filter(([, id]) => id !== null).map(([kind, id]) => graph.nodes.nodeOf(kind, id!)).filter((n) => n >= 0);

/** A candidate's record: its names and district. */
type CandidateRow = { name: string; name_en: string | null; district_code: string | null };

/** The list as the API gives it; a candidate whose record is gone (removed since the facts were read) is left out. */
function present(ctx: MatchingContext, subject: MatchList['subject'], reached: number, matches: Match[], rowOf: (m: Match) => CandidateRow | undefined): MatchList {
  return {
    subject,
    max_score: maxScore(ctx.config),
    proximity_hops: reached,
    candidates: matches.flatMap((m) => {
      const row = rowOf(m);
      if (!row) return [];
      return {
        ref: `${m.kind}:${m.id}`,
        kind: m.kind,
        id: m.id,
        name: nameOf(row),
        district_code: row.district_code,
        score: m.score,
        reasons: m.reasons.map((r) => ({ ...r, label: matchReasons[r.code] })),
      };
    }),
  };
}

/**
 * GET /matching/achievements/{id}/enterprises: the registry's enterprises, the achievement's own
 * organizations left out, compared with the achievement: the segments of its organizations,
 * institution and platform; the technology fields of the contracts its organizations sold (and of
 * its transfers' contracts) against those each enterprise bought; contracts and transfers between
 * them; hops from the achievement or its organizations; the district; the firm's capacity.
 */
export async function enterprisesFor(ctx: MatchingContext, achievementId: number, limit: number, p: Principal): Promise<MatchList> {
  const a = await achievementById(ctx.db, achievementId);
  if (!a) throw notFound({ zh: '科技成果', en: 'Achievement' }, achievementId);
  const own = new Set(a.org_ids);
  const [facts, membership, graph] = await Promise.all([ctx.facts.facts(ctx.clock.today()), segmentMembership(ctx, ctx.chains), ctx.graphs.graph()]);
  const contracts = contractsFor(facts, p);
  const subjectFields = new Set<string>();
  const dealings = new Map<number, EvidenceRow[]>();
  for (const c of rowsOf(contracts.byOrganization, own)) {
    if (own.has(c.seller_org_id) && c.technology_field !== null) subjectFields.add(c.technology_field);
    if (own.has(c.seller_org_id)) push(dealings, c.buyer_org_id, contractRow(c));
    else push(dealings, c.seller_org_id, contractRow(c));
  }
  for (const t of facts.transfersByAchievement.get(a.id) ?? []) {
    const field = t.tech_contract_id !== null ? contracts.fieldOf.get(t.tech_contract_id) : undefined;
    if (field) subjectFields.add(field);
  }
  for (const t of rowsOf(facts.transfersByOwner, own)) push(dealings, t.receiver_org_id, transferRow(t));
  const segments = new Set([...a.org_ids.flatMap((o) => segmentsOf(membership.organizations, o)), ...segmentsOf(membership.institutions, a.rd_institution_id), ...segmentsOf(membership.platforms, a.platform_id)]);
  const subject: MatchSubject = { segments: [...segments].sort(), fields: [...subjectFields].sort(), district: a.district_code };
  const sources = nodesOf(graph, [['achievement', a.id], ['rd_institution', a.rd_institution_id], ['platform', a.platform_id], ...a.org_ids.map((o) => ['organization', o] as [NodeKind, number])]);
  const near = proximity(graph.csr, seenEdges(graph, p), sources, ctx.config.maxHops);
  const dealt = new Set(positionsOf(facts.enterpriseAt, [...dealings.keys()]));
  const close = closeOnes(near, nodePositions(graph, facts).enterprises);
  const { positions: worth, hops } = shortlistOf(candidateIndexes(facts, membership).enterprises, subject, limit, { dealt, ...close }, (i) => own.has(facts.enterprises[i]!.id));
  const candidates = worth.map((i): MatchCandidate => {
    const f = facts.enterprises[i]!;
    return {
      kind: 'organization',
      id: f.id,
      segments: membership.organizations.get(f.id) ?? NONE,
      fields: contracts.bought.get(f.id) ?? NO_FIELDS,
      dealings: dealings.get(f.id) ?? NONE,
      hops: hops.get(i) ?? null,
      district: f.district_code,
      qualifications: facts.held.get(f.id) ?? NONE,
    };
  });
  const matches = rankMatches(subject, candidates, ctx.config, labelsOf(ctx), limit);
  const listed = await organizationsByIds(ctx.db, matches.map((m) => m.id));
  return present(ctx, { ref: `achievement:${a.id}`, kind: 'achievement', id: a.id, name: { zh: a.title, en: a.title } }, near.reached, matches, (m) => listed.get(m.id));
}

/**
 * GET /matching/enterprises/{id}/institutions: the R&D institutions and platforms an enterprise may
 * approach (not its own), compared with it: segments; the fields of the contracts their hosts sold
 * and of their transfers against the fields of the enterprise's contracts; contracts with their
 * hosts and transfers from them; hops from the enterprise; the district.
 */
export async function institutionsFor(ctx: MatchingContext, organizationId: number, limit: number, p: Principal): Promise<MatchList> {
  const org = await organizationById(ctx.db, organizationId);
  if (!org) throw notFound({ zh: '主体', en: 'Organization' }, organizationId);
  if (org.kind !== 'enterprise')
    throw new AppError('unprocessable', { zh: '只为企业推荐机构', en: 'Institutions are matched to enterprises only' }, [
      { field: 'id', code: 'matching.not_enterprise', message: { zh: `主体 ${org.id} 不是企业`, en: `Organization ${org.id} is not an enterprise` }, params: { value: org.id, kind: org.kind } },
    ]);
  const [facts, membership, graph] = await Promise.all([ctx.facts.facts(ctx.clock.today()), segmentMembership(ctx, ctx.chains), ctx.graphs.graph()]);
  const contracts = contractsFor(facts, p);
  const subjectFields = new Set<string>();
  const withHost = new Map<number, EvidenceRow[]>();
  for (const c of contracts.byOrganization.get(org.id) ?? []) {
    if (c.technology_field !== null) subjectFields.add(c.technology_field);
    push(withHost, c.buyer_org_id === org.id ? c.seller_org_id : c.buyer_org_id, contractRow(c));
  }
  // Each institution's and platform's transfers to this enterprise.
  const movedHere = new Map<number, EvidenceRow[]>();
  for (const t of facts.transfersByReceiver.get(org.id) ?? []) {
    const by = t.rd_institution_id !== null ? hostedKey('rd_institution', t.rd_institution_id) : t.platform_id !== null ? hostedKey('platform', t.platform_id) : 0;
    if (by !== 0) push(movedHere, by, transferRow(t));
  }
  const near = proximity(graph.csr, seenEdges(graph, p), nodesOf(graph, [['organization', org.id]]), ctx.config.maxHops);
  const candidate = ({ kind, row: h }: Hosted, hops: number | null): MatchCandidate => ({
    kind,
    id: h.id,
    segments: (kind === 'rd_institution' ? membership.institutions : membership.platforms).get(h.id) ?? NONE,
    fields: mergeFields(contracts.sold.get(h.host_org_id), contracts.movedFields.get(hostedKey(kind, h.id))),
    dealings: joined(withHost.get(h.host_org_id) ?? NONE, movedHere.get(hostedKey(kind, h.id)) ?? NONE),
    hops,
    district: h.district_code,
    qualifications: [],
  });
  const subject: MatchSubject = { segments: [...(membership.organizations.get(org.id) ?? [])].sort(), fields: [...subjectFields].sort(), district: org.district_code };
  const dealt = new Set([...[...withHost.keys()].flatMap((host) => facts.hostedByHost.get(host) ?? NONE), ...positionsOf(facts.hostedAt, [...movedHere.keys()])]);
  const close = closeOnes(near, nodePositions(graph, facts).hosted);
  const { positions: worth, hops } = shortlistOf(candidateIndexes(facts, membership).hosted, subject, limit, { dealt, ...close }, (i) => facts.hosted[i]!.row.host_org_id === org.id);
  const matches = rankMatches(subject, worth.map((i) => candidate(facts.hosted[i]!, hops.get(i) ?? null)), ctx.config, labelsOf(ctx), limit);
  return present(ctx, { ref: `organization:${org.id}`, kind: 'organization', id: org.id, name: nameOf(org) }, near.reached, matches, (m) => facts.hosted[facts.hostedAt.get(hostedKey(m.kind, m.id))!]!.row);
}
