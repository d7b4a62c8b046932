import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell, SeriesTable } from '../../src/domain/indicatorSeries.js';
import { loadCatalogue, resolveCatalogue, type Catalogue, type RecordIndicator } from '../../src/modules/indicators/catalogue.js';
import { computeSeries, scanSeries } from '../../src/modules/indicators/compute.js';
import { IndicatorEngine } from '../../src/modules/indicators/engine.js';
import { cityClock } from '../../src/modules/shared/context.js';
import { compactBuckets, ensureUpkeep, recordIndicators } from '../../src/modules/indicators/upkeep.js';
import { indicatorUpkeep } from '../../src/modules/indicators/upkeepSql.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

/**
 * The incremental upkeep keeps every indicator's buckets equal to a full scan of the registry,
 * whatever writes happen: inserts, updates and deletes of many rows at once on each counted
 * table, moves of organizations between districts, rolled-back transactions, TRUNCATE. After
 * each step, every record indicator is compared with the full scan, by area and by each
 * breakdown, year by year.
 */

let t: TestApp;
let engine: IndicatorEngine;
const years = { first: 2016, last: 2026 };

/** A series as plain data, without the all-zero entries (deleted rows leave zero buckets behind). */
function cellsOf(table: SeriesTable): Record<string, Cell[]> {
  const out: Record<string, Cell[]> = {};
  for (const area of [table.cityCode, ...table.areas()]) {
    for (const key of [undefined, ...table.keys(area)]) {
      const cells = table.get(area, key);
      if (cells?.some((c) => c.n !== 0 || c.part !== 0)) out[`${area}|${key === undefined ? '*' : String(key)}`] = cells;
    }
  }
  return out;
}

/** The registry tables an indicator's counts read: its list's own table and the one it joins. */
function tablesRead(r: RecordIndicator): string[] {
  const { shape } = indicatorUpkeep(r, years.first);
  return shape.join ? [shape.table, shape.join.table] : [shape.table];
}

/** Each versioned table's write counter (migration 0002): a statement that writes a table bumps it, cascades included. */
async function tableVersions(): Promise<Map<string, string>> {
  const { rows } = await t.db.query<{ table_name: string; version: string }>('SELECT table_name, version::text AS version FROM table_versions');
  return new Map(rows.map((row) => [row.table_name, row.version]));
}

/** A digest of each indicator's stored buckets and distinct values, row for row. */
async function bucketDigests(): Promise<Map<string, string>> {
  const { rows } = await t.db.query<{ indicator: string; digest: string }>(`
    SELECT indicator, md5(string_agg(row, ';' ORDER BY row)) AS digest FROM (
      SELECT indicator, concat_ws('|', keys, y1, y2, n, part) AS row FROM indicator_buckets
      UNION ALL SELECT indicator, concat_ws('|', 'd', value, keys, mask) FROM indicator_distinct_values) x
    GROUP BY indicator`);
  return new Map(rows.map((row) => [row.indicator, row.digest]));
}

/** What the last comparison saw: its catalogue, the tables' counters and the buckets, equal to a full scan then. */
let verified: { catalogue: Catalogue; versions: Map<string, string>; digests: Map<string, string> } | null = null;

/**
 * Compares the upkept series of every record indicator, by area and by each breakdown, with a
 * full scan. An indicator none of whose tables were written since the last comparison and whose
 * buckets are row for row the same is equal to the scan as it was then, so its scan is spared:
 * a full scan of the whole catalogue costs seconds, and most steps write one or two tables.
 */
async function expectUpkeptEqualsScan(catalogue: Catalogue = engine.catalogue): Promise<void> {
  const [versions, digests] = await Promise.all([tableVersions(), bucketDigests()]);
  const unchanged = (r: RecordIndicator): boolean =>
    verified?.catalogue === catalogue &&
    tablesRead(r).every((table) => versions.has(table) && versions.get(table) === verified!.versions.get(table)) &&
    digests.get(r.def.code) === verified.digests.get(r.def.code);
  for (const r of recordIndicators(catalogue)) {
    if (unchanged(r)) continue;
    for (const breakdown of [null, ...r.breakdowns.values()]) {
      const upkept = await computeSeries(t.db, r, breakdown, years, t.ctx.city.code);
      const scanned = await scanSeries(t.db, r, breakdown, years, t.ctx.city.code);
      expect(cellsOf(upkept), `${r.def.code} by ${breakdown?.name ?? 'area'}`).toEqual(cellsOf(scanned));
    }
  }
  verified = { catalogue, versions, digests };
}

beforeAll(async () => {
  t = await createTestApp({ registry: 'demo' });
  engine = new IndicatorEngine({ ...t.ctx, clock: cityClock(t.ctx.city.timeZone, { today: '2026-11-27' }) }, loadCatalogue(t.ctx.city));
}, 600_000);

describe('indicator upkeep', () => {
  it('builds every bucket from the registry once, and not again for the same catalogue', async () => {
    expect(await engine.ready()).toBe(true);
    expect(await ensureUpkeep(t.db, engine.catalogue)).toBe(false);
    await expectUpkeptEqualsScan();
  });

  const other = () => t.ctx.city.districts[0]!.code;
  // Projects, achievements, transfers and incubations refer to institutions and platforms, registration
  // applications to contracts (RESTRICT): only unreferenced ones are deleted.
  const unreferenced = (table: 'rd_institutions' | 'platforms' | 'tech_contracts', column: string, referrers: string[]) =>
    referrers.map((r) => `NOT EXISTS (SELECT 1 FROM ${r} x WHERE x.${column} = ${table}.id)`).join(' AND ');
  const steps: Array<[string, () => string[]]> = [
    ['projects, achievements, transfers and incubations changed, and institutions given another category', () => [
      'UPDATE achievements SET key_tech_breakthrough = NOT key_tech_breakthrough, year = year - 1 WHERE id % 5 = 1',
      'UPDATE achievements SET independently_controllable = true, globally_leading = false WHERE id % 7 = 2',
      `UPDATE transfers SET district_code = '${other()}', transferred_on = transferred_on - 200, amount = amount + 0.01 WHERE id % 6 = 3`,
      'DELETE FROM transfers WHERE id % 9 = 2',
      'DELETE FROM incubations WHERE id % 4 = 1',
      'UPDATE projects SET start_on = start_on - 365 WHERE id % 3 = 0',
      "UPDATE rd_institutions SET category = 'other' WHERE id IN (SELECT rd_institution_id FROM transfers WHERE id % 10 = 0)",
    ]],
    ['institutions: dates, zones and "four global" confirmations changed', () => [
      'UPDATE rd_institutions SET established_on = established_on - 400, zone = NULL WHERE id % 7 = 1',
      'UPDATE rd_institutions SET global_tasks_confirmed_on = NULL WHERE id % 5 = 2',
      "UPDATE rd_institutions SET global_layout_evidence = coalesce(global_layout_evidence, 'e'), global_layout_confirmed_on = '2024-03-01' WHERE id % 6 = 3",
    ]],
    ['institutions deleted and added', () => [
      `DELETE FROM rd_institutions WHERE id % 11 = 4 AND ${unreferenced('rd_institutions', 'rd_institution_id', ['projects', 'achievements', 'transfers', 'incubations'])}`,
      "INSERT INTO rd_institutions (host_org_id, name, category, level, established_on, district_code, zone, global_results_evidence, global_results_confirmed_on) SELECT host_org_id, name || '（二）', category, level, established_on + 30, district_code, zone, 'e', '2025-05-05' FROM rd_institutions WHERE id % 9 = 5",
    ]],
    ['qualifications extended, shortened, deleted and added', () => [
      'UPDATE qualifications SET valid_to = NULL WHERE id % 13 = 6',
      'UPDATE qualifications SET valid_to = valid_to - 200 WHERE id % 17 = 7 AND valid_to - 200 >= valid_from',
      'DELETE FROM qualifications WHERE id % 19 = 8',
      "INSERT INTO qualifications (organization_id, qualification, valid_from, valid_to) SELECT id, 'little_giant', '2023-07-01', '2026-06-30' FROM organizations WHERE id % 23 = 9 ON CONFLICT DO NOTHING",
    ]],
    ['organizations moved to another district, and an unread column changed', () => [
      `UPDATE organizations SET district_code = '${other()}', zone = NULL WHERE id % 10 = 3`,
      "UPDATE organizations SET address = coalesce(address, '') || ' 1' WHERE id % 3 = 0",
    ]],
    ['platforms revoked, raised to national and deleted', () => [
      "UPDATE platforms SET status = 'revoked' WHERE id % 4 = 1",
      "UPDATE platforms SET level = 'national' WHERE id % 5 = 0",
      `DELETE FROM platforms WHERE id % 7 = 2 AND ${unreferenced('platforms', 'platform_id', ['projects', 'achievements', 'transfers'])}`,
    ]],
    // More contracts than the demo's, with amounts in fen a float sum would blur.
    ['technology contracts added, registered, re-amounted, moved and deleted', () => [
      `INSERT INTO tech_contracts (contract_number, title, type, sub_type, seller_org_id, buyer_name, buyer_region, flow, contract_amount, transaction_amount,
         signed_on, registered_on, technology_field, district_code, zone, status)
       SELECT 'U-' || id, 'c', (ARRAY['development', 'transfer', 'licence', 'consulting', 'service'])[id % 5 + 1], 'commissioned', id, 'b', '440305',
         (ARRAY['local', 'province', 'domestic', 'abroad'])[id % 4 + 1], (id % 997) * 1000 + (id % 100) * 0.01 + 0.01, (id % 997) * 500 + (id % 100) * 0.01,
         date '2016-01-01' + (id * 37 % 3900), date '2016-01-01' + (id * 37 % 3900) + id % 60, (ARRAY['aerospace', 'biomedicine', NULL])[id % 3 + 1],
         district_code, zone, CASE WHEN id % 4 = 0 THEN 'draft' ELSE 'registered' END
       FROM organizations WHERE id % 3 <> 2`,
      "UPDATE tech_contracts SET status = 'registered' WHERE id % 5 = 1",
      'UPDATE tech_contracts SET contract_amount = contract_amount + 0.07, transaction_amount = 0 WHERE id % 6 = 2',
      `UPDATE tech_contracts SET district_code = '${other()}', flow = 'abroad', registered_on = registered_on + 400 WHERE id % 7 = 3`,
      `DELETE FROM tech_contracts WHERE id % 8 = 4 AND ${unreferenced('tech_contracts', 'tech_contract_id', ['applications', 'transfers'])}`,
    ]],
  ];
  it.each(steps)('stays equal to a full scan: %s', async (_, statements) => {
    for (const sql of statements()) await t.db.query(sql);
    await expectUpkeptEqualsScan();
  });

  it('keeps the counts when it folds the appended rows into one per grain', async () => {
    const rowsPerGrain = async () =>
      (await t.db.query<{ most: number }>('SELECT coalesce(max(c), 0)::int AS most FROM (SELECT count(*) AS c FROM indicator_buckets GROUP BY indicator, keys, y1, y2) x')).rows[0]!.most;
    expect(await rowsPerGrain()).toBeGreaterThan(1);
    for (const r of recordIndicators(engine.catalogue)) await compactBuckets(t.db, r.def.code);
    expect(await rowsPerGrain()).toBe(1);
    await expectUpkeptEqualsScan();
  });

  it('leaves no trace of a rolled-back transaction', async () => {
    const failed = t.db.transaction(async (tx) => {
      await tx.query('DELETE FROM qualifications WHERE id % 2 = 0');
      await tx.query("UPDATE organizations SET district_code = NULL WHERE id % 2 = 1");
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');
    await expectUpkeptEqualsScan();
  });

  it('starts a truncated table from zero', async () => {
    // CASCADE: the projects, achievements and transfers on platforms (and what refers to them) go too, and their indicators with them.
    await t.db.query('TRUNCATE platforms CASCADE');
    await expectUpkeptEqualsScan();
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM indicator_buckets WHERE indicator LIKE 'platforms.%'");
    expect(rows[0]!.n).toBe(0);
  });

  it('installs and builds again for another catalogue, and keeps it up', async () => {
    const raw = JSON.parse(readFileSync(new URL('../../config/indicators.json', import.meta.url), 'utf8')) as { indicators: Array<{ code: string; formula?: { filter?: string } }> };
    raw.indicators.find((i) => i.code === 'rd_institutions.new_enterprise_rd_centers')!.formula!.filter = 'category:enterprise_rd_center';
    const changed = resolveCatalogue(raw, t.ctx.city);
    expect(await ensureUpkeep(t.db, changed)).toBe(true);
    await expectUpkeptEqualsScan(changed);
    await t.db.query('UPDATE rd_institutions SET category = \'enterprise_rd_center\' WHERE id % 8 = 0');
    await expectUpkeptEqualsScan(changed);
  });
});
