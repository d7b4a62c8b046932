import type { Queryable } from '../../db/client.js';
import type { EvidenceRow, MatchCandidate } from '../../domain/matching.js';
import { indexProfiles, type ShortlistIndex } from '../../domain/matchingShortlist.js';
import { VersionedValue } from '../shared/versionedValue.js';
import { enterprises, heldQualifications, institutions, platforms, registeredContracts, transfers, type ContractRow, type EnterpriseRow, type HostedRow, type TransferRow } from './queries.js';

/** The tables matching's facts are read from: a write to any of them rebuilds the facts on the next question. */
export const MATCHING_TABLES = ['organizations', 'rd_institutions', 'platforms', 'tech_contracts', 'transfers', 'qualifications'] as const;

/** Technology field → the rows behind it. */
export type FieldRows = ReadonlyMap<string, readonly EvidenceRow[]>;

/** What registered contracts tell matching; counted only for a caller who reads contracts city-wide. */
export interface ContractFacts {
  fieldOf: ReadonlyMap<number, string | null>;
  /** Each buyer's fields, and each seller's. */
  bought: ReadonlyMap<number, FieldRows>;
  sold: ReadonlyMap<number, FieldRows>;
  /** Each organization's contracts, as seller or buyer, in id order. */
  byOrganization: ReadonlyMap<number, readonly ContractRow[]>;
  /** Each institution's (id) and platform's (−id) transfers, by the fields of their contracts. */
  movedFields: ReadonlyMap<number, FieldRows>;
}

/** Every registry fact matching compares, indexed once per version of its tables and day. */
export interface MatchingFacts {
  enterprises: readonly EnterpriseRow[];
  /** Institutions, then platforms: the candidates of an enterprise's question, in the order they rank on a tie. */
  hosted: readonly Hosted[];
  /** Each enterprise's position in `enterprises`, by id. */
  enterpriseAt: ReadonlyMap<number, number>;
  /** Each institution's and platform's position in `hosted`, by {@link hostedKey}; by host organization. */
  hostedAt: ReadonlyMap<number, number>;
  hostedByHost: ReadonlyMap<number, readonly number[]>;
  /** The capacity qualifications each organization holds on the day. */
  held: ReadonlyMap<number, string[]>;
  contracts: ContractFacts;
  /** Transfers by achievement, by the achievement's owner and by receiver, each in id order. */
  transfersByAchievement: ReadonlyMap<number, readonly TransferRow[]>;
  transfersByOwner: ReadonlyMap<number, readonly TransferRow[]>;
  transfersByReceiver: ReadonlyMap<number, readonly TransferRow[]>;
}

/** An institution or a platform, a candidate of an enterprise's question. */
export interface Hosted {
  kind: 'rd_institution' | 'platform';
  row: HostedRow;
}

/** What a caller who may not read contracts city-wide is compared on: no contract at all. */
export const NO_CONTRACTS: ContractFacts = { fieldOf: new Map(), bought: new Map(), sold: new Map(), byOrganization: new Map(), movedFields: new Map() };

export const contractRow = (c: ContractRow): EvidenceRow => ({ kind: 'tech_contract', id: c.id });
export const transferRow = (t: TransferRow): EvidenceRow => ({ kind: 'transfer', id: t.id });

/** An institution's key among institutions and platforms: its id, a platform's the negated id. */
export const hostedKey = (kind: MatchCandidate['kind'], id: number): number => (kind === 'platform' ? -id : id);

/** Appends to the list of a key. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addField(map: Map<number, Map<string, EvidenceRow[]>>, key: number, field: string | null | undefined, row: EvidenceRow): void {
  if (field === null || field === undefined) return;
  let fields = map.get(key);
  if (!fields) map.set(key, (fields = new Map()));
  push(fields, field, row);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) push(out, key(r), r);
  return out;
}

/** Contracts and transfers (both in id order) as the lookups a question needs. */
export function indexContracts(contracts: readonly ContractRow[], moves: readonly TransferRow[]): ContractFacts {
  const fieldOf = new Map(contracts.map((c) => [c.id, c.technology_field]));
  const bought = new Map<number, Map<string, EvidenceRow[]>>();
  const sold = new Map<number, Map<string, EvidenceRow[]>>();
  const byOrganization = new Map<number, ContractRow[]>();
  for (const c of contracts) {
    addField(bought, c.buyer_org_id, c.technology_field, contractRow(c));
    addField(sold, c.seller_org_id, c.technology_field, contractRow(c));
    push(byOrganization, c.seller_org_id, c);
    if (c.buyer_org_id !== c.seller_org_id) push(byOrganization, c.buyer_org_id, c);
  }
  const movedFields = new Map<number, Map<string, EvidenceRow[]>>();
  for (const t of moves) {
    const by = t.rd_institution_id !== null ? hostedKey('rd_institution', t.rd_institution_id) : t.platform_id !== null ? hostedKey('platform', t.platform_id) : 0;
    if (by !== 0 && t.tech_contract_id !== null) addField(movedFields, by, fieldOf.get(t.tech_contract_id), transferRow(t));
  }
  return { fieldOf, bought, sold, byOrganization, movedFields };
}

/** Bulk reads (a statement per table), then the lookups: a question reads none of these rows again. */
export async function loadMatchingFacts(db: Queryable, today: string, capacityQualifications: readonly string[]): Promise<MatchingFacts> {
  const [firms, labs, stations, contracts, moves, held] = await Promise.all([
    enterprises(db),
    institutions(db),
    platforms(db),
    registeredContracts(db),
    transfers(db),
    heldQualifications(db, today, capacityQualifications),
  ]);
  const hosted: Hosted[] = [...labs.map((row) => ({ kind: 'rd_institution' as const, row })), ...stations.map((row) => ({ kind: 'platform' as const, row }))];
  return {
    enterprises: firms,
    hosted,
    enterpriseAt: new Map(firms.map((f, i) => [f.id, i])),
    hostedAt: new Map(hosted.map((h, i) => [hostedKey(h.kind, h.row.id), i])),
    hostedByHost: groupBy(hosted.map((_, i) => i), (i) => hosted[i]!.row.host_org_id),
    held,
    contracts: indexContracts(contracts, moves),
    transfersByAchievement: groupBy(moves, (t) => t.achievement_id),
    transfersByOwner: groupBy(moves, (t) => t.owner_org_id),
    transfersByReceiver: groupBy(moves, (t) => t.receiver_org_id),
  };
}

/** Matching's facts of one database, rebuilt when its tables change or the day does (see {@link VersionedValue}). */
export class MatchingFactsStore {
  private readonly value: VersionedValue<MatchingFacts>;

  constructor(db: Queryable, capacityQualifications: readonly string[]) {
    this.value = new VersionedValue(db, MATCHING_TABLES, (_version, today) => loadMatchingFacts(db, today, capacityQualifications));
  }

  facts(today: string): Promise<MatchingFacts> {
    return this.value.get(today);
  }
}

/** The chain index's segments of organizations, institutions and platforms (`segmentMembership`). */
export interface Segments {
  organizations: ReadonlyMap<number, readonly string[]>;
  institutions: ReadonlyMap<number, readonly string[]>;
  platforms: ReadonlyMap<number, readonly string[]>;
}

/** The shortlist lookups of each question's candidates: enterprises, and institutions with platforms (`hosted`). */
export interface CandidateIndexes {
  enterprises: ShortlistIndex;
  hosted: ShortlistIndex;
}

/** One shared empty list for the many candidates without segments, fields or qualifications. */
const NONE: readonly string[] = [];
/** The fields of one or two field maps, sorted; most enterprises have none (no list is made for them). */
function fieldsIn(a: FieldRows | undefined, b?: FieldRows): readonly string[] {
  if (!a && !b) return NONE;
  return [...new Set([...(a?.keys() ?? []), ...(b?.keys() ?? [])])].sort();
}

/** The candidates' profiles (see `src/domain/matchingShortlist.ts`) with the segments of one chain index. */
function buildCandidateIndexes(facts: MatchingFacts, segments: Segments): CandidateIndexes {
  const { bought, sold, movedFields } = facts.contracts;
  const enterprises = indexProfiles(facts.enterprises.length, (i) => {
    const f = facts.enterprises[i]!;
    return { segments: segments.organizations.get(f.id) ?? NONE, fields: fieldsIn(bought.get(f.id)), class: `${f.district_code}|${(facts.held.get(f.id) ?? NONE).join(',')}` };
  });
  const hosted = indexProfiles(facts.hosted.length, (i) => {
    const { kind, row } = facts.hosted[i]!;
    const ofKind = kind === 'platform' ? segments.platforms : segments.institutions;
    return { segments: ofKind.get(row.id) ?? NONE, fields: fieldsIn(sold.get(row.host_org_id), movedFields.get(hostedKey(kind, row.id))), class: `${kind}|${row.district_code}` };
  });
  return { enterprises, hosted };
}

const builtIndexes = new WeakMap<MatchingFacts, { segments: Segments['organizations']; indexes: CandidateIndexes }>();

/**
 * The shortlist lookups of these facts: built by the first question after the facts or the chain
 * index (the segments, kept current apart from them) changed, then only read.
 */
export function candidateIndexes(facts: MatchingFacts, segments: Segments): CandidateIndexes {
  const built = builtIndexes.get(facts);
  if (built?.segments === segments.organizations) return built.indexes;
  const indexes = buildCandidateIndexes(facts, segments);
  builtIndexes.set(facts, { segments: segments.organizations, indexes });
  return indexes;
}
