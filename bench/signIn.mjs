// `node bench/signIn.mjs`: how long a failed sign-in takes for an account (wrong password) and for
// a name that is no account (issue 13: unknown names were ~4 ms faster, telling usernames apart).
// Sequential requests to a built server on a fresh embedded database; each account and each
// unknown name fails 4 times only, so neither locks. Env: BENCH_NAMES (40), BENCH_ROUNDS (4).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, startStarcity } from './api/processes.mjs';

const names = Number(process.env.BENCH_NAMES ?? 40);
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
const PASSWORD = 'Bench-Sign-In-2026';
const dataDir = mkdtempSync(join(tmpdir(), 'starcity-bench-signin-'));

execFileSync(process.execPath, ['bin/starcity.js', 'user', 'create', '--role', 'admin', '--username', 'bench-admin', '--password-stdin'], {
  cwd: root,
  env: { ...process.env, STARCITY_DATA_DIR: dataDir, STARCITY_DEMO: '0', LOG_LEVEL: 'warn' },
  input: `${PASSWORD}\n`,
  stdio: ['pipe', 'ignore', 'inherit'],
});
const server = await startStarcity('starcity', { dataDir });
try {
  const post = (path, body, headers = {}) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const admin = await post('/api/v1/auth/login', { username: 'bench-admin', password: PASSWORD });
  const cookie = admin.headers.get('set-cookie').split(';')[0];
  for (let i = 0; i < names; i++) {
    const res = await post('/api/v1/users', { username: `bench-officer-${i}`, role: 'officer', password: PASSWORD }, { cookie });
    if (res.status !== 201) throw new Error(`user ${i}: ${res.status} ${await res.text()}`);
  }
  const timings = { known: [], unknown: [] };
  const attempt = async (kind, username) => {
    const t = performance.now();
    const res = await post('/api/v1/auth/login', { username, password: 'Wrong-Password-1' });
    await res.arrayBuffer();
    timings[kind].push(performance.now() - t);
    if (res.status !== 401) throw new Error(`${kind} ${username}: ${res.status}`);
  };
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < names; i++) {
      await attempt('known', `bench-officer-${i}`);
      await attempt('unknown', `bench-nobody-${i}`);
    }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)], mean: s.reduce((a, b) => a + b, 0) / s.length, p90: s[Math.floor(s.length * 0.9)] };
  };
  const known = stats(timings.known);
  const unknown = stats(timings.unknown);
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`failed sign-ins, ${timings.known.length} of each, sequential:`);
  console.log(`  wrong password:  median ${ms(known.median)}, mean ${ms(known.mean)}, p90 ${ms(known.p90)}`);
  console.log(`  unknown name:    median ${ms(unknown.median)}, mean ${ms(unknown.mean)}, p90 ${ms(unknown.p90)}`);
  console.log(`  difference of medians (unknown − known): ${ms(unknown.median - known.median)}`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
