// Kernel 2's validation, the five checks of the Graph500 specification (§ Validation), over the input
// edge list rather than the CSR, so a fault of kernel 1 cannot hide one of the search. Levels are
// recomputed from the parent array, not taken from the search.

/**
 * Throws naming the first check a BFS tree fails; returns the number of input edges within the
 * root's component (self loops excluded, as the reference code counts), the TEPS numerator.
 */
export function validateBfsTree({ nodeCount, sources, targets }, root, parent, level) {
  const depth = treeDepths(nodeCount, root, parent);
  for (let v = 0; v < nodeCount; v++) {
    if (depth[v] !== level[v]) fail(2, `node ${v}: the search says level ${level[v]}, its parent chain says ${depth[v]}`);
  }
  // hasTreeEdge[v] = an input edge joins v and parent[v] (check 5).
  const hasTreeEdge = new Uint8Array(nodeCount);
  hasTreeEdge[root] = 1;
  let edgesInComponent = 0;
  for (let e = 0; e < sources.length; e++) {
    const u = sources[e];
    const v = targets[e];
    const du = depth[u];
    const dv = depth[v];
    // Check 4: an edge leaving the tree would mean the tree misses part of the component.
    if ((du < 0) !== (dv < 0)) fail(4, `edge ${u}–${v} joins a reached and an unreached node`);
    if (du < 0) continue;
    // Check 3: no input edge spans more than one level.
    if (du - dv > 1 || dv - du > 1) fail(3, `edge ${u}–${v} joins levels ${du} and ${dv}`);
    if (u === v) continue;
    edgesInComponent++;
    // A tree edge joins two levels: only such an input edge can be one.
    if (du === dv) continue;
    if (parent[v] === u) hasTreeEdge[v] = 1;
    else if (parent[u] === v) hasTreeEdge[u] = 1;
  }
  for (let v = 0; v < nodeCount; v++) {
    if (depth[v] >= 0 && hasTreeEdge[v] === 0) fail(5, `tree edge ${parent[v]}–${v} is not an input edge`);
  }
  return edgesInComponent;
}

/**
 * Each node's depth in the parent tree (-1 where unreached). Check 1: the root is its own parent and
 * every chain of parents ends at it (no cycle); check 2: each tree edge spans exactly one level, which
 * holds by construction of these depths and is compared with the search's levels above.
 */
function treeDepths(nodeCount, root, parent) {
  if (parent[root] !== root) fail(1, `the root ${root} is not its own parent`);
  const depth = new Int32Array(nodeCount).fill(-1);
  depth[root] = 0;
  const chain = new Uint32Array(nodeCount);
  const ON_CHAIN = -2;
  for (let v = 0; v < nodeCount; v++) {
    if (parent[v] < 0 || depth[v] >= 0) continue;
    let length = 0;
    let u = v;
    while (depth[u] === -1) {
      if (parent[u] < 0 || parent[u] >= nodeCount) fail(1, `node ${u} on the chain of ${v} has no parent`);
      depth[u] = ON_CHAIN;
      chain[length++] = u;
      u = parent[u];
    }
    if (depth[u] === ON_CHAIN) fail(1, `the parents of ${v} run in a cycle`);
    let d = depth[u];
    while (length > 0) depth[chain[--length]] = ++d;
  }
  return depth;
}

function fail(check, detail) {
  throw new Error(`BFS tree fails Graph500 validation check ${check}: ${detail}`);
}
