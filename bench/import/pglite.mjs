// The import benchmark's PGlite side, run as a child process on a data directory:
//   pglite.mjs references DIR ORGANIZATIONS.csv INSTITUTIONS.csv  → the raw COPY timings (ms)
//   pglite.mjs records DIR                                         → the import records
// COPY reads each whole file as a blob (/dev/blob), PGlite's way of bulk loading; reading the file
// into memory is not timed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { INSTITUTIONS_FROM_PLAIN, PLAIN_TABLES, REFERENCE_LOADS } from './loaders.mjs';

const dist = new URL('../../dist/server/', import.meta.url);
const { openPglite } = await import(new URL('db/client.js', dist).href);
const { migrate } = await import(new URL('db/migrate.js', dist).href);

const [command, dir, organizationsFile, institutionsFile] = process.argv.slice(2);

async function references() {
  const migrated = await openPglite(dir);
  await migrate(migrated);
  await migrated.close();
  const db = new PGlite(dir);
  try {
    await db.exec(PLAIN_TABLES);
    const timed = async (work) => {
      const t = performance.now();
      await work();
      return performance.now() - t;
    };
    const copy = async ({ table, columns }, file) => {
      const blob = new Blob([readFileSync(file)]);
      return timed(() => db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob }));
    };
    const plainOrganizations = await copy(REFERENCE_LOADS.plainOrganizations, organizationsFile);
    const plainInstitutions = await copy(REFERENCE_LOADS.plainInstitutions, institutionsFile);
    const organizations = await copy(REFERENCE_LOADS.organizations, organizationsFile);
    const institutions = await timed(() => db.exec(INSTITUTIONS_FROM_PLAIN));
    return { plainOrganizations, plainInstitutions, organizations, institutions: plainInstitutions + institutions };
  } finally {
    await db.close();
  }
}

async function records() {
  // `starcity` keeps the embedded database in <data dir>/pgdata.
  const db = await openPglite(join(dir, 'pgdata'));
  try {
    const { rows } = await db.query('SELECT entity, read, inserted, rejected, status, extract(epoch FROM finished_at - started_at) * 1000 AS ms FROM imports ORDER BY id');
    return rows;
  } finally {
    await db.close();
  }
}

if (command === 'references') console.log(JSON.stringify(await references()));
else if (command === 'records') console.log(JSON.stringify(await records()));
else throw new Error(`unknown command ${command}`);
