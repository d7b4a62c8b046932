// The innovation graph on the demo registry (issue 15): `node bench/graph/demoGraph.mjs` after
// `npm run build:server`. For each scale of BENCH_GRAPH_SCALES ("1,100"), on embedded PGlite: seeds the
// demo at that scale, builds the graph from the database (the first build, then the median of
// BENCH_GRAPH_BUILDS more), then times BENCH_GRAPH_QUERIES neighbourhoods (2 hops, every edge type,
// names read) around random organizations with relations, and as many shortest paths between random
// pairs of them — the service calls the routes make, without HTTP. Prints the figures as a table.
// Goals (issue 15, at 100×): build ≤ 10 s, k-hop median ≤ 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = new URL('../../dist/server/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const SCALES = (process.env.BENCH_GRAPH_SCALES ?? '1,100').split(',').map(Number);
const BUILDS = Number(process.env.BENCH_GRAPH_BUILDS ?? 3);
const QUERIES = Number(process.env.BENCH_GRAPH_QUERIES ?? 50);

const log = (text) => console.log(`[bench:graph] ${text}`);
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
/** Wall-clock and CPU milliseconds of the work (PGlite runs in this process, so its CPU counts: the figure to read on a busy machine). */
const timed = async (work) => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, value };
};

/** A seeded generator, so two runs ask the same questions. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function measure(scale) {
  const [{ loadCity, loadHolidayCalendar }, { appContext }, { openPglite }, { migrate }, { seedDemo }, { buildGraph }, { GRAPH_TABLES }, { tablesVersion }, service, graphModel] = await Promise.all([
    load('config.js'),
    load('modules/shared/context.js'),
    load('db/client.js'),
    load('db/migrate.js'),
    load('modules/demo/seed.js'),
    load('modules/innovationGraph/store.js'),
    load('modules/innovationGraph/queries.js'),
    load('db/list/cache.js'),
    load('modules/innovationGraph/service.js'),
    load('domain/innovationGraph.js'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'starcity-bench-graph-'));
  const city = loadCity('changsha');
  const db = await openPglite(dir);
  const ctx = appContext(db, city, loadHolidayCalendar(city.calendar));
  try {
    await migrate(db);
    const seed = await timed(() => seedDemo(ctx, { scale }));
    log(`×${scale}: seeded in ${(seed.ms / 1000).toFixed(1)} s`);
    const version = await tablesVersion(db, GRAPH_TABLES);
    const first = await timed(() => buildGraph(db, city, version));
    const builds = [];
    for (let i = 0; i < BUILDS; i++) builds.push(await timed(() => buildGraph(db, city, version)));
    const buildMs = quantile(builds.map((b) => b.ms), 0.5);
    const buildCpuMs = quantile(builds.map((b) => b.cpuMs), 0.5);
    const graph = first.value;
    log(`×${scale}: ${graph.nodes.count} nodes, ${graph.edges.count} edges; first build ${first.ms.toFixed(0)} ms, then median ${buildMs.toFixed(0)} ms (${buildCpuMs.toFixed(0)} ms of CPU); ${graph.bytesPerEdge.toFixed(2)} bytes per CSR slot; load average ${loadavg()[0].toFixed(1)}`);

    const all = graphModel.ALL_TYPES;
    const view = { graph, mask: all, visible: all, personal: true };
    const next = random(2025);
    const organizations = graph.nodes.countOf('organization');
    const pick = () => {
      for (;;) {
        const n = Math.floor(next() * organizations);
        if (graph.csr.offsets[n + 1] > graph.csr.offsets[n]) return graph.nodes.recordOf(n).id;
      }
    };
    const neighbourhoods = [];
    const paths = [];
    let sizes = 0;
    let refused = 0;
    for (let i = 0; i < QUERIES; i++) {
      const n = await timed(() => service.neighbourhoodOf(ctx, view, { kind: 'organization', id: String(pick()) }, { hops: 2, limit: 500 }));
      neighbourhoods.push(n.ms);
      sizes += n.value.nodes.length;
      const p = await timed(() => service.pathBetween(ctx, view, { from: `organization:${pick()}`, to: `organization:${pick()}` }).catch((e) => (refused++, e)));
      paths.push(p.ms);
    }
    log(`×${scale}: neighbourhood (2 hops) median ${quantile(neighbourhoods, 0.5).toFixed(1)} ms, p95 ${quantile(neighbourhoods, 0.95).toFixed(1)} ms, ${(sizes / QUERIES).toFixed(0)} nodes on average; path median ${quantile(paths, 0.5).toFixed(1)} ms, p95 ${quantile(paths, 0.95).toFixed(1)} ms (${refused} of ${QUERIES} not connected or past the work bound)`);
    return { scale, nodes: graph.nodes.count, edges: graph.edges.count, firstMs: first.ms, buildMs, buildCpuMs, bytesPerEdge: graph.bytesPerEdge, hopMs: quantile(neighbourhoods, 0.5), hopP95: quantile(neighbourhoods, 0.95), pathMs: quantile(paths, 0.5), pathP95: quantile(paths, 0.95) };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
for (const scale of SCALES) rows.push(await measure(scale));
console.log('\n| scale | nodes | edges | first build | build (median; CPU) | bytes / slot | 2-hop median (p95) | path median (p95) |\n|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ×${r.scale} | ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${r.firstMs.toFixed(0)} ms | ${r.buildMs.toFixed(0)} ms; ${r.buildCpuMs.toFixed(0)} ms | ${r.bytesPerEdge.toFixed(2)} | ${r.hopMs.toFixed(1)} ms (${r.hopP95.toFixed(1)}) | ${r.pathMs.toFixed(1)} ms (${r.pathP95.toFixed(1)}) |`);
