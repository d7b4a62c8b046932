// The load generator: autocannon, in the benchmark's own process.
import autocannon from 'autocannon';

/**
 * One run of `connections` keep-alive connections for `seconds` against `url`; with `pathFor`,
 * each request asks for the path it returns (a new query every time). `headers` go with every
 * request; `status` 304 counts not-modified replies as the expected ones (else any non-2xx fails).
 */
export async function load(url, { connections, seconds, pathFor, headers, status }) {
  const requests = pathFor ? [{ setupRequest: (req) => ({ ...req, path: pathFor() }) }] : undefined;
  const r = await autocannon({ url, connections, duration: seconds, requests, ...(headers ? { headers } : {}) });
  const unexpected = status === 304 ? r.requests.total - r['3xx'] : r.non2xx;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    failed: r.errors + r.timeouts + unexpected,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of each figure over several runs of one scenario; failures are summed. */
export function summarize(runs) {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    failed: runs.reduce((n, r) => n + r.failed, 0),
    runs: runs.map((r) => Math.round(r.rps)),
  };
}
