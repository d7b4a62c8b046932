import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFormats, exportLanguages } from '../../src/contracts/exports.js';
import { achievementFileEntities, fileEntities } from '../../src/contracts/fileColumns.js';
import { qualificationTypeCodes } from '../../src/domain/qualification.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { exportList } from '../../src/modules/exports/service.js';
import { importProblems } from '../../src/modules/imports/queries.js';
import { runImport } from '../../src/modules/imports/service.js';
import { tempDirs } from '../support/tempDirs.js';
import { createTestApp, type TestApp } from '../support/testApp.js';
import { rowCount, type Table } from './helpers.js';

/**
 * Export → import identity on the demo registry: every entity in every format and language imports
 * back unchanged, and the whole registry moves into an empty database and exports the same.
 */
const dir = tempDirs().make('round-trip');
const defaults = { mode: 'upsert', atomic: false, dryRun: false, actor: systemActor('test') } as const;
const versions = async (table: Table, on: TestApp['db']) => (await on.query<{ id: number; version: number }>(`SELECT id, version FROM ${table} ORDER BY id`)).rows;
/** Technology contracts' round trip is test/api/techContractFiles.test.ts (the demo's 3,000 would add little here). */
const demoEntities = fileEntities.filter((e) => e !== 'tech_contracts');
/**
 * What the whole-registry move carries: the entities the bulk writer takes. Projects, achievements,
 * transfers, incubations and loans are written row by row through their services (steps and copied
 * fields), ~30 s for the demo's 7,600 on PGlite; their round trips here (one district) and in
 * achievementFiles / ipLoanFiles tests cover them.
 */
const movedEntities = demoEntities.filter((e) => !(achievementFileEntities as readonly string[]).includes(e) && e !== 'ip_loans');
const counts = (r: { read: number; inserted: number; updated: number; unchanged: number; rejected: number }) => ({ read: r.read, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected });

describe('export → import round trip', () => {
  let ctx: TestApp['ctx'];
  let db: TestApp['db'];
  beforeAll(async () => {
    ({ ctx, db } = await createTestApp({ registry: 'demo' }));
  }, 600_000);

  // One district's rows (about a ninth of the demo) take every path of the 24 round trips; the
  // whole registry is moved once, below. Its 5,000 qualifications are narrowed to those of one year
  // (about 750, every title among them): the round trip is checked row by row, and the whole
  // district's were a sixth of this file's time (their XLSX alone ran past 30 s under load).
  const DISTRICT = '430102';
  const QUALIFIED_IN = 2024;
  const QUALIFICATIONS_TAKEN = 'FROM qualifications q JOIN organizations o ON o.id = q.organization_id WHERE o.district_code = $1 AND extract(year from q.valid_from) = $2';
  const filterOf = (entity: string) =>
    entity === 'qualifications' ? `district_code:${DISTRICT},valid_from_year:${QUALIFIED_IN}` : `district_code:${DISTRICT}`;
  const inDistrict = async (entity: string) => {
    const [sql, params] = entity === 'qualifications'
      ? [`SELECT count(*)::int AS n ${QUALIFICATIONS_TAKEN}`, [DISTRICT, QUALIFIED_IN]]
      : [`SELECT count(*)::int AS n FROM ${entity} WHERE district_code = $1`, [DISTRICT]];
    return (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
  };

  it('the qualifications taken hold every title, with and without a certificate number and an end', async () => {
    const { rows } = await db.query<{ qualification: string; no_certificate: boolean; no_end: boolean }>(
      `SELECT DISTINCT q.qualification, q.certificate_no IS NULL AS no_certificate, q.valid_to IS NULL AS no_end ${QUALIFICATIONS_TAKEN}`,
      [DISTRICT, QUALIFIED_IN],
    );
    expect(new Set(rows.map((r) => r.qualification))).toEqual(new Set(qualificationTypeCodes));
    expect(new Set(rows.map((r) => r.no_certificate))).toEqual(new Set([true, false]));
    expect(new Set(rows.map((r) => r.no_end))).toEqual(new Set([true, false]));
  });

  // A file's language changes its headers and labels, which the reader handles before any engine
  // sees a row: each format runs in one language per engine, the other one on the other engine
  // (PostgreSQL: csv zh, xlsx en, jsonl zh; PGlite the reverse), so a CI run, which runs both,
  // reads every format in both languages.
  const languagesOf = (i: number) => [exportLanguages[(i + (process.env.STARCITY_TEST_ENGINE === 'postgres' ? 0 : 1)) % exportLanguages.length]!];

  for (const entity of demoEntities) {
    for (const [i, format] of exportFormats.entries()) {
      for (const lang of languagesOf(i)) {
        it(`${entity} as ${format} (${lang}) imports back unchanged`, async () => {
          const file = join(dir, `${entity}-${lang}.${format}`);
          // The six demo recruitment calls are taken whole, not a district's; talent in the view with personal data.
          const whole = entity === 'recruitment_calls';
          await pipeline(exportList(ctx, { entity, format, lang, filter: whole ? undefined : filterOf(entity), personal: true }).stream, createWriteStream(file));
          const table = entity as Table;
          const before = await versions(table, db);
          const n = whole ? await rowCount(db, table) : await inDistrict(entity);
          expect(n).toBeGreaterThan(0);
          const r = await runImport(ctx, { entity, stream: createReadStream(file), fileName: file, fileSize: statSync(file).size, ...defaults });
          expect(r.status, JSON.stringify(await collect(importProblems(db, r.id)))).toBe('succeeded');
          expect(counts(r)).toEqual({ read: n, inserted: 0, updated: 0, unchanged: n, rejected: 0 });
          expect(await versions(table, db)).toEqual(before);
        });
      }
    }
  }

  it('carries the whole registry into an empty database: exported again, every file is the same', async () => {
    const fresh = await createTestApp();
    // Organizations first: the other entities refer to them by credit code.
    for (const entity of movedEntities) {
      // As a bureau moves its data, in Chinese files. CSV: the workbook reader is the per-format
      // round trips' and bench/import's, and reading the demo's ~80,000 rows as XLSX took half of this file.
      const format = 'csv';
      const workbook = join(dir, `move-${entity}.${format}`);
      await pipeline(exportList(ctx, { entity, format, lang: 'zh', personal: true }).stream, createWriteStream(workbook));
      const r = await runImport(fresh.ctx, { entity, stream: createReadStream(workbook), fileName: workbook, ...defaults });
      expect(r.status, JSON.stringify(await collect(importProblems(fresh.db, r.id)))).toBe('succeeded');
      expect(r.inserted).toBe(await rowCount(db, entity as Table));
      const source = join(dir, `source-${entity}.jsonl`);
      const moved = join(dir, `moved-${entity}.jsonl`);
      await pipeline(exportList(ctx, { entity, format: 'jsonl', lang: 'en', personal: true }).stream, createWriteStream(source));
      await pipeline(exportList(fresh.ctx, { entity, format: 'jsonl', lang: 'en', personal: true }).stream, createWriteStream(moved));
      // Files name organizations by credit code, never by id: the two exports are byte for byte the same.
      expect(readFileSync(moved, 'utf8'), entity).toBe(readFileSync(source, 'utf8'));
    }
  }, 180_000);
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
