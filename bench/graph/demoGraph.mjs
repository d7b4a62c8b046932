// The innovation graph, the chain view and matching on the demo registry and on 100 copies of it
// (issue 15): `node bench/graph/demoGraph.mjs` after `npm run build:server`. For each scale of
// BENCH_GRAPH_SCALES ("1,100"), in a fresh PostgreSQL database (BENCH_DATABASE_URL, else a throwaway
// cluster; BENCH_GRAPH_DB=pglite for embedded PGlite): seeds the demo once (×1) and multiplies it in
// SQL to the scale (multiplyRegistry.mjs: seeding at 100× takes most of an hour), then times, as the
// routes call the services (without HTTP):
// - the graph built from the database: the first build, then the median of BENCH_GRAPH_BUILDS more;
// - BENCH_GRAPH_QUERIES neighbourhoods of 1, 2 and 3 hops (every edge type, up to 500 nodes, names
//   read) around random organizations with relations, and as many shortest paths between them;
// - the chain view of each chain, all years and one year (its first answer builds the chain index),
//   a figure's drill rows, and the gap ranking;
// - matching: the enterprises for random achievements and the institutions for random enterprises
//   (its first answer builds matching's facts).
// BENCH_GRAPH_PARTS ("graph,chains,matching") names the parts timed: "matching" alone builds the graph
// and the chain index once (untimed as parts, matching reads them) and times matching only.
// Prints the figures as tables. Goals (issue 15, at 100×): build ≤ 10 s; k-hop and chain-view medians ≤ 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase } from '../api/postgres.mjs';
import { multiplyRegistry } from './multiplyRegistry.mjs';

const dist = new URL('../../dist/server/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const SCALES = (process.env.BENCH_GRAPH_SCALES ?? '1,100').split(',').map(Number);
const BUILDS = Number(process.env.BENCH_GRAPH_BUILDS ?? 3);
const QUERIES = Number(process.env.BENCH_GRAPH_QUERIES ?? 50);
const ENGINE = process.env.BENCH_GRAPH_DB ?? 'postgres';
const PARTS = new Set((process.env.BENCH_GRAPH_PARTS ?? 'graph,chains,matching').split(','));
const YEAR = 2025;

const log = (text) => console.log(`[bench:graph] ${text}`);
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const median = (xs) => quantile(xs, 0.5);
/** Wall-clock and CPU milliseconds of the work (PGlite runs in this process, so its CPU counts there). */
const timed = async (work) => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, value };
};
/** Times `n` calls of `work(i)`: their milliseconds (and, in `.cpu`, this process's CPU milliseconds). */
const times = async (n, work) => {
  const out = [];
  out.cpu = [];
  for (let i = 0; i < n; i++) {
    const { ms, cpuMs } = await timed(() => work(i));
    out.push(ms);
    out.cpu.push(cpuMs);
  }
  return out;
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

const modules = () =>
  Promise.all([
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
    load('modules/industrialChains/service.js'),
    load('modules/matching/service.js'),
    load('modules/matching/facts.js'),
    load('modules/shared/principal.js'),
  ]);

/** A fresh database of the engine: its handle and a function that removes it. */
async function openDatabase({ openPglite, openPostgres }) {
  if (ENGINE === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'starcity-bench-graph-'));
    const db = await openPglite(dir);
    return { db, close: async () => (await db.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const database = await benchDatabase();
  const db = await openPostgres(database.url);
  return { db, close: async () => (await db.close(), await database.close()) };
}

/** The chain view's figures: its first answer (builds the index), views, drill rows, gap ranking. */
async function chainFigures(scale, c, chains, chainsService, admin) {
  const ids = chains.chains.map((ch) => ch.id);
  const chainFirst = await timed(() => chainsService.chainView(c, ids[0], undefined, admin));
  const views = await times(QUERIES, (i) => chainsService.chainView(c, ids[i % ids.length], i % 2 ? YEAR : undefined, admin));
  const segmentsOf = chains.chains.flatMap((ch) => ch.segments.map((s) => [ch.id, s.id]));
  const entities = ['enterprises', 'contracts', 'achievements', 'loans'];
  const drills = await times(QUERIES, (i) => {
    const [chainId, segmentId] = segmentsOf[i % segmentsOf.length];
    return chainsService.segmentRows(c, chainId, segmentId, { entity: entities[i % entities.length], year: undefined, per_page: 25, page: 1 }, admin);
  });
  const gaps = await times(Math.max(3, QUERIES / 10), () => chainsService.chainGapRanking(c, undefined, admin));
  const chain = { firstMs: chainFirst.ms, ms: median(views), p95: quantile(views, 0.95), drillMs: median(drills), gapsMs: median(gaps) };
  log(`×${scale}: chain view first ${chain.firstMs.toFixed(0)} ms (builds the index), then median ${chain.ms.toFixed(1)} ms (p95 ${chain.p95.toFixed(1)}); drill rows median ${chain.drillMs.toFixed(1)} ms; gap ranking median ${chain.gapsMs.toFixed(1)} ms`);
  return chain;
}

async function measure(scale) {
  const [config, { appContext }, client, { migrate }, { seedDemo }, { buildGraph }, { GRAPH_TABLES }, { tablesVersion }, graphService, graphModel, chainsService, matching, { MatchingFactsStore }, { anonymousPrincipal }] = await modules();
  const city = config.loadCity('changsha');
  const { db, close } = await openDatabase(client);
  const ctx = appContext(db, city, config.loadHolidayCalendar(city.calendar));
  const admin = { ...anonymousPrincipal, role: 'admin', credential: 'session', userId: 1, username: 'bench' };
  try {
    await migrate(db);
    const seed = await timed(() => seedDemo(ctx, { scale: 1 }));
    const multiplied = scale > 1 ? await timed(() => multiplyRegistry(db, scale)) : null;
    log(`×${scale}: demo seeded in ${(seed.ms / 1000).toFixed(1)} s${multiplied ? `, multiplied in SQL in ${(multiplied.ms / 1000).toFixed(1)} s (${multiplied.value.organizations.toLocaleString('en')} organizations, ${multiplied.value.tech_contracts.toLocaleString('en')} contracts)` : ''}`);

    const version = await tablesVersion(db, GRAPH_TABLES);
    const first = await timed(() => buildGraph(db, city, version));
    const builds = [];
    for (let i = 0; i < (PARTS.has('graph') ? BUILDS : 0); i++) builds.push(await timed(() => buildGraph(db, city, version)));
    const graph = first.value;
    const build = { firstMs: first.ms, ms: median(builds.map((b) => b.ms)) ?? first.ms, cpuMs: median(builds.map((b) => b.cpuMs)) ?? first.cpuMs };
    log(`×${scale}: ${graph.nodes.count} nodes, ${graph.edges.count} edges; first build ${first.ms.toFixed(0)} ms, then median ${build.ms.toFixed(0)} ms (${build.cpuMs.toFixed(0)} ms of CPU); ${graph.bytesPerEdge.toFixed(2)} bytes per CSR slot; load average ${loadavg()[0].toFixed(1)}`);

    const all = graphModel.ALL_TYPES;
    const view = { graph, mask: all, visible: all, personal: true };
    const next = random(2025);
    const organizations = graph.nodes.countOf('organization');
    // Organizations come first in the node index: a random one with relations.
    const org = () => {
      for (;;) {
        const n = Math.floor(next() * organizations);
        if (graph.csr.offsets[n + 1] > graph.csr.offsets[n]) return graph.nodes.recordOf(n).id;
      }
    };
    const hops = { 1: null, 2: null, 3: null };
    for (const k of PARTS.has('graph') ? [1, 2, 3] : []) {
      let sizes = 0;
      let refused = 0;
      const ms = await times(QUERIES, async () => {
        const n = await graphService.neighbourhoodOf(ctx, view, { kind: 'organization', id: String(org()) }, { hops: k, limit: 500 }).catch(() => (refused++, null));
        sizes += n?.nodes.length ?? 0;
      });
      hops[k] = { ms: median(ms), p95: quantile(ms, 0.95), nodes: sizes / QUERIES, refused };
    }
    let unconnected = 0;
    const paths = await times(PARTS.has('graph') ? QUERIES : 0, () => graphService.pathBetween(ctx, view, { from: `organization:${org()}`, to: `organization:${org()}` }).catch(() => unconnected++));
    if (PARTS.has('graph')) log(`×${scale}: neighbourhood medians 1/2/3 hops ${[1, 2, 3].map((k) => `${hops[k].ms.toFixed(1)} ms (${hops[k].nodes.toFixed(0)} nodes, ${hops[k].refused} past the bound)`).join(', ')}; path median ${median(paths).toFixed(1)} ms (${unconnected} of ${QUERIES} not connected or past the bound)`);

    const chains = chainsService.shippedChains(city);
    const c = chainsService.chainsContext(ctx, chains);
    const chain = PARTS.has('chains') ? await chainFigures(scale, c, chains, chainsService, admin) : null;
    if (!chain) {
      const index = await timed(() => chainsService.segmentMembership(ctx, chains));
      log(`×${scale}: chain index built in ${index.ms.toFixed(0)} ms (${index.cpuMs.toFixed(0)} ms of CPU) for matching`);
    }

    const cfg = matching.loadMatchingConfig();
    const m = { ...ctx, chains, config: cfg, graphs: { graph: async () => graph }, facts: new MatchingFactsStore(db, cfg.capacityQualifications) };
    const idsOf = async (sql) => (await db.query(sql)).rows.map((r) => r.id);
    const achievementIds = await idsOf('SELECT id FROM achievements');
    const enterpriseIds = await idsOf("SELECT id FROM organizations WHERE kind = 'enterprise'");
    const achievement = () => achievementIds[Math.floor(next() * achievementIds.length)];
    const matchFirst = await timed(() => matching.enterprisesFor(m, achievement(), 10, admin));
    const forAchievements = await times(QUERIES, () => matching.enterprisesFor(m, achievement(), 10, admin));
    const forEnterprises = await times(QUERIES, () => matching.institutionsFor(m, enterpriseIds[Math.floor(next() * enterpriseIds.length)], 10, admin));
    const match = {
      firstMs: matchFirst.ms,
      firstCpuMs: matchFirst.cpuMs,
      enterprisesMs: median(forAchievements),
      enterprisesP95: quantile(forAchievements, 0.95),
      enterprisesCpuMs: median(forAchievements.cpu),
      institutionsMs: median(forEnterprises),
      institutionsP95: quantile(forEnterprises, 0.95),
      institutionsCpuMs: median(forEnterprises.cpu),
    };
    log(`×${scale}: matching first ${match.firstMs.toFixed(0)} ms (${match.firstCpuMs.toFixed(0)} ms of CPU; builds its facts), then enterprises for an achievement median ${match.enterprisesMs.toFixed(1)} ms (p95 ${match.enterprisesP95.toFixed(1)}; CPU median ${match.enterprisesCpuMs.toFixed(1)}), institutions for an enterprise median ${match.institutionsMs.toFixed(1)} ms (p95 ${match.institutionsP95.toFixed(1)}; CPU median ${match.institutionsCpuMs.toFixed(1)}); load average ${loadavg()[0].toFixed(1)}`);
    return { scale, nodes: graph.nodes.count, edges: graph.edges.count, bytesPerEdge: graph.bytesPerEdge, build, hops, pathMs: median(paths), chain, match };
  } finally {
    await close();
  }
}

const rows = [];
for (const scale of SCALES) rows.push(await measure(scale));
const ms = (x) => (x == null ? '—' : `${x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en')} ms`);
console.log(`\nEngine: ${ENGINE}. Load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end.`);
console.log('\n| scale | nodes | edges | first build | build (median; CPU) | bytes / slot | 1 / 2 / 3-hop medians | path median |\n|---|--:|--:|--:|--:|--:|--:|--:|');
for (const r of rows) console.log(`| ×${r.scale} | ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${ms(r.build.firstMs)} | ${ms(r.build.ms)}; ${ms(r.build.cpuMs)} | ${r.bytesPerEdge.toFixed(2)} | ${[1, 2, 3].map((k) => ms(r.hops[k]?.ms)).join(' / ')} | ${ms(r.pathMs)} |`);
console.log('\n| scale | chain view: first (index) | chain view median (p95) | drill rows median | gap ranking median |\n|---|--:|--:|--:|--:|');
for (const r of rows) console.log(`| ×${r.scale} | ${ms(r.chain?.firstMs)} | ${ms(r.chain?.ms)} (${ms(r.chain?.p95)}) | ${ms(r.chain?.drillMs)} | ${ms(r.chain?.gapsMs)} |`);
console.log('\n| scale | matching: first (facts; CPU) | enterprises for an achievement median (p95; CPU median) | institutions for an enterprise median (p95; CPU median) |\n|---|--:|--:|--:|');
for (const r of rows) console.log(`| ×${r.scale} | ${ms(r.match.firstMs)} (${ms(r.match.firstCpuMs)}) | ${ms(r.match.enterprisesMs)} (${ms(r.match.enterprisesP95)}; ${ms(r.match.enterprisesCpuMs)}) | ${ms(r.match.institutionsMs)} (${ms(r.match.institutionsP95)}; ${ms(r.match.institutionsCpuMs)}) |`);
