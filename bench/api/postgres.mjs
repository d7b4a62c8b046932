// The PostgreSQL server the benchmark runs on: BENCH_DATABASE_URL when given, else a throwaway
// cluster started by the same helper CI uses (.ci/postgres.sh), stopped and removed afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const helper = new URL('../../.ci/postgres.sh', import.meta.url).pathname;
const DATABASE = 'starcity_bench';

/** Returns the URL of a fresh, empty `starcity_bench` database and a function that cleans up. */
export async function benchDatabase() {
  const given = process.env.BENCH_DATABASE_URL;
  const cluster = given ? null : startCluster();
  const adminUrl = given ?? cluster.url;
  await admin(adminUrl, [`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`, `CREATE DATABASE ${DATABASE}`]);
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return {
    url: url.toString(),
    origin: given ? 'BENCH_DATABASE_URL' : 'a throwaway cluster (.ci/postgres.sh)',
    async close() {
      if (cluster) return cluster.stop();
      await admin(adminUrl, [`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`]);
    },
  };
}

export async function serverVersion(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'starcity-bench-pg-'));
  try {
    const url = execFileSync('bash', [helper, 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    return {
      url,
      stop() {
        try {
          execFileSync('bash', [helper, 'stop', dir], { stdio: 'inherit' });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function admin(url, statements) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
