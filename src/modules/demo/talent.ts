import type { Queryable } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import { checkRecruitmentCallFields, checkTalentIntroductionFields, type TalentCategory, type TalentMode } from '../../domain/talent.js';
import { DEMO_AS_OF } from './genContext.js';
import { fromDays, Random, toDays } from './random.js';

/**
 * The demo's talent introductions and recruitment calls. The report's 2025 figures — 2 Nobel
 * laureates (flexible), 7 academicians, 3 overseas teams — exactly, the other categories and the
 * earlier years by chance. Every person is fictitious and says so in the name (虚构…, Fictitious
 * …); the demo stores no phone numbers or ID numbers, only example.org mail addresses, so no
 * real person's data can be made up.
 */

export interface DemoIntroduction {
  person_name: string;
  email: string | null;
  category: TalentCategory;
  mode: TalentMode;
  host_org_id: number;
  introduced_on: string;
  field: string;
}

export interface DemoCall {
  org_id: number;
  title: string;
  positions: number;
  description: string;
  published_on: string;
  deadline: string;
}

/** Introductions per category in each year; 2025 is the report's (changsha-2025.md), the rest plausible. */
const REPORTED_2025: Readonly<Partial<Record<TalentCategory, number>>> = { nobel_laureate: 2, academician: 7, overseas_team: 3 };
const OTHER_CATEGORIES: ReadonlyArray<readonly [TalentCategory, number, number]> = [
  ['leading_talent', 20, 45],
  ['young_talent', 60, 140],
  ['other', 5, 20],
];
const YEARS = [2021, 2022, 2023, 2024, 2025];
const FIELDS = ['新材料', '生物医药', '人工智能', '先进制造', '新能源', '电子信息', '现代农业'];
const LABELS: Record<TalentCategory, { zh: string; en: string }> = {
  nobel_laureate: { zh: '虚构诺奖得主', en: 'Fictitious Laureate' },
  academician: { zh: '虚构院士', en: 'Fictitious Academician' },
  overseas_team: { zh: '虚构海外团队', en: 'Fictitious Overseas Team' },
  leading_talent: { zh: '虚构领军人才', en: 'Fictitious Leading Talent' },
  young_talent: { zh: '虚构青年人才', en: 'Fictitious Young Talent' },
  other: { zh: '虚构人才', en: 'Fictitious Talent' },
};

/** How many of a category were introduced in a year. */
function countOf(rng: Random, category: TalentCategory, year: number): number {
  if (year === 2025 && REPORTED_2025[category] !== undefined) return REPORTED_2025[category]!;
  const other = OTHER_CATEGORIES.find(([c]) => c === category);
  if (other) return rng.int(other[1], other[2]);
  // Laureates, academicians and teams of earlier years: a handful.
  return rng.int(category === 'nobel_laureate' ? 0 : 1, category === 'nobel_laureate' ? 1 : 5);
}

/** Laureates are flexible (the report says so); academicians and teams mostly full time; others by chance. */
function modeOf(rng: Random, category: TalentCategory): TalentMode {
  if (category === 'nobel_laureate') return 'flexible';
  return rng.chance(category === 'academician' || category === 'overseas_team' ? 0.2 : 0.35) ? 'flexible' : 'full_time';
}

export function planIntroductions(hosts: readonly number[], seed: number): DemoIntroduction[] {
  const rng = new Random(seed ^ 0x7a1e);
  const out: DemoIntroduction[] = [];
  for (const year of YEARS) {
    for (const category of Object.keys(LABELS) as TalentCategory[]) {
      const n = countOf(rng, category, year);
      for (let i = 0; i < n; i++) {
        const index = out.length + 1;
        const english = category === 'nobel_laureate' || category === 'overseas_team';
        const name = english ? `${LABELS[category].en} ${index}` : `${LABELS[category].zh}${index}`;
        out.push({
          person_name: name,
          email: rng.chance(0.5) ? `talent${index}@example.org` : null,
          category,
          mode: modeOf(rng, category),
          host_org_id: rng.pick(hosts),
          introduced_on: fromDays(rng.int(toDays(`${year}-01-01`), toDays(`${year}-12-31`))),
          field: rng.pick(FIELDS),
        });
      }
    }
  }
  return out;
}

/** A few calls: some closed, some still open on the demo's day. */
export function planCalls(hosts: readonly number[], seed: number): DemoCall[] {
  const rng = new Random(seed ^ 0xca11);
  const titles = ['全球引才招贤令', '首席科学家招募令', '青年英才招聘公告', '海外高层次人才团队揭榜招贤', '博士后创新岗位招聘', '产业教授招募令'];
  const asOf = toDays(DEMO_AS_OF);
  return titles.map((title, i) => {
    const published = asOf - rng.int(20, 400);
    return {
      org_id: rng.pick(hosts),
      title: `（虚构示例）${title}`,
      positions: rng.int(2, 60),
      description: `${rng.pick(FIELDS)}方向；面向全球招聘，提供科研启动经费与住房保障（虚构示例）`,
      published_on: fromDays(published),
      deadline: fromDays(i % 2 === 0 ? asOf + rng.int(30, 120) : published + rng.int(15, 60)),
    };
  });
}

/** The first rule a planned record breaks, for the seed to refuse the whole load. */
export function talentPlanProblems(city: CityConfig, introductions: readonly DemoIntroduction[], calls: readonly DemoCall[], today: string): FieldViolation[] | null {
  for (const r of introductions) {
    const problems = checkTalentIntroductionFields(city, r, today);
    if (problems.length) return problems;
  }
  for (const c of calls) {
    const problems = checkRecruitmentCallFields(city, { published_on: c.published_on, deadline: c.deadline }, today);
    if (problems.length) return problems;
  }
  return null;
}

export async function hasTalent(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM talent_introductions) OR EXISTS (SELECT 1 FROM recruitment_calls) AS any');
  return rows[0]?.any === true;
}

/** Universities, institutes and new-type R&D institutions in the city's districts: the hosts. */
export async function talentHosts(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    "SELECT id FROM organizations WHERE kind IN ('university', 'research_institute', 'new_type_rd_institution') AND district_code IS NOT NULL ORDER BY id LIMIT 200",
  );
  return rows.map((r) => r.id);
}

/** Each table in one statement; a record lies where its organization does, as the service places it. */
export async function insertTalent(db: Queryable, introductions: readonly DemoIntroduction[], calls: readonly DemoCall[]): Promise<void> {
  await db.query(
    `INSERT INTO talent_introductions (person_name, email, category, mode, host_org_id, introduced_on, field, district_code, zone)
     SELECT u.person_name, u.email, u.category, u.mode, u.host_org_id, u.introduced_on, u.field, o.district_code, o.zone
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::date[], $7::text[]) AS u(person_name, email, category, mode, host_org_id, introduced_on, field)
       JOIN organizations o ON o.id = u.host_org_id`,
    (['person_name', 'email', 'category', 'mode', 'host_org_id', 'introduced_on', 'field'] as const).map((k) => introductions.map((r) => r[k])),
  );
  await db.query(
    `INSERT INTO recruitment_calls (org_id, title, positions, description, published_on, deadline, district_code, zone)
     SELECT u.org_id, u.title, u.positions, u.description, u.published_on, u.deadline, o.district_code, o.zone
       FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::date[], $6::date[]) AS u(org_id, title, positions, description, published_on, deadline)
       JOIN organizations o ON o.id = u.org_id`,
    (['org_id', 'title', 'positions', 'description', 'published_on', 'deadline'] as const).map((k) => calls.map((c) => c[k])),
  );
}

/** Plans, checks and writes the demo's talent over the hosts just loaded; none when the registry has some. */
export async function loadTalent(tx: Queryable, city: CityConfig, today: string, seed: number): Promise<{ talent_introductions: number; recruitment_calls: number }> {
  if (await hasTalent(tx)) return { talent_introductions: 0, recruitment_calls: 0 };
  const hosts = await talentHosts(tx);
  if (hosts.length === 0) return { talent_introductions: 0, recruitment_calls: 0 };
  const introductions = planIntroductions(hosts, seed);
  const calls = planCalls(hosts, seed);
  const broken = talentPlanProblems(city, introductions, calls, today);
  if (broken) throw new Error(`demo registry: talent breaks the registry's rules (${broken.map((p) => `${p.field}: ${p.message.en}`).join('; ')})`);
  await insertTalent(tx, introductions, calls);
  return { talent_introductions: introductions.length, recruitment_calls: calls.length };
}
