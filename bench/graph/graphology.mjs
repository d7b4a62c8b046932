// graphology on the Graph500 graph of one scale, in a process of its own (it needs ~1.5 GB of heap):
// the same Kronecker edges (same seed) into an undirected simple graph, then graphology-traversal's
// BFS from the given roots, timed as kernel 2 is. Prints one JSON line. Run by bench/graph/run.mjs:
// node --max-old-space-size=4096 graphology.mjs <engineDir> <scale> <seed> <root>…
import { UndirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import { pathToFileURL } from 'node:url';

const [engineDir, scaleArg, seedArg, ...rootArgs] = process.argv.slice(2);
const { kroneckerEdges } = await import(pathToFileURL(`${engineDir}/kronecker.js`).href);
const edges = kroneckerEdges(Number(scaleArg), Number(seedArg));

let t = performance.now();
const graph = new UndirectedGraph();
for (let v = 0; v < edges.nodeCount; v++) graph.addNode(v);
for (let e = 0; e < edges.sources.length; e++) {
  if (edges.sources[e] !== edges.targets[e]) graph.mergeEdge(edges.sources[e], edges.targets[e]);
}
const constructionMs = performance.now() - t;

const searches = rootArgs.map(Number).map((root) => {
  let reached = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  bfsFromNode(graph, root, () => {
    reached++;
  });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { root, ms, cpuMs: (used.user + used.system) / 1000, reached };
});

console.log(JSON.stringify({ constructionMs, searches, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
