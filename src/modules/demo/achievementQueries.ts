import type { Queryable } from '../../db/client.js';
import type { IndustrialChains } from '../../domain/industrialChain.js';
import { researchFields, type AchievementPlan, type Hosted, type Pools, type ResearchField } from './achievements.js';

/**
 * SQL of the demo's projects, achievements, transfers and incubations: the pools they are planned
 * over, and one INSERT … SELECT FROM unnest per table (a few thousand rows in all). A record lies
 * where its institution or platform does, else where its organization does, as the services place
 * it; a transfer and an incubation copy their achievement's (or institution's) owner and place.
 */

export async function hasAchievements(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM achievements) AS any');
  return rows[0]?.any === true;
}

const NAMED_PLATFORMS = { xiangjiang: '湘江实验室', furong: '芙蓉实验室', yueluIic: '岳麓山工业创新中心' } as const;

/** The fields of the organizations that own achievements and lead projects (owners, and the hosts of institutions and platforms). */
async function fieldsOf(db: Queryable, ids: readonly number[], chains: IndustrialChains): Promise<Map<number, ResearchField>> {
  const { rows } = await db.query<{ id: number; uscc: string; name: string; name_en: string | null; kind: string; industry_code: string | null }>(
    'SELECT id, uscc, name, name_en, kind, industry_code FROM organizations WHERE id = ANY($1::int[])',
    [ids],
  );
  return researchFields(rows.map((r) => ({ id: r.id, uscc: r.uscc, name: r.name, nameEn: r.name_en, kind: r.kind, industryCode: r.industry_code })), chains);
}

export async function achievementPools(db: Queryable, asOf: string, chains: IndustrialChains): Promise<Pools> {
  const owners = await db.query<{ id: number }>(
    `SELECT id FROM organizations WHERE kind IN ('enterprise', 'university', 'research_institute') AND (founded_on IS NULL OR founded_on < '2016-01-01') ORDER BY id LIMIT 3000`,
  );
  const enterprises = await db.query<{ id: number; founded_on: string }>(
    `SELECT id, founded_on FROM organizations WHERE kind = 'enterprise' AND founded_on BETWEEN '2018-01-01' AND $1 ORDER BY founded_on, id`,
    [asOf],
  );
  const institutions = await db.query<Hosted>(
    `SELECT id, host_org_id AS host FROM rd_institutions WHERE category = 'new_type_rd_institution' AND COALESCE(established_on, created_at::date) < '2021-01-01' ORDER BY id LIMIT 24`,
  );
  const platforms = await db.query<Hosted & { name: string }>('SELECT id, host_org_id AS host, name FROM platforms WHERE name = ANY($1::text[]) ORDER BY id', [Object.values(NAMED_PLATFORMS)]);
  const named = (name: string) => platforms.rows.find((p) => p.name === name);
  const hosts = [...institutions.rows, ...platforms.rows].map((h) => h.host);
  return {
    fields: await fieldsOf(db, [...owners.rows.map((r) => r.id), ...hosts], chains),
    owners: owners.rows.map((r) => r.id),
    newEnterprises: enterprises.rows,
    newTypeInstitutions: institutions.rows,
    platforms: { xiangjiang: named(NAMED_PLATFORMS.xiangjiang), furong: named(NAMED_PLATFORMS.furong), yueluIic: named(NAMED_PLATFORMS.yueluIic) },
  };
}

const column = <T, V>(rows: readonly T[], f: (row: T) => V): V[] => rows.map(f);
/** Identity values rise in insertion order: the new ids, ascending, are the planned rows in order. */
const inOrder = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

/** Place: the institution's, else the platform's, else the organization's. */
const PLACE = `COALESCE(r.district_code, p.district_code, o.district_code), CASE WHEN r.id IS NOT NULL THEN r.zone WHEN p.id IS NOT NULL THEN p.zone ELSE o.zone END`;

export async function insertAchievementPlan(db: Queryable, plan: AchievementPlan): Promise<void> {
  const projects = plan.projects;
  const projectIds = inOrder(
    (
      await db.query<{ id: number }>(
        `INSERT INTO projects (title, lead_org_id, programme, budget, start_on, end_on, status, platform_id, district_code, zone)
         SELECT u.title, u.lead, u.programme, u.budget, u.start_on, u.end_on, u.status, u.platform, ${PLACE}
           FROM unnest($1::text[], $2::int[], $3::text[], $4::numeric[], $5::date[], $6::date[], $7::text[], $8::int[]) WITH ORDINALITY
                AS u(title, lead, programme, budget, start_on, end_on, status, platform, ord)
           JOIN organizations o ON o.id = u.lead LEFT JOIN platforms p ON p.id = u.platform LEFT JOIN rd_institutions r ON false
          ORDER BY u.ord RETURNING id`,
        [column(projects, (r) => r.title), column(projects, (r) => r.lead_org_id), column(projects, (r) => r.programme), column(projects, (r) => r.budget), column(projects, (r) => r.start_on), column(projects, (r) => r.end_on), column(projects, (r) => r.status), column(projects, (r) => r.platform_id)],
      )
    ).rows,
  );
  const partners = projects.flatMap((r, i) => r.partner_org_ids.map((org, k) => [projectIds[i]!, org, k + 1] as const));
  await db.query('INSERT INTO project_partners (project_id, org_id, position) SELECT * FROM unnest($1::int[], $2::int[], $3::int[])', [partners.map((x) => x[0]), partners.map((x) => x[1]), partners.map((x) => x[2])]);

  const a = plan.achievements;
  const flag = (f: string) => column(a, (r) => r.flags.includes(f as never));
  const achievementIds = inOrder(
    (
      await db.query<{ id: number }>(
        `INSERT INTO achievements (title, type, key_tech_breakthrough, globally_leading, independently_controllable, year, owner_org_id, rd_institution_id, platform_id, project_id, evidence, district_code, zone)
         SELECT u.title, u.type, u.key_tech, u.globally, u.controllable, u.year, u.owner, u.institution, u.platform, u.project, u.evidence, ${PLACE}
           FROM unnest($1::text[], $2::text[], $3::bool[], $4::bool[], $5::bool[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::text[]) WITH ORDINALITY
                AS u(title, type, key_tech, globally, controllable, year, owner, institution, platform, project, evidence, ord)
           JOIN organizations o ON o.id = u.owner LEFT JOIN rd_institutions r ON r.id = u.institution LEFT JOIN platforms p ON p.id = u.platform
          ORDER BY u.ord RETURNING id`,
        [
          column(a, (r) => r.title), column(a, (r) => r.type), flag('key_tech_breakthrough'), flag('globally_leading'), flag('independently_controllable'), column(a, (r) => r.year),
          column(a, (r) => r.organization_ids[0]!), column(a, (r) => r.rd_institution_id), column(a, (r) => r.platform_id), column(a, (r) => (r.project === null ? null : projectIds[r.project]!)), column(a, (r) => r.evidence),
        ],
      )
    ).rows,
  );
  const others = a.flatMap((r, i) => r.organization_ids.slice(1).map((org, k) => [achievementIds[i]!, org, k + 1] as const));
  await db.query('INSERT INTO achievement_organizations (achievement_id, org_id, position) SELECT * FROM unnest($1::int[], $2::int[], $3::int[])', [others.map((x) => x[0]), others.map((x) => x[1]), others.map((x) => x[2])]);

  const t = plan.transfers;
  await db.query(
    `INSERT INTO transfers (achievement_id, receiver_org_id, mode, amount, transferred_on, owner_org_id, rd_institution_id, platform_id, district_code, zone)
     SELECT a.id, u.receiver, u.mode, u.amount, u.on_day, a.owner_org_id, a.rd_institution_id, a.platform_id, a.district_code, a.zone
       FROM unnest($1::int[], $2::int[], $3::text[], $4::numeric[], $5::date[]) WITH ORDINALITY AS u(achievement, receiver, mode, amount, on_day, ord)
       JOIN achievements a ON a.id = u.achievement ORDER BY u.ord`,
    [column(t, (r) => achievementIds[r.achievement]!), column(t, (r) => r.receiver_org_id), column(t, (r) => r.mode), column(t, (r) => r.amount), column(t, (r) => r.transferred_on)],
  );
  const n = plan.incubations;
  await db.query(
    `INSERT INTO incubations (enterprise_org_id, achievement_id, rd_institution_id, incubated_on, owner_org_id, district_code, zone)
     SELECT u.enterprise, a.id, COALESCE(a.rd_institution_id, r.id), u.on_day, COALESCE(a.owner_org_id, r.host_org_id), COALESCE(a.district_code, r.district_code), CASE WHEN a.id IS NOT NULL THEN a.zone ELSE r.zone END
       FROM unnest($1::int[], $2::int[], $3::int[], $4::date[]) WITH ORDINALITY AS u(enterprise, achievement, institution, on_day, ord)
       LEFT JOIN achievements a ON a.id = u.achievement LEFT JOIN rd_institutions r ON r.id = u.institution ORDER BY u.ord`,
    [column(n, (r) => r.enterprise_org_id), column(n, (r) => (r.achievement === null ? null : achievementIds[r.achievement]!)), column(n, (r) => r.rd_institution_id), column(n, (r) => r.incubated_on)],
  );
}
