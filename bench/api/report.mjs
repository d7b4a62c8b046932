// The machine a run measured and the results section of bench/README.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

const README = new URL('../README.md', import.meta.url);
const BEGIN = '<!-- results:begin (written by bench/run.mjs) -->';
const END = '<!-- results:end -->';

export const GOALS = { throughputShare: 0.6, p99Ms: 30, readyMs: 5000 };

function firstMatch(file, pattern) {
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8').match(pattern)?.[1]?.trim() ?? null;
}

export function machine() {
  let nproc = String(availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // nproc is coreutils; availableParallelism says the same where it is missing.
  }
  return {
    nproc,
    cpu: firstMatch('/proc/cpuinfo', /^model name\s*:\s*(.+)$/m) ?? 'unknown',
    memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: firstMatch('/etc/os-release', /^PRETTY_NAME="?([^"\n]+)"?$/m) ?? process.platform,
  };
}

/** 1-minute load average: other work on the machine during a run shows here. */
export function load1() {
  return loadavg()[0].toFixed(2);
}

export const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok) => (ok ? '**met**' : '**not met**');

/** Markdown of one run: machine, command, data, load table, readiness and goals. */
export function renderResults(run) {
  const { machine: m, scenarios, readiness: ready, config } = run;
  const bare = scenarios.find((s) => s.id === 'bare');
  const rows = scenarios.map((s) => {
    const share = s.id === 'bare' ? 'reference' : `${fmt((100 * s.result.rps) / bare.result.rps)} %`;
    return `| ${s.label} | \`${s.path}\` | ${fmt(s.result.rps)} | ${fmt(s.result.p50, 1)} | ${fmt(s.result.p99, 1)} | ${share} | ${s.result.runs.map((n) => fmt(n)).join(' / ')} | ${s.result.failed} |`;
  });
  const goals = scenarios
    .filter((s) => s.engine === 'postgres' && s.id !== 'bare' && s.goal !== false)
    .flatMap((s) => {
      const share = s.result.rps / bare.result.rps;
      return [
        `| ${s.label}: throughput ≥ ${GOALS.throughputShare * 100} % of the bare route | ${fmt(100 * share)} % | ${verdict(share >= GOALS.throughputShare)} |`,
        `| ${s.label}: p99 ≤ ${GOALS.p99Ms} ms | ${fmt(s.result.p99, 1)} ms | ${verdict(s.result.p99 <= GOALS.p99Ms)} |`,
      ];
    });
  goals.push(`| Ready on an existing data directory ≤ ${GOALS.readyMs / 1000} s (\`starcity serve\`) | ${fmt(ready.serve.median / 1000, 2)} s | ${verdict(ready.serve.median <= GOALS.readyMs)} |`);
  return [
    BEGIN,
    `## Results of ${run.date}`,
    '',
    `Machine: ${m.nproc} cores (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}; PostgreSQL ${run.postgresVersion} (${run.postgresOrigin}); PGlite ${run.pgliteVersion}.`,
    '',
    `Load average (1 min) at the start ${run.loadBefore}, at the end ${run.loadAfter}: much above 0 means other work shared the cores.`,
    '',
    `Command: \`${run.command}\` — ${config.connections} connections × ${config.seconds} s per run, ${config.runs} runs per scenario (interleaved), after a ${config.warmupSeconds} s warm-up each.`,
    '',
    `Data: ${fmt(run.data.organizations)} organizations (${fmt(run.data.demo)} from the demo registry, the rest generated) on each engine; the filtered page matches ${fmt(run.listCount)} of them.`,
    '',
    '| Scenario | Request | req/s (median) | p50 ms | p99 ms | vs bare route | req/s of each run | failed |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
    ...rows,
    '',
    `Ready to serve on an existing data directory (median of ${ready.serve.runs.length}, spawn → \`/readyz\` 200): ` +
      `\`starcity serve\` ${fmt(ready.serve.median)} ms (${ready.serve.runs.map((n) => fmt(n)).join(', ')}); ` +
      `the whole \`npm start\` (npm and the build check included) ${fmt(ready.npmStart.median)} ms (${ready.npmStart.runs.map((n) => fmt(n)).join(', ')}).`,
    '',
    '| Goal | Measured | |',
    '|---|--:|---|',
    ...goals,
    END,
  ].join('\n');
}

/** Replaces the section of bench/README.md between two markers (or appends it); `markdown` carries the markers. */
export function writeReadmeSection(markdown, beginMarker, endMarker) {
  const text = readFileSync(README, 'utf8');
  const begin = text.indexOf(beginMarker);
  const end = text.indexOf(endMarker);
  const next = begin >= 0 && end > begin ? text.slice(0, begin) + markdown + text.slice(end + endMarker.length) : `${text.trimEnd()}\n\n${markdown}\n`;
  writeFileSync(README, next);
}

/** Replaces the API results section of bench/README.md (or appends one). */
export function writeReadme(markdown) {
  writeReadmeSection(markdown, BEGIN, END);
}
