import { createOrganization } from '../organizations/service.js';
import { createPlatform } from '../platforms/service.js';
import { createQualification } from '../qualifications/service.js';
import { createRdInstitution } from '../rdInstitutions/service.js';
import type { RegistryContext, ServiceContext } from '../shared/context.js';
import { demoRegistry, type DemoRegistry } from './generator.js';
import { existingKeys, hasOrganizations, hostedKey, qualificationKey, type ExistingKeys } from './queries.js';

/** How many records of each kind a load added (records already present are not counted). */
export interface SeedCounts {
  organizations: number;
  qualifications: number;
  rd_institutions: number;
  platforms: number;
}

/**
 * Loads the demo registry (演示数据) through the registry's own use cases, so every rule that
 * guards user input guards the demo too. One transaction: all of it or nothing. Records whose
 * natural key exists are skipped, so loading twice adds nothing.
 */
export async function seedDemo(ctx: RegistryContext): Promise<SeedCounts> {
  const demo = demoRegistry(ctx.city);
  const counts = await ctx.db.transaction(async (tx) => load({ db: tx, city: ctx.city }, demo, await existingKeys(tx)));
  // A bulk load leaves the planner without statistics; embedded PGlite has no autovacuum to gather them.
  await ctx.db.exec('ANALYZE');
  return counts;
}

/** Seeds only an empty registry (first start); null when there are organizations already. */
export async function seedDemoIfEmpty(ctx: RegistryContext): Promise<SeedCounts | null> {
  if (await hasOrganizations(ctx.db)) return null;
  return seedDemo(ctx);
}

async function load(svc: ServiceContext, demo: DemoRegistry, existing: ExistingKeys): Promise<SeedCounts> {
  const ids = existing.organizations;
  const counts: SeedCounts = { organizations: 0, qualifications: 0, rd_institutions: 0, platforms: 0 };
  const idOf = (uscc: string): number => {
    const id = ids.get(uscc);
    if (id === undefined) throw new Error(`demo registry: no organization with credit code ${uscc}`);
    return id;
  };

  for (const org of demo.organizations) {
    if (ids.has(org.uscc)) continue;
    ids.set(org.uscc, (await createOrganization(svc, org)).id);
    counts.organizations++;
  }
  for (const { uscc, ...q } of demo.qualifications) {
    if (existing.qualifications.has(qualificationKey(uscc, q.qualification, q.valid_from))) continue;
    await createQualification(svc, { ...q, organization_id: idOf(uscc) });
    counts.qualifications++;
  }
  for (const { host_uscc, ...r } of demo.rdInstitutions) {
    if (existing.rdInstitutions.has(hostedKey(host_uscc, r.name))) continue;
    await createRdInstitution(svc, { ...r, host_org_id: idOf(host_uscc) });
    counts.rd_institutions++;
  }
  for (const { host_uscc, ...p } of demo.platforms) {
    if (existing.platforms.has(hostedKey(host_uscc, p.name))) continue;
    await createPlatform(svc, { ...p, host_org_id: idOf(host_uscc) });
    counts.platforms++;
  }
  return counts;
}
