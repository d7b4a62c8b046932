import type { Queryable } from '../../db/client.js';
import { nodeKinds, type NodeKind } from '../../domain/innovationGraph.js';
import type { Message } from '../../domain/message.js';
import { citywide, reachOf } from '../../domain/permissions.js';
import type { Principal } from '../shared/principal.js';
import { recordsInArea } from './queries.js';
import type { InnovationGraph } from './store.js';

/**
 * What an officer limited to districts or zones sees of the graph (docs/security.md): the records
 * of its area and their direct relations. A question follows only edges with an end in the area,
 * a node outside it shows its kind but not its name, and an edge to such a node no amount.
 */
export interface AreaScope {
  /** The area, as the graph's memo keys its answers. */
  key: string;
  /** By node number: 1 for a node inside the area. */
  inside: Uint8Array;
}

/** The caller's area over this graph, or null when it reads the whole city. Computed once per version and area. */
export async function areaScope(db: Queryable, graph: InnovationGraph, p: Principal): Promise<AreaScope | null> {
  if (reachOf(p, 'achievements.read') === 'all' || citywide(p)) return null;
  const districts = [...p.districts].sort();
  const zones = [...p.zones].sort();
  const key = `area:${districts.join(',')}|${zones.join(',')}`;
  const known = graph.memo.get(key) as AreaScope | undefined;
  if (known) return known;
  const inside = new Uint8Array(graph.nodes.count);
  const ids = await recordsInArea(db, districts, zones);
  for (const [kind, list] of Object.entries(ids) as [NodeKind, Int32Array][])
    for (const id of list) {
      const n = graph.nodes.nodeOf(kind, id);
      if (n >= 0) inside[n] = 1;
    }
  // A zone node is inside the area of an officer of that zone.
  for (const z of zones) {
    const n = graph.nodes.nodeOf('zone', graph.zones.indexOf(z) + 1);
    if (n >= 0) inside[n] = 1;
  }
  const scope = { key, inside };
  graph.memo.set(key, scope);
  return scope;
}

/** The name shown for a node outside the caller's area: its kind only. */
export const maskedName = (kind: NodeKind): Message => ({ zh: `辖区外${nodeKinds[kind].zh}`, en: `${nodeKinds[kind].en} outside your area` });
