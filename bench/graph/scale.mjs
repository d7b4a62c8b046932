// One scale of the Graph500 run, in a process of its own (so its peak RSS is its own): generation,
// kernel 1, kernel 2 from 64 roots single-threaded and over two worker threads, each tree validated.
// Prints one JSON line. Run by bench/graph/run.mjs: node scale.mjs <engineDir> <scale> <seed> <roots>.
import { pathToFileURL } from 'node:url';
import { searchInParallel } from './parallelBfs.mjs';
import { validateBfsTree } from './validate.mjs';

const [engineDir, scaleArg, seedArg, rootsArg] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(`${engineDir}/${file}`).href);
const { buildCsr, bytesPerEdge } = await load('csr.js');
const { bfs } = await load('bfs.js');
const { kroneckerEdges, randomBits } = await load('kronecker.js');
const scale = Number(scaleArg);
const seed = Number(seedArg);
const rootCount = Number(rootsArg);

let t = performance.now();
const edges = kroneckerEdges(scale, seed);
const generateMs = performance.now() - t;

// Kernel 1: the undirected CSR from the edge list; self loops and repeats dropped (the search needs
// neither), on SharedArrayBuffers so the worker threads read the same arrays.
t = performance.now();
const graph = buildCsr(edges.nodeCount, edges.sources, edges.targets, { undirected: true, dropSelfLoops: true, dedupe: true, shared: true });
const constructionMs = performance.now() - t;

const roots = sampleRoots(graph, rootCount, randomBits(seed ^ 0x5eed));
const single = roots.map((root) => timedSearch(root, () => bfs(graph, root, { incoming: graph })));
const parallel = await searchInParallel(graph, roots, (root, tree) => validateBfsTree(edges, root, tree.parent, tree.level));

console.log(
  JSON.stringify({
    scale,
    nodes: edges.nodeCount,
    inputEdges: edges.sources.length,
    directedEdges: graph.targets.length,
    bytesPerEdge: bytesPerEdge(graph),
    generateMs,
    constructionMs,
    roots,
    single,
    parallel,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);

/** `count` distinct random nodes with at least one edge (the specification's search keys). */
function sampleRoots(g, count, bits) {
  const roots = [];
  const picked = new Set();
  for (let tries = 0; roots.length < count && tries < 1000 * count; tries++) {
    const v = Math.floor((bits() / 4294967296) * g.nodeCount);
    if (g.offsets[v + 1] > g.offsets[v] && !picked.has(v)) {
      picked.add(v);
      roots.push(v);
    }
  }
  return roots;
}

/** One timed search (wall and CPU time), then its validation, untimed. */
function timedSearch(root, search) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const tree = search();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const edgesInComponent = validateBfsTree(edges, root, tree.parent, tree.level);
  return { root, ms, cpuMs: (used.user + used.system) / 1000, edgesInComponent, reached: tree.reached };
}
