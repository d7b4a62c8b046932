// Server processes under test. Each runs apart from the load generator, as in production.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Environment of a `starcity serve` started for a benchmark: quiet, loopback only, no demo load. */
export function starcityEnv(port, database) {
  // The load is anonymous and from one address: the rate limits would answer most of it 429.
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', STARCITY_DEMO: '0', STARCITY_ANONYMOUS_RATE_LIMIT: '1000000000', STARCITY_PUBLIC_RATE_LIMIT: '1000000000' };
  delete env.DATABASE_URL;
  delete env.STARCITY_DATA_DIR;
  return database.databaseUrl ? { ...env, DATABASE_URL: database.databaseUrl } : { ...env, STARCITY_DATA_DIR: database.dataDir };
}

/**
 * Spawns a server and resolves once `readyPath` answers 200. `detached` puts it in its own process
 * group (for `npm start`, whose server is a grandchild), so stop() reaches the whole tree.
 */
export async function startProcess(name, command, args, { env, url, readyPath = '/readyz', detached = false, timeoutMs = 120_000 }) {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env, detached, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => void (output = (output + chunk).slice(-10_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const signal = (s) => (detached ? process.kill(-child.pid, s) : child.kill(s));
    signal('SIGTERM');
    const force = setTimeout(() => signal('SIGKILL'), 15_000);
    await exited;
    clearTimeout(force);
  };
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${name} exited with status ${child.exitCode} before it was ready:\n${output}`);
    if (await fetch(url + readyPath).then((r) => r.status === 200, () => false)) {
      return { name, url, readyMs: performance.now() - started, stop, output: () => output };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await stop();
  throw new Error(`${name} was not ready on ${url}${readyPath} within ${timeoutMs / 1000} s:\n${output}`);
}

export async function startStarcity(name, database) {
  const port = await freePort();
  return startProcess(name, process.execPath, ['bin/starcity.js', 'serve'], { env: starcityEnv(port, database), url: `http://127.0.0.1:${port}` });
}

/** The reference: a bare Fastify route reading the same row with `pg` (bench/api/bare.mjs). */
export async function startBare(databaseUrl) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl };
  return startProcess('bare', process.execPath, ['bench/api/bare.mjs'], { env, url: `http://127.0.0.1:${port}`, readyPath: '/healthz' });
}
