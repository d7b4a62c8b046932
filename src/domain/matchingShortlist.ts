/**
 * The shortlist of matching (issue 15): which candidates a question scores, found through lookups
 * kept with the registry's facts instead of a pass over every enterprise of the city.
 *
 * A candidate's score is made of what it shares with the subject (segments, technology fields), of
 * its class (district, qualifications, kind: the same for every subject of a district) and of its
 * dealings and hops with the subject. Candidates alike in the first two — one *profile* — score the
 * same unless they dealt with the subject or are near it, and those score more, never less. So of a
 * profile only the first `limit` (in list order, which breaks ties) can rank, however many it has;
 * of a profile sharing nothing with the subject the class alone scores, so the first `limit` of the
 * class stand for it; and of the candidates near the subject but never dealt with, those of one
 * profile and one hop count score alike too. A question then walks the profiles sharing a segment
 * or field with the subject, the head of each class and the candidates near it — never the whole
 * list (around a hub of the graph, "near" may be many: only a few of each profile and hop count are
 * scored).
 */

/** What of a candidate scores the same for every candidate alike in it. */
export interface Profile {
  segments: readonly string[];
  fields: readonly string[];
  /** District, qualifications, kind — whatever scores apart from segments, fields, dealings and hops. */
  class: string;
}

export interface ShortlistIndex {
  /** Each profile's candidates: positions in the candidates' list, ascending. */
  members: readonly (readonly number[])[];
  /** Each position's profile. */
  profileOf: Int32Array;
  /** Segment → the profiles in it; field → the profiles with it. */
  bySegment: ReadonlyMap<string, readonly number[]>;
  byField: ReadonlyMap<string, readonly number[]>;
  /** Each class's candidates, ascending. */
  classes: readonly (readonly number[])[];
}

/** The profiles and classes of `count` candidates (position 0 first). Built once per version of the registry. */
export function indexProfiles(count: number, describe: (position: number) => Profile): ShortlistIndex {
  const profiles = new Map<string, number>();
  const members: number[][] = [];
  const bySegment = new Map<string, number[]>();
  const byField = new Map<string, number[]>();
  const classes = new Map<string, number[]>();
  const profileOf = new Int32Array(count);
  for (let position = 0; position < count; position++) {
    const p = describe(position);
    append(classes, p.class, position);
    // Most candidates share nothing but their class: their key is the class alone (no other key is without \u0000).
    const key = p.segments.length + p.fields.length === 0 ? p.class : `${p.class}\u0000${p.segments.join('\u0001')}\u0000${p.fields.join('\u0001')}`;
    let n = profiles.get(key);
    if (n === undefined) {
      profiles.set(key, (n = members.length));
      members.push([]);
      for (const s of new Set(p.segments)) append(bySegment, s, n);
      for (const f of new Set(p.fields)) append(byField, f, n);
    }
    members[n]!.push(position);
    profileOf[position] = n;
  }
  return { members, profileOf, bySegment, byField, classes: [...classes.values()] };
}

function append<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The candidates near a subject: those it dealt with, and those close in the graph (positions, with their hops alongside). */
export interface Near {
  dealt: ReadonlySet<number>;
  positions: ArrayLike<number>;
  hops: ArrayLike<number>;
}

/**
 * The positions worth scoring for a subject, ascending: every one it `dealt` with, the first `limit`
 * of each profile sharing a segment or field with it, of each class, and of each profile and hop
 * count among those close to it, `excluded` ones (the subject's own) left out; with the hops of every
 * shortlisted one that is close. Ranking these gives the ranking of the whole list.
 */
export function shortlistOf(index: ShortlistIndex, subject: { segments: readonly string[]; fields: readonly string[] }, limit: number, near: Near, excluded: (position: number) => boolean): { positions: number[]; hops: Map<number, number> } {
  const out = new Set<number>();
  for (const position of near.dealt) if (!excluded(position)) out.add(position);
  const takeHead = (positions: readonly number[]) => {
    let taken = 0;
    for (let i = 0; i < positions.length && taken < limit; i++) {
      if (excluded(positions[i]!)) continue;
      out.add(positions[i]!);
      taken++;
    }
  };
  const sharing = new Set<number>();
  for (const s of subject.segments) for (const n of index.bySegment.get(s) ?? []) sharing.add(n);
  for (const f of subject.fields) for (const n of index.byField.get(f) ?? []) sharing.add(n);
  for (const n of sharing) takeHead(index.members[n]!);
  for (const positions of index.classes) takeHead(positions);
  const hops = addClose(index, limit, near, excluded, out);
  return { positions: [...out].sort((a, b) => a - b), hops };
}

/**
 * Adds to `out`, in list order, the first `limit` of each profile and hop count among the candidates
 * close to the subject (one already in `out` counts in its group: it scores no less); returns the
 * hops of every close one in `out`.
 */
function addClose(index: ShortlistIndex, limit: number, near: Near, excluded: (position: number) => boolean, out: Set<number>): Map<number, number> {
  let span = 1;
  for (let i = 0; i < near.hops.length; i++) span = Math.max(span, near.hops[i]! + 1);
  // Position and hops as one number, so one typed sort puts them in list order.
  const order = new Float64Array(near.positions.length);
  for (let i = 0; i < order.length; i++) order[i] = near.positions[i]! * span + near.hops[i]!;
  order.sort();
  const taken = new Map<number, number>();
  const hops = new Map<number, number>();
  for (const code of order) {
    const position = Math.floor(code / span);
    const h = code - position * span;
    if (excluded(position)) continue;
    const group = index.profileOf[position]! * span + h;
    const n = taken.get(group) ?? 0;
    if (n >= limit && !out.has(position)) continue;
    taken.set(group, n + 1);
    out.add(position);
    hops.set(position, h);
  }
  return hops;
}
