// A realistic registry to load: the demo registry (when the demo seed is built) topped up with
// generated organizations to BENCH_ORGANIZATIONS (5,000 by default). The generator is seeded, so
// both engines hold the same rows. It goes through the compiled server code (dist/server).
import { existsSync } from 'node:fs';
import { random } from '../random.mjs';

const dist = new URL('../../dist/server/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);

const KINDS = [
  ['enterprise', 85],
  ['research_institute', 4],
  ['new_type_rd_institution', 4],
  ['university', 2],
  ['hospital', 2],
  ['financial_institution', 1],
  ['public_body', 1],
  ['other', 1],
];
const PLACES = ['长沙', '湖南', '星城', '麓谷', '湘江', '岳麓山', '橘洲', '浏阳河', '芙蓉', '望城'];
const CORES = ['华创', '博远', '中联', '新锐', '智源', '恒达', '天成', '科睿', '瑞丰', '德润', '云帆', '晟泰', '启明', '英特', '远大'];
const TRADES = ['智能科技', '生物医药', '新材料', '电子信息', '装备制造', '软件', '光电', '环保科技', '数据服务', '汽车零部件', '航空航天', '检测认证'];
const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司'];
const ROADS = ['麓谷大道', '岳麓大道', '芙蓉中路', '人民东路', '黄兴大道', '金星北路', '东二环', '韶山南路'];

/**
 * Migrates, loads the demo registry if built, and adds generated organizations up to `target`.
 * `config` is { databaseUrl } or { dataDir }. Returns what the database then holds and the id of
 * the organization in the middle of the table, the one the GET scenarios read.
 */
export async function seedRegistry(config, target) {
  const { openDatabase } = await load('db/open.js');
  const { migrate } = await load('db/migrate.js');
  const { loadCity, loadHolidayCalendar } = await load('config.js');
  const { appContext } = await load('modules/shared/context.js');
  const city = loadCity('changsha');
  const { db } = await openDatabase({ databaseUrl: config.databaseUrl ?? null, dataDir: config.dataDir ?? '' }, 'bench-seed');
  try {
    await migrate(db);
    let demo = 0;
    if (existsSync(new URL('modules/demo/seed.js', dist))) {
      const { seedDemo } = await load('modules/demo/seed.js');
      demo = (await seedDemo(appContext(db, city, loadHolidayCalendar(city.calendar)))).organizations;
    }
    const before = await count(db);
    await insertGenerated(db, city, Math.max(0, target - before));
    // Planner statistics, as autovacuum would gather them on a server that has been running a while.
    await db.query('ANALYZE');
    const organizations = await count(db);
    const middle = await db.query('SELECT id FROM organizations ORDER BY id OFFSET $1 LIMIT 1', [Math.floor(organizations / 2)]);
    return { organizations, demo, middleId: middle.rows[0].id, authorization: await benchToken(appContext(db, city, loadHolidayCalendar(city.calendar))) };
  } finally {
    await db.close();
  }
}

async function count(db) {
  return (await db.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n;
}

async function insertGenerated(db, city, n) {
  const { orgCodeCheckCharacter, usccCheckCharacter } = await load('domain/uscc.js');
  const next = random(20250101);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const weighted = KINDS.flatMap(([kind, weight]) => Array(weight).fill(kind));
  const rows = [];
  for (let i = 1; i <= n; i++) {
    // 'Q' keeps generated organisation codes apart from the demo's real ones.
    const orgCode = `Q${String(i).padStart(7, '0')}`;
    const first17 = `91430100${orgCode}${orgCodeCheckCharacter(orgCode)}`;
    const district = pick(city.districts);
    const year = 1990 + Math.floor(next() * 35);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    rows.push([
      first17 + usccCheckCharacter(first17),
      `${pick(PLACES)}${pick(CORES)}${pick(TRADES)}${pick(SUFFIXES)}`,
      null,
      pick(weighted),
      district.code,
      next() < 0.4 ? pick(city.zones).code : null,
      `${year}-${month}-${day}`,
      `${city.name.zh}${district.name.zh}${pick(ROADS)}${1 + Math.floor(next() * 999)}号`,
    ]);
  }
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const values = batch.map((r, b) => `(${r.map((_, c) => `$${b * r.length + c + 1}`).join(', ')})`).join(', ');
    await db.query(
      `INSERT INTO organizations (uscc, name, name_en, kind, district_code, zone, founded_on, address) VALUES ${values} ON CONFLICT (uscc) DO NOTHING`,
      batch.flat(),
    );
  }
}

/** The registry is read with an account (issue 16): an administrator's API token for the load. */
async function benchToken(ctx) {
  const { createUser } = await load('modules/accounts/users.js');
  const { createToken } = await load('modules/accounts/tokens.js');
  const { systemActor } = await load('modules/audit/trail.js');
  const { defaultSessionPolicy } = await load('domain/accountSecurity.js');
  const { grantableScopes } = await load('domain/permissions.js');
  const accounts = { ...ctx, sessions: defaultSessionPolicy };
  const user = await createUser(accounts, { username: 'bench-admin', role: 'admin', password: 'Bench-Password-1' }, systemActor('bench'));
  const owner = { role: 'admin', organizationIds: [], districts: [], zones: [], scopes: null, userId: user.id };
  const token = await createToken(accounts, owner, { name: 'bench', scopes: grantableScopes(owner), expires_in: '30d' }, systemActor('bench'));
  return `Bearer ${token.token}`;
}
