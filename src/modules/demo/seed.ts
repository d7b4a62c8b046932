import { systemActor, type AuditActor } from '../audit/trail.js';
import type { Queryable } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';
import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import {
  checkOrganizationFields,
  checkPlatformFields,
  checkQualificationFields,
  checkRdInstitutionFields,
  type FieldViolation,
} from '../../domain/recordRules.js';
import { loadCatalogue } from '../indicators/catalogue.js';
import { IndicatorEngine } from '../indicators/engine.js';
import { loadOfficialFigures } from '../indicators/service.js';
import { loadCityTargets } from '../indicators/targets.js';
import type { AppContext } from '../shared/context.js';
import { write } from '../shared/write.js';
import { DEMO_AS_OF, DEMO_TABLES, planDemo, type DemoOptions, type DemoRows, type DemoTable } from './generator.js';
import { NAMED_ENTITIES_CITY } from './namedEntities.js';
import { achievementCodes } from '../achievements/codes.js';
import { planAchievements, planProblems } from './achievements.js';
import { achievementPools, hasAchievements, insertAchievementPlan } from './achievementQueries.js';
import { createStages, hasOrganizations, writeChunk } from './queries.js';
import { loadIpLoanPolicies } from '../../config.js';
import { hasIpLoans, insertIpLoans, ipLoanBorrowers } from './ipLoanQueries.js';
import { ipLoanPlanProblems, planIpLoans } from './ipLoans.js';
import { shippedChains } from '../industrialChains/service.js';
import { loadContracts } from './contractSeed.js';
import { demoOfficialFigures, demoTargets2026 } from './statistics.js';
import { loadTalent } from './talent.js';

/** How many records of each kind a load added (records already present are not counted). */
export interface SeedCounts {
  organizations: number;
  qualifications: number;
  rd_institutions: number;
  platforms: number;
  /** IP-backed loans (only into a registry that has none). */
  ip_loans: number;
  /** Key-technology projects, achievements, transfers and incubations (only into a registry that has none). */
  projects: number;
  achievements: number;
  transfers: number;
  incubations: number;
  /** Registered technology contracts 2021–2025 (only into a registry that has none). */
  tech_contracts: number;
  /** Contracts not registered yet (drafts and those applied for), and their registration applications. */
  pending_tech_contracts: number;
  contract_applications: number;
  /** Talent introductions 2021–2025 and recruitment calls (only into a registry that has none). */
  talent_introductions: number;
  recruitment_calls: number;
  /** Official statistics and city targets of the published report (Changsha only). */
  official_values: number;
  targets: number;
}

/** Rows per COPY: large enough to amortize a statement, small enough to keep memory flat at 100×. */
const CHUNK = 10_000;

/**
 * Loads the demo registry (演示数据) in bulk, checking every record with the same pure domain
 * rules the services apply to user input (credit code, district, zone, dates, four-global
 * evidence), so every rule that guards user input guards the demo too; the database's keys and
 * constraints guard the rest (references, one name per host). One transaction: all of it or
 * nothing. Records whose natural key exists are skipped, so loading twice adds nothing.
 */
export async function seedDemo(ctx: AppContext, options: DemoOptions = {}, actor: AuditActor = systemActor('demo')): Promise<SeedCounts> {
  const plan = planDemo(ctx.city, options);
  const today = ctx.clock.today();
  const counts = await write(ctx, actor, { action: 'seed', entity: 'demo' }, async ({ db: tx }) => {
    await createStages(tx);
    const added: SeedCounts = { organizations: 0, qualifications: 0, rd_institutions: 0, platforms: 0, ip_loans: 0, projects: 0, achievements: 0, transfers: 0, incubations: 0, tech_contracts: 0, pending_tech_contracts: 0, contract_applications: 0, talent_introductions: 0, recruitment_calls: 0, official_values: 0, targets: 0 };
    for (const table of DEMO_TABLES) added[table] = await load(tx, table, plan.rows(table, CHUNK), ctx.city, today);
    Object.assign(added, await loadTalent(tx, ctx.city, today, options.seed ?? 2025));
    added.ip_loans = await loadIpLoans(tx, today, options.seed ?? 2025);
    Object.assign(added, await loadAchievements(tx, ctx.city, today, options.seed ?? 2025));
    Object.assign(added, await loadContracts(tx, ctx.city, today, options.seed ?? 2025));
    if (ctx.city.code === NAMED_ENTITIES_CITY) {
      // Through the indicator services, which check each code against the catalogue.
      const engine = new IndicatorEngine(ctx, loadCatalogue(ctx.city));
      added.official_values = await loadOfficialFigures(engine, demoOfficialFigures, tx);
      added.targets = await loadCityTargets(engine, demoTargets2026, tx);
    }
    // One entry for the whole load: the demo is regenerated from its seed, row by row it would only repeat the generator.
    return { result: added, after: { ...options, added } };
  });
  // A bulk load leaves the planner without statistics; embedded PGlite has no autovacuum to gather them.
  await ctx.db.exec('ANALYZE');
  return counts;
}

/** Seeds only an empty registry (first start); null when there are organizations already. */
export async function seedDemoIfEmpty(ctx: AppContext, options: DemoOptions = {}): Promise<SeedCounts | null> {
  if (await hasOrganizations(ctx.db)) return null;
  return seedDemo(ctx, options);
}

/** Projects, achievements, transfers and incubations, planned over the records just loaded; none when the registry has some. */
async function loadAchievements(tx: Queryable, city: CityConfig, today: string, seed: number) {
  if (await hasAchievements(tx)) return {};
  const plan = planAchievements(await achievementPools(tx, DEMO_AS_OF, shippedChains(city)), seed);
  const broken = planProblems(plan, achievementCodes(), city, today);
  if (broken) throw new Error(`demo registry: ${broken.what} breaks the registry's rules (${broken.problems.map((p) => `${p.field}: ${p.message.en}`).join('; ')})`);
  await insertAchievementPlan(tx, plan);
  return { projects: plan.projects.length, achievements: plan.achievements.length, transfers: plan.transfers.length, incubations: plan.incubations.length };
}

/** IP-backed loans to the registry's enterprises, planned over the firms just loaded; none when the registry has some. */
async function loadIpLoans(tx: Queryable, today: string, seed: number): Promise<number> {
  if (await hasIpLoans(tx)) return 0;
  const loans = planIpLoans(await ipLoanBorrowers(tx), loadIpLoanPolicies(), DEMO_AS_OF, seed);
  const broken = ipLoanPlanProblems(loans, today);
  if (broken) throw new Error(`demo registry: IP-backed loan ${broken.loan} breaks the registry's rules (${broken.problems.map((p) => `${p.field}: ${p.message.en}`).join('; ')})`);
  await insertIpLoans(tx, loans);
  return loans.length;
}

async function load<T extends DemoTable>(tx: Queryable, table: T, chunks: Iterable<DemoRows[T][]>, city: CityConfig, today: string): Promise<number> {
  const check = CHECKS[table] as Check<T>;
  let added = 0;
  for (const rows of chunks) {
    for (const row of rows) assertValid(table, row, check(row, city, today));
    added += await writeChunk(tx, table, rows);
  }
  return added;
}

type Check<T extends DemoTable> = (row: DemoRows[T], city: CityConfig, today: string) => FieldViolation[];

/** The checks each table's service runs before it writes (src/modules/<table>/service.ts). */
const CHECKS: { [T in DemoTable]: Check<T> } = {
  organizations: (o, city, today) => checkOrganizationFields(city, o, today),
  qualifications: (q) => checkQualificationFields(q),
  // A claim left out is judged as absent, as the service does for a new institution.
  rd_institutions: (r, city, today) =>
    checkRdInstitutionFields(city, { ...r, four_global: Object.fromEntries(fourGlobalFeatureCodes.map((f) => [f, r.four_global?.[f] ?? null])) }, today),
  platforms: (p, city, today) => checkPlatformFields(city, p, today),
};

function assertValid(table: DemoTable, row: object, problems: FieldViolation[]): void {
  if (problems.length === 0) return;
  const what = problems.map((p) => `${p.field}: ${p.message.en}`).join('; ');
  throw new Error(`demo registry: a record of ${table} breaks the registry's rules (${what}): ${JSON.stringify(row)}`);
}
