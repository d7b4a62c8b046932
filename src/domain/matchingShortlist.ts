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
 * class stand for it. A question then walks the profiles sharing a segment or field with the
 * subject, the head of each class and the candidates near it — never the whole list.
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
  /** Segment → the profiles in it; field → the profiles with it. */
  bySegment: ReadonlyMap<string, readonly number[]>;
  byField: ReadonlyMap<string, readonly number[]>;
  /** Each class's candidates, ascending. */
  classes: readonly (readonly number[])[];
}

/** The profiles and classes of `count` candidates (position 0 first). Built once per version of the registry. */
export function indexProfiles(count: number, profileOf: (position: number) => Profile): ShortlistIndex {
  const profiles = new Map<string, number>();
  const members: number[][] = [];
  const bySegment = new Map<string, number[]>();
  const byField = new Map<string, number[]>();
  const classes = new Map<string, number[]>();
  for (let position = 0; position < count; position++) {
    const p = profileOf(position);
    append(classes, p.class, position);
    const key = `${p.class}\u0000${p.segments.join('\u0001')}\u0000${p.fields.join('\u0001')}`;
    let n = profiles.get(key);
    if (n === undefined) {
      profiles.set(key, (n = members.length));
      members.push([]);
      for (const s of new Set(p.segments)) append(bySegment, s, n);
      for (const f of new Set(p.fields)) append(byField, f, n);
    }
    members[n]!.push(position);
  }
  return { members, bySegment, byField, classes: [...classes.values()] };
}

function append<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The positions worth scoring for a subject, ascending: every `near` one (dealt with it, close in the
 * graph), and the first `limit` of each profile sharing a segment or field with it and of each class,
 * `excluded` ones (the subject's own) left out. Ranking these gives the ranking of the whole list.
 */
export function shortlistOf(index: ShortlistIndex, subject: { segments: readonly string[]; fields: readonly string[] }, limit: number, near: Iterable<number>, excluded: (position: number) => boolean): number[] {
  const out = new Set<number>();
  for (const position of near) if (!excluded(position)) out.add(position);
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
  return [...out].sort((a, b) => a - b);
}
