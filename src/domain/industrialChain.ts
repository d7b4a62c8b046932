import { isIndustryCodePrefix } from './industryCode.js';
import type { Message } from './message.js';
import { validateUscc } from './uscc.js';

/**
 * Industrial chains (产业链) as a city configures them: each chain's segments (环节) from upstream
 * to downstream, the rules that put an organization into a segment, and a hand mapping by credit
 * code that wins over the rules. Loading the file is the caller's job (src/config.ts); this module
 * checks what was loaded and maps records to segments. Pure: no I/O.
 */

export const segmentPositions = ['upstream', 'midstream', 'downstream'] as const;
export type SegmentPosition = (typeof segmentPositions)[number];

export const positionLabels: Readonly<Record<SegmentPosition, Message>> = {
  upstream: { zh: '上游', en: 'Upstream' },
  midstream: { zh: '中游', en: 'Midstream' },
  downstream: { zh: '下游', en: 'Downstream' },
};

/**
 * One way into a segment. Every clause it has must hold: a keyword in the name (Chinese or
 * English, case-insensitive), a technology field of a contract the organization sold, its kind,
 * a qualification it holds now, its industry code (GB/T 4754) starting with a prefix given. A
 * segment takes an organization any of its rules takes.
 */
export interface SegmentRule {
  keywords?: string[];
  /** GB/T 4754-2017 sections, divisions, groups or classes (C, C35, C351, C3514): the organization's code starts with one. */
  industryCodes?: string[];
  technologyFields?: string[];
  kinds?: string[];
  qualifications?: string[];
}

export interface ChainSegment {
  /** Unique across all chains: a hand mapping names segments alone. */
  id: string;
  name: Message;
  position: SegmentPosition;
  /** Segments of the same chain this one supplies (the chain's order; no cycles). */
  feeds: string[];
  rules: SegmentRule[];
}

export interface IndustrialChain {
  id: string;
  name: Message;
  segments: ChainSegment[];
}

export interface HandMapping {
  uscc: string;
  segments: string[];
  note?: string;
}

export interface IndustrialChains {
  chains: IndustrialChain[];
  handMapping: HandMapping[];
}

/** The codes a rule may name, from the running configuration. */
export interface KnownCodes {
  technologyFields: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
  qualifications: ReadonlySet<string>;
}

/** Every problem of a shape-checked configuration, each naming where it is; empty when it is sound. */
export function industrialChainProblems(config: IndustrialChains, known: KnownCodes): string[] {
  const problems: string[] = [];
  const chainOf = segmentChains(config, problems);
  config.chains.forEach((chain, c) => {
    if (chain.segments.length === 0) problems.push(`chains[${c}] (${chain.id}): has no segments`);
    chain.segments.forEach((segment, s) => {
      const at = `chains[${c}].segments[${s}] (${segment.id})`;
      for (const target of segment.feeds) {
        if (!chainOf.has(target)) problems.push(`${at}.feeds: unknown segment "${target}"`);
        else if (chainOf.get(target) !== chain.id) problems.push(`${at}.feeds: "${target}" is a segment of another chain`);
      }
      segment.rules.forEach((rule, r) => problems.push(...ruleProblems(rule, `${at}.rules[${r}]`, known)));
    });
    const cycle = feedCycle(chain);
    if (cycle) problems.push(`chains[${c}] (${chain.id}): the segments feed each other in a cycle: ${cycle.join(' → ')}`);
  });
  problems.push(...handMappingProblems(config.handMapping, chainOf));
  return problems;
}

/** Segment id → its chain's id; duplicate chain or segment ids are problems. */
function segmentChains(config: IndustrialChains, problems: string[]): Map<string, string> {
  const chainOf = new Map<string, string>();
  const chainIds = new Set<string>();
  for (const chain of config.chains) {
    if (chainIds.has(chain.id)) problems.push(`chains: the id "${chain.id}" is used twice`);
    chainIds.add(chain.id);
    for (const segment of chain.segments) {
      if (chainOf.has(segment.id)) problems.push(`chains: the segment id "${segment.id}" is used twice`);
      else chainOf.set(segment.id, chain.id);
    }
  }
  return chainOf;
}

function ruleProblems(rule: SegmentRule, at: string, known: KnownCodes): string[] {
  const problems: string[] = [];
  const clauses = [rule.keywords, rule.industryCodes, rule.technologyFields, rule.kinds, rule.qualifications].filter((c) => c !== undefined);
  if (clauses.length === 0) problems.push(`${at}: a rule needs keywords, industryCodes, technologyFields, kinds or qualifications`);
  if (clauses.some((c) => c.length === 0)) problems.push(`${at}: an empty list matches nothing; leave the clause out`);
  for (const k of rule.keywords ?? []) if (k.trim() === '') problems.push(`${at}.keywords: an empty keyword`);
  for (const c of rule.industryCodes ?? [])
    if (!isIndustryCodePrefix(c)) problems.push(`${at}.industryCodes: "${c}" is not a GB/T 4754-2017 section, division, group or class (a letter A–T, then 2 to 4 digits of a division of that section, e.g. C35 or C3514)`);
  const unknown = (list: string[] | undefined, codes: ReadonlySet<string>, what: string) => {
    for (const code of list ?? []) if (!codes.has(code)) problems.push(`${at}.${what}: unknown code "${code}"`);
  };
  unknown(rule.technologyFields, known.technologyFields, 'technologyFields');
  unknown(rule.kinds, known.kinds, 'kinds');
  unknown(rule.qualifications, known.qualifications, 'qualifications');
  return problems;
}

function handMappingProblems(mapping: readonly HandMapping[], chainOf: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  mapping.forEach((entry, i) => {
    const at = `handMapping[${i}] (${entry.uscc})`;
    if (validateUscc(entry.uscc).violations.length > 0) problems.push(`${at}: not a valid unified social credit code`);
    if (seen.has(entry.uscc)) problems.push(`${at}: the organization is mapped twice`);
    seen.add(entry.uscc);
    for (const id of entry.segments) if (!chainOf.has(id)) problems.push(`${at}: unknown segment "${id}"`);
  });
  return problems;
}

/** A cycle of `feeds` within a chain, as the path that closes it, or null. */
export function feedCycle(chain: IndustrialChain): string[] | null {
  const next = new Map(chain.segments.map((s) => [s.id, s.feeds]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done' || !next.has(id)) return null;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const to of next.get(id)!) {
      const cycle = visit(to);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const s of chain.segments) {
    const cycle = visit(s.id);
    if (cycle) return cycle;
  }
  return null;
}

/** What the rules read of an organization (or of an institution, platform or achievement: its name only). */
export interface MappedFacts {
  name: string;
  nameEn?: string | null;
  kind?: string | null;
  /** Its GB/T 4754 class (C3514), when the registry knows it. */
  industryCode?: string | null;
  qualifications?: readonly string[];
  technologyFields?: readonly string[];
}

/**
 * Finds every keyword in a text in one pass (Aho–Corasick): the cost is the text's length, not the
 * number of keywords, and overlapping keywords ("锂电", "锂电池") are all found. It reads UTF-16
 * code units (the same matches as characters in well-formed text): a number per step, and at the
 * root — where most of a name is read — one array read, not a map lookup (the chain index maps
 * every organization's name: millions at 100× the demo).
 */
export class KeywordMatcher {
  /** The trie's edges: the child of `node` by code unit `u` under the key node × 0x10000 + u. */
  private readonly edges = new Map<number, number>();
  /** The state after reading each code unit at the root (0: no keyword starts with it). */
  private readonly fromRoot = new Int32Array(0x10000);
  private readonly children: number[][] = [[]];
  private readonly out: number[][] = [[]];
  private fail = new Int32Array(1);

  constructor(keywords: readonly string[]) {
    keywords.forEach((k, i) => this.insert(k.toLowerCase(), i));
    this.link();
  }

  private insert(word: string, index: number): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const unit = word.charCodeAt(i);
      let to = this.edges.get(node * 0x10000 + unit);
      if (to === undefined) {
        to = this.out.push([]) - 1;
        this.children.push([]);
        this.children[node]!.push(unit);
        this.edges.set(node * 0x10000 + unit, to);
        if (node === 0) this.fromRoot[unit] = to;
      }
      node = to;
    }
    this.out[node]!.push(index);
  }

  /** Breadth-first: each node's failure link is the longest proper suffix that is also a prefix. */
  private link(): void {
    this.fail = new Int32Array(this.out.length);
    const queue = this.children[0]!.map((unit) => this.fromRoot[unit]!);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const unit of this.children[node]!) {
        const child = this.edges.get(node * 0x10000 + unit)!;
        this.fail[child] = this.next(this.fail[node]!, unit);
        this.out[child]!.push(...this.out[this.fail[child]!]!);
        queue.push(child);
      }
    }
  }

  /** The state after reading `unit` in state `node`, following failure links. */
  private next(node: number, unit: number): number {
    for (;;) {
      if (node === 0) return this.fromRoot[unit]!;
      const to = this.edges.get(node * 0x10000 + unit);
      if (to !== undefined) return to;
      node = this.fail[node]!;
    }
  }

  /** Indices of the keywords found in the text, each once. */
  find(text: string, into: Set<number> = new Set()): Set<number> {
    const lower = text.toLowerCase();
    let node = 0;
    for (let i = 0; i < lower.length; i++) {
      node = this.next(node, lower.charCodeAt(i));
      const found = this.out[node]!;
      for (let j = 0; j < found.length; j++) into.add(found[j]!);
    }
    return into;
  }
}

interface CompiledRule {
  segment: string;
  /** Indices into the matcher's keywords; null = no keyword clause. */
  keywords: number[] | null;
  industryCodes: readonly string[] | null;
  technologyFields: ReadonlySet<string> | null;
  kinds: ReadonlySet<string> | null;
  qualifications: ReadonlySet<string> | null;
}

/** The rules and hand mapping compiled once; `segmentsOf` then maps one record at a time. */
export interface SegmentMapper {
  /** The segments the rules give these facts, in configuration order. */
  byRules(facts: MappedFacts): string[];
  /** The hand mapping of a credit code, or undefined when it has none. */
  byHand(uscc: string): readonly string[] | undefined;
  /** An organization's segments: its hand mapping when it has one, else the rules'. */
  organization(uscc: string, facts: MappedFacts): readonly string[];
}

export function compileSegmentMapper(config: IndustrialChains): SegmentMapper {
  const keywords: string[] = [];
  const keywordIndex = new Map<string, number>();
  const indexOf = (k: string) => {
    const key = k.toLowerCase();
    if (!keywordIndex.has(key)) keywordIndex.set(key, keywords.push(key) - 1);
    return keywordIndex.get(key)!;
  };
  const set = (list: string[] | undefined) => (list ? new Set(list) : null);
  const rules: CompiledRule[] = config.chains.flatMap((chain) =>
    chain.segments.flatMap((segment) =>
      segment.rules.map((r) => ({ segment: segment.id, keywords: r.keywords ? r.keywords.map(indexOf) : null, industryCodes: r.industryCodes ?? null, technologyFields: set(r.technologyFields), kinds: set(r.kinds), qualifications: set(r.qualifications) })),
    ),
  );
  const matcher = new KeywordMatcher(keywords);
  const hand = new Map(config.handMapping.map((h) => [h.uscc, h.segments]));
  const holds = (wanted: ReadonlySet<string> | null, have: readonly string[] | undefined) => wanted === null || (have ?? []).some((h) => wanted.has(h));

  const byRules = (facts: MappedFacts): string[] => {
    const found = matcher.find(facts.name);
    if (facts.nameEn) matcher.find(facts.nameEn, found);
    const out: string[] = [];
    for (const r of rules) {
      if (out.includes(r.segment)) continue;
      if (r.keywords !== null && !r.keywords.some((k) => found.has(k))) continue;
      if (r.industryCodes !== null && !r.industryCodes.some((prefix) => facts.industryCode?.startsWith(prefix))) continue;
      if (r.kinds !== null && !(facts.kind != null && r.kinds.has(facts.kind))) continue;
      if (!holds(r.technologyFields, facts.technologyFields) || !holds(r.qualifications, facts.qualifications)) continue;
      out.push(r.segment);
    }
    return out;
  };
  return { byRules, byHand: (uscc) => hand.get(uscc), organization: (uscc, facts) => hand.get(uscc) ?? byRules(facts) };
}

/** Where a segment is: its chain and itself. */
export interface SegmentPlace {
  chain: IndustrialChain;
  segment: ChainSegment;
}

export function segmentIndex(config: IndustrialChains): Map<string, SegmentPlace> {
  return new Map(config.chains.flatMap((chain) => chain.segments.map((segment) => [segment.id, { chain, segment }] as const)));
}
