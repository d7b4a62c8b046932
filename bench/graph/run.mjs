// `npm run bench:graph` (also the last part of `npm run bench`): Graph500 on the graph engine of
// src/domain/graph (issue 15). For each scale of BENCH_GRAPH_SCALES ("16,…,22"): a seeded Kronecker
// graph (edge factor 16, initiator 0.57/0.19/0.19, labels permuted, edges shuffled), kernel 1 (the CSR)
// timed, kernel 2 (BFS) from BENCH_GRAPH_ROOTS (64) random roots of degree > 0 single-threaded and over
// two worker threads, every tree validated by the specification's five checks (validate.mjs). Then
// graphology on the graph of BENCH_GRAPH_GRAPHOLOGY_SCALE (18) from the first BENCH_GRAPH_GRAPHOLOGY_ROOTS
// (8) of the same roots. Each scale and graphology run in a process of their own
// (--max-old-space-size=4096), so each peak RSS is that scale's. Rewrites the graph section of
// bench/README.md unless BENCH_GRAPH_WRITE=0.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fmt, load1, machine, writeReadmeSection } from '../api/report.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const SCALES = (process.env.BENCH_GRAPH_SCALES ?? '16,17,18,19,20,21,22').split(',').map(Number);
const ROOTS = Number(process.env.BENCH_GRAPH_ROOTS ?? 64);
const SEED = Number(process.env.BENCH_GRAPH_SEED ?? 1);
const GRAPHOLOGY_SCALE = Number(process.env.BENCH_GRAPH_GRAPHOLOGY_SCALE ?? 18);
const GRAPHOLOGY_ROOTS = Number(process.env.BENCH_GRAPH_GRAPHOLOGY_ROOTS ?? 8);
const HEAP = ['--max-old-space-size=4096'];
const BEGIN = '<!-- graph-results:begin (written by bench/graph/run.mjs) -->';
const END = '<!-- graph-results:end -->';
export const GOALS = { singleTeps: 150e6, singleTepsScale: 20, graphologyRatio: 100, bytesPerEdge: 12, memoryScale: 22, memoryBytes: 4 * 2 ** 30 };

const log = (text) => console.log(`[bench:graph] ${text}`);

/**
 * Compiles the engine alone (src/domain/graph imports nothing else) into a temporary directory: the
 * bench needs neither the server nor the web build, and runs the compiled JavaScript.
 */
function compileEngine() {
  const out = mkdtempSync(join(tmpdir(), 'starcity-graph-'));
  const sources = readdirSync(join(root, 'src/domain/graph'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(root, 'src/domain/graph', f));
  const options = ['--ignoreConfig', '--outDir', out, '--rootDir', join(root, 'src/domain/graph'), '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node'];
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), ...options, ...sources], { stdio: 'inherit' });
  return out;
}

async function child(script, args) {
  const { stdout } = await run(process.execPath, [...HEAP, join(here, script), ...args.map(String)], { maxBuffer: 64 * 2 ** 20 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

/** TEPS of each search by the specification: input edges of the root's component ÷ seconds. */
function tepsFigures(searches) {
  const teps = searches.map((s) => s.edgesInComponent / (s.ms / 1000)).sort((a, b) => a - b);
  const perCpu = searches.map((s) => s.edgesInComponent / (Math.max(s.cpuMs, 0.001) / 1000));
  return {
    harmonic: harmonicMean(teps),
    min: teps[0],
    median: teps.length % 2 ? teps[(teps.length - 1) / 2] : (teps[teps.length / 2 - 1] + teps[teps.length / 2]) / 2,
    max: teps[teps.length - 1],
    perCpuSecond: harmonicMean(perCpu),
  };
}

const harmonicMean = (values) => values.length / values.reduce((sum, v) => sum + 1 / v, 0);
const mteps = (teps) => fmt(teps / 1e6, 1);
const mib = (bytes) => fmt(bytes / 2 ** 20);
const verdict = (ok) => (ok ? '**met**' : '**not met**');

async function main() {
  const loadBefore = load1();
  const engine = compileEngine();
  const scales = [];
  try {
    for (const scale of SCALES) {
      log(`scale ${scale}: generating, kernel 1, kernel 2 from ${ROOTS} roots (single, two threads), validating every tree…`);
      const result = await child('scale.mjs', [engine, scale, SEED, ROOTS]);
      result.singleTeps = tepsFigures(result.single);
      result.parallelTeps = tepsFigures(result.parallel);
      log(`scale ${scale}: kernel 1 ${fmt(result.constructionMs)} ms; ${mteps(result.singleTeps.harmonic)} M TEPS single (${mteps(result.singleTeps.perCpuSecond)} per CPU-s), ${mteps(result.parallelTeps.harmonic)} M TEPS two threads (${mteps(result.parallelTeps.perCpuSecond)} per CPU-s); ${fmt(result.bytesPerEdge, 2)} B/edge; peak RSS ${mib(result.peakRssBytes)} MiB`);
      scales.push(result);
    }
    const ours = scales.find((s) => s.scale === GRAPHOLOGY_SCALE);
    const graphology = ours ? await compareGraphology(engine, ours) : null;
    const report = { date: new Date().toISOString().slice(0, 10), machine: machine(), loadBefore, loadAfter: load1(), scales, graphology };
    if (process.env.BENCH_GRAPH_WRITE !== '0') writeReadmeSection(render(report), BEGIN, END);
    log('done');
  } finally {
    rmSync(engine, { recursive: true, force: true });
  }
}

/** graphology from the first roots of the same scale; ours on the same roots gives the ratio. */
async function compareGraphology(engine, ours) {
  const roots = ours.roots.slice(0, GRAPHOLOGY_ROOTS);
  log(`graphology at scale ${GRAPHOLOGY_SCALE} from ${roots.length} roots…`);
  const result = await child('graphology.mjs', [engine, GRAPHOLOGY_SCALE, SEED, ...roots]);
  const searches = result.searches.map((s, i) => {
    const mine = ours.single[i];
    // Same graph, same root: graphology must reach the nodes our validated tree reached.
    if (s.reached !== mine.reached) throw new Error(`graphology reached ${s.reached} nodes from ${s.root}, the engine ${mine.reached}`);
    return { ...s, edgesInComponent: mine.edgesInComponent };
  });
  const teps = tepsFigures(searches);
  const oursOnSameRoots = tepsFigures(ours.single.slice(0, roots.length));
  log(`graphology: ${mteps(teps.harmonic)} M TEPS; the engine ${fmt(oursOnSameRoots.harmonic / teps.harmonic)}× as fast on the same roots`);
  return { roots: roots.length, constructionMs: result.constructionMs, teps, oursOnSameRoots, peakRssBytes: result.peakRssBytes };
}

/** The command as run: the knobs set in the environment, then the script. */
function command() {
  const knobs = Object.keys(process.env).filter((k) => k.startsWith('BENCH_GRAPH_') && k !== 'BENCH_GRAPH_WRITE');
  return [...knobs.sort().map((k) => `${k}=${process.env[k]}`), 'npm run bench:graph'].join(' ');
}

function render({ date, machine: m, loadBefore, loadAfter, scales, graphology }) {
  const rows = scales.map((s) => {
    const [one, two] = [s.singleTeps, s.parallelTeps];
    return `| ${s.scale} | ${fmt(s.nodes)} | ${fmt(s.inputEdges)} | ${fmt(s.constructionMs)} | **${mteps(one.harmonic)}** | ${mteps(one.min)} / ${mteps(one.median)} / ${mteps(one.max)} | ${mteps(one.perCpuSecond)} | **${mteps(two.harmonic)}** | ${mteps(two.min)} / ${mteps(two.median)} / ${mteps(two.max)} | ${mteps(two.perCpuSecond)} | ${fmt(s.bytesPerEdge, 2)} | ${mib(s.peakRssBytes)} |`;
  });
  const at = (scale) => scales.find((s) => s.scale === scale);
  const teps20 = at(GOALS.singleTepsScale)?.singleTeps.harmonic;
  const ratio = graphology ? graphology.oursOnSameRoots.harmonic / graphology.teps.harmonic : undefined;
  const worstBytes = Math.max(...scales.map((s) => s.bytesPerEdge));
  const rss22 = at(GOALS.memoryScale)?.peakRssBytes;
  const goal = (label, measured, ok) => `| ${label} | ${measured ?? 'not run'} | ${measured === undefined ? '' : verdict(ok)} |`;
  return [
    BEGIN,
    `## Graph500 results of ${date}`,
    '',
    `Machine: ${m.nproc} cores, ${m.cpu}, ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}. Load average (1 min) ${loadBefore} at the start, ${loadAfter} at the end (much above 0: other work shared the cores, and wall-clock TEPS fall below TEPS per CPU-second). Command: \`${command()}\` (each scale in its own \`node --max-old-space-size=4096\` process; seed ${SEED}).`,
    '',
    `Kernel 2 from ${ROOTS} roots per scale, every BFS tree validated by the five checks of the Graph500 specification. TEPS = input edges of the root's component (self loops excluded) ÷ search time; harmonic mean over the roots, then min / median / max. TEPS per CPU-second divides by the process's CPU time instead (all its threads). Kernel 1 builds the undirected CSR with self loops and repeated edges dropped.`,
    '',
    '| Scale | Nodes | Input edges | Kernel 1 (ms) | Single thread M TEPS (harmonic) | min / median / max | M TEPS per CPU-s | Two threads M TEPS (harmonic) | min / median / max | M TEPS per CPU-s | Bytes per directed edge | Peak RSS (MiB) |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
    '',
    graphology
      ? `graphology ${'0.26'} at scale ${GRAPHOLOGY_SCALE} (the same graph as a simple undirected graphology graph, graphology-traversal's \`bfsFromNode\`, the first ${graphology.roots} roots): built in ${fmt(graphology.constructionMs)} ms, ${mteps(graphology.teps.harmonic)} M TEPS (harmonic; ${mteps(graphology.teps.perCpuSecond)} per CPU-second), peak RSS ${mib(graphology.peakRssBytes)} MiB. The engine on the same roots: ${mteps(graphology.oursOnSameRoots.harmonic)} M TEPS, **${fmt(ratio)}×**.`
      : `graphology was not run (scale ${GRAPHOLOGY_SCALE} is not among the scales run).`,
    '',
    '| Goal | Measured | |',
    '|---|--:|---|',
    goal(`≥ ${GOALS.singleTeps / 1e6} M TEPS single-threaded at scale ${GOALS.singleTepsScale}`, teps20 === undefined ? undefined : `${mteps(teps20)} M TEPS (${mteps(at(GOALS.singleTepsScale).singleTeps.perCpuSecond)} per CPU-s)`, teps20 >= GOALS.singleTeps),
    goal(`≥ ${GOALS.graphologyRatio}× graphology at scale ${GRAPHOLOGY_SCALE}`, ratio === undefined ? undefined : `${fmt(ratio)}×`, ratio >= GOALS.graphologyRatio),
    goal(`≤ ${GOALS.bytesPerEdge} bytes per directed edge`, `${fmt(worstBytes, 2)} B`, worstBytes <= GOALS.bytesPerEdge),
    goal(`scale ${GOALS.memoryScale} inside 4 GB`, rss22 === undefined ? undefined : `${mib(rss22)} MiB peak RSS`, rss22 <= GOALS.memoryBytes),
    END,
  ].join('\n');
}

await main();
