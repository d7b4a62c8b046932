import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocaleData } from 'i18n-iso-countries';
import { z } from 'zod';
import { parseCalendarDate } from './domain/calendarDate.js';
import { parseCityConfig, type CityConfig } from './domain/city.js';
import { policyProblems, type CompensationPolicy } from './domain/ipLoanCompensation.js';
import { industrialChainProblems, segmentPositions, type IndustrialChains } from './domain/industrialChain.js';
import { organizationKindCodes } from './domain/organization.js';
import { qualificationTypeCodes } from './domain/qualification.js';
import type { AchievementCodes } from './domain/achievement.js';
import type { Divisions } from './domain/buyerRegions.js';
import type { MarketCodes, RegionLists } from './domain/techContract.js';
import { parseHolidayCalendar, type HolidayCalendar } from './domain/workflow/holidayCalendar.js';
import type { S3Settings } from './modules/filings/attachmentStore.js';

/** The package root, found from this file whether it runs from src/ (tests) or dist/server/. */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();

export const packageVersion: string = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Everything configurable, each from an environment variable (documented in README's table);
 * CLI flags override them.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demo: boolean;
  city: string;
  logLevel: string;
  webRoot: string;
  /** A session unused this many minutes ends (STARCITY_SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** A session ends this many hours after sign-in (STARCITY_SESSION_MAX_HOURS, default 12). */
  sessionMaxHours: number;
  /** Fastify's trustProxy (STARCITY_TRUST_PROXY): `1`/`true`, a hop count or addresses; off by default. */
  trustProxy: boolean | string;
  /** A request must arrive whole, headers and body, within this many seconds (STARCITY_REQUEST_TIMEOUT_SECONDS, default 600). */
  requestTimeoutSeconds: number;
  /** A connection silent this many seconds is closed (STARCITY_IDLE_TIMEOUT_SECONDS, default 60). */
  idleTimeoutSeconds: number;
  /** API requests one anonymous client may send per window (STARCITY_ANONYMOUS_RATE_LIMIT, default 120); more are 429. */
  anonymousRateLimit: number;
  /** That window, in seconds (STARCITY_ANONYMOUS_RATE_WINDOW_SECONDS, default 60). */
  anonymousRateWindowSeconds: number;
  /** Public-API requests (/api/v1/public) one client may send per window, signed in or not (STARCITY_PUBLIC_RATE_LIMIT, default 300); more are 429. */
  publicRateLimit: number;
  /** That window, in seconds (STARCITY_PUBLIC_RATE_LIMIT_WINDOW_SECONDS, default 60). */
  publicRateWindowSeconds: number;
  /** Where application documents are kept: `<dataDir>/attachments`, or an S3-compatible bucket (STARCITY_S3_*). */
  attachments: { kind: 'directory'; dir: string } | ({ kind: 's3' } & S3Settings);
  /**
   * STARCITY_TODAY=YYYY-MM-DD, for training, demos and tests only: the server acts as if today
   * were that date (notice periods, filing days, indicator periods). Null: the real date.
   */
  today: string | null;
  /** The Chromium that prints the annual report's PDF (STARCITY_CHROMIUM, default /usr/bin/chromium). */
  chromium: string;
}

/** An S3-compatible bucket when STARCITY_S3_BUCKET is set; then its endpoint and keys are required. */
function attachmentsOf(env: NodeJS.ProcessEnv, dataDir: string): Config['attachments'] {
  const bucket = env.STARCITY_S3_BUCKET;
  if (!bucket) return { kind: 'directory', dir: join(dataDir, 'attachments') };
  const required = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`STARCITY_S3_BUCKET is set, so ${name} is required`);
    return v;
  };
  return {
    kind: 's3',
    bucket,
    endpoint: required('STARCITY_S3_ENDPOINT'),
    accessKeyId: required('STARCITY_S3_ACCESS_KEY_ID'),
    secretAccessKey: required('STARCITY_S3_SECRET_ACCESS_KEY'),
    region: env.STARCITY_S3_REGION || 'us-east-1',
    prefix: env.STARCITY_S3_PREFIX ?? '',
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/** `1`/`true` trusts any proxy, `0`/`false` none; anything else (a hop count, addresses, CIDRs) goes to Fastify as it is. */
function trustProxyOf(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || FALSE.has(raw.toLowerCase())) return false;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  return raw;
}

const FALSE = new Set(['0', 'false', 'no', 'off']);

function todayOf(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (parseCalendarDate(raw) === null) throw new Error(`STARCITY_TODAY must be a date written YYYY-MM-DD, got "${raw}"`);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const config = {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.STARCITY_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    demo: !FALSE.has((env.STARCITY_DEMO ?? '1').toLowerCase()),
    city: env.STARCITY_CITY ?? 'changsha',
    logLevel: env.LOG_LEVEL ?? 'info',
    webRoot: env.STARCITY_WEB_ROOT ?? join(packageRoot, 'dist', 'web'),
    sessionIdleMinutes: positive(env, 'STARCITY_SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: positive(env, 'STARCITY_SESSION_MAX_HOURS', 12),
    trustProxy: trustProxyOf(env.STARCITY_TRUST_PROXY),
    requestTimeoutSeconds: positive(env, 'STARCITY_REQUEST_TIMEOUT_SECONDS', 600),
    idleTimeoutSeconds: positive(env, 'STARCITY_IDLE_TIMEOUT_SECONDS', 60),
    anonymousRateLimit: positive(env, 'STARCITY_ANONYMOUS_RATE_LIMIT', 120),
    anonymousRateWindowSeconds: positive(env, 'STARCITY_ANONYMOUS_RATE_WINDOW_SECONDS', 60),
    publicRateLimit: positive(env, 'STARCITY_PUBLIC_RATE_LIMIT', 300),
    publicRateWindowSeconds: positive(env, 'STARCITY_PUBLIC_RATE_LIMIT_WINDOW_SECONDS', 60),
    today: todayOf(env.STARCITY_TODAY),
    chromium: env.STARCITY_CHROMIUM ?? '/usr/bin/chromium',
    ...overrides,
  };
  // After the overrides: a --data-dir flag moves the documents' directory with the database.
  return { ...config, attachments: overrides.attachments ?? attachmentsOf(env, config.dataDir) };
}

/** A name under config/<dir>/, or a path to a JSON file (from the working directory). */
const configFile = (dir: string, nameOrPath: string) =>
  nameOrPath.endsWith('.json') ? (isAbsolute(nameOrPath) ? nameOrPath : resolve(nameOrPath)) : join(packageRoot, 'config', dir, `${nameOrPath}.json`);

/** A city is a name under config/cities/ or a path to a JSON file of the same shape. */
export function loadCity(nameOrPath: string): CityConfig {
  const file = configFile('cities', nameOrPath);
  if (!existsSync(file)) throw new Error(`City configuration not found: ${file} (STARCITY_CITY=${nameOrPath})`);
  return parseCityConfig(JSON.parse(readFileSync(file, 'utf8')));
}

/** The holiday calendar a city names (its `calendar`): a name under config/calendars/ or a path to a JSON file. */
export function loadHolidayCalendar(nameOrPath: string): HolidayCalendar {
  const file = configFile('calendars', nameOrPath);
  if (!existsSync(file)) throw new Error(`Holiday calendar not found: ${file} (the city configuration's calendar is "${nameOrPath}")`);
  return parseHolidayCalendar(JSON.parse(readFileSync(file, 'utf8')), file);
}

const message = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const code = z.string().regex(/^[a-z][a-z0-9_]*$/);
const contractTypesFile = z
  .strictObject({ types: z.record(code, z.strictObject({ name: message, subTypes: z.record(code, message).refine((s) => Object.keys(s).length > 0, 'a type needs a sub-type') })) })
  // A sub-type is stored, filtered and grouped on alone: its code names one sub-type of one type.
  .refine((file) => {
    const codes = Object.values(file.types).flatMap((t) => Object.keys(t.subTypes));
    return new Set(codes).size === codes.length;
  }, 'a sub-type code is used under two types');
const reasonsFile = z.strictObject({ reasons: z.record(code, message) });
const fieldsFile = z.strictObject({ fields: z.record(code, message) });

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The technology market's code lists (config/market/): contract types and sub-types, reasons for not registering, technology fields. */
export function loadMarketCodes(dir = join(packageRoot, 'config', 'market')): MarketCodes {
  return {
    contractTypes: readJson(join(dir, 'contract-types.json'), contractTypesFile),
    notRegisteredReasons: readJson(join(dir, 'not-registered-reasons.json'), reasonsFile).reasons,
    technologyFields: readJson(join(dir, 'technology-fields.json'), fieldsFile).fields,
  };
}

const programmesFile = z.strictObject({ programmes: z.record(code, message) });
const achievementTypesFile = z.strictObject({ types: z.record(code, message) });

/** Programmes of key-technology projects and types of achievement (config/market/programmes.json, achievement-types.json). */
export function loadAchievementCodes(dir = join(packageRoot, 'config', 'market')): AchievementCodes {
  return {
    programmes: readJson(join(dir, 'programmes.json'), programmesFile).programmes,
    achievementTypes: readJson(join(dir, 'achievement-types.json'), achievementTypesFile).types,
  };
}

const divisionsFile = z.strictObject({
  source: message,
  provinces: z.array(z.tuple([z.string().regex(/^\d{2}$/), z.string()])),
  cities: z.array(z.tuple([z.string().regex(/^\d{4}$/), z.string()])),
  counties: z.array(z.tuple([z.string().regex(/^\d{6}$/), z.string()])),
});

const DIVISIONS_FILE = join(packageRoot, 'config', 'regions', 'cn.json');

/** China's provinces, cities and counties with their Chinese names (config/regions/cn.json). */
export function loadDivisions(file = DIVISIONS_FILE): Divisions {
  return readJson(file, divisionsFile);
}

/**
 * Where a buyer may be: China's county-level divisions (GB/T 2260, config/regions/cn.json, whose
 * `source` names where they come from) and the ISO 3166-1 countries with their Chinese and English
 * names (i18n-iso-countries).
 */
export function loadRegionLists(file = DIVISIONS_FILE): RegionLists {
  const require = createRequire(import.meta.url);
  const divisions = loadDivisions(file);
  // The package's own entry registers its ~100 locales at import (0.2 s on every command); two are enough.
  const countries = require('i18n-iso-countries/index.js') as typeof import('i18n-iso-countries');
  for (const locale of ['zh', 'en']) countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`) as LocaleData);
  const zh = countries.getNames('zh');
  const en = countries.getNames('en');
  return {
    counties: new Set(divisions.counties.map(([code]) => code)),
    countries: new Map(Object.keys(countries.getAlpha2Codes()).map((c) => [c, { zh: zh[c] ?? c, en: en[c] ?? c }])),
  };
}

const day = z.string().refine((s) => parseCalendarDate(s) !== null, 'a calendar date YYYY-MM-DD');
const fraction = z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'a fraction from 0 to 1 as decimal text, e.g. "0.45"');
const ipLoanPoliciesFile = z
  .strictObject({
    policies: z.array(
      z.strictObject({
        code,
        name: message,
        valid_from: day,
        valid_to: day.nullable(),
        shares: z.strictObject({ fund: fraction, lender: fraction, agency: fraction }),
        per_firm_cap: z.string().regex(/^[1-9]\d{0,14}(\.\d{1,2})?$/, 'yuan as decimal text, e.g. "5000000.00"'),
      }),
    ),
  })
  .superRefine((file, ctx) => {
    for (const problem of policyProblems(file.policies)) ctx.addIssue({ code: 'custom', message: problem, path: ['policies'] });
  });

/** The IP-backed loans' risk-compensation policies with their validity dates (config/market/ip-loan-policies.json). */
export function loadIpLoanPolicies(file = join(packageRoot, 'config', 'market', 'ip-loan-policies.json')): CompensationPolicy[] {
  return readJson(file, ipLoanPoliciesFile).policies;
}

const segmentRule = z.strictObject({
  keywords: z.array(z.string()).optional(),
  industryCodes: z.array(z.string()).optional(),
  technologyFields: z.array(z.string()).optional(),
  kinds: z.array(z.string()).optional(),
  qualifications: z.array(z.string()).optional(),
});
const chainsFileShape = z.strictObject({
  chains: z.array(
    z.strictObject({
      id: code,
      name: message,
      segments: z.array(z.strictObject({ id: code, name: message, position: z.enum(segmentPositions), feeds: z.array(z.string()).default([]), rules: z.array(segmentRule) })),
    }),
  ),
  handMapping: z.array(z.strictObject({ uscc: z.string(), segments: z.array(z.string()).min(1), note: z.string().optional() })).default([]),
});

/** Where a city's industrial chains are: config/industrialChains/<the city's GB/T 2260 code>.json. */
export const industrialChainsFile = (city: CityConfig) => join(packageRoot, 'config', 'industrialChains', `${city.code}.json`);

/**
 * The city's industrial chains: the file's shape, then every reference in it (segments, codes,
 * credit codes, the order of segments), each problem named, all at once. A city without a file
 * has no chains. A city adopting StarCity writes its own file: docs/industrial-chains.md.
 */
export function loadIndustrialChains(city: CityConfig, file = industrialChainsFile(city)): IndustrialChains {
  if (!existsSync(file)) return { chains: [], handMapping: [] };
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = chainsFileShape.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`);
  problems.push(...referenceProblems(parsed.success ? parsed.data : raw));
  if (problems.length || !parsed.success) throw new Error(`${file}: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return parsed.data;
}

/** `chains[0].segments[1].name`, as the reference problems write a place. */
const issuePath = (path: readonly PropertyKey[]) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');

/**
 * The references' problems, also of a file whose shape failed, so one start names every problem;
 * a file too broken to follow (no list of chains) has only its shape problems.
 */
function referenceProblems(chains: unknown): string[] {
  const known = { technologyFields: new Set(Object.keys(loadMarketCodes().technologyFields)), kinds: new Set<string>(organizationKindCodes), qualifications: new Set<string>(qualificationTypeCodes) };
  try {
    return industrialChainProblems(withDefaults(chains), known);
  } catch {
    return [];
  }
}

/** The file's lists where the shape check would default them, for following references in a file that failed it. */
function withDefaults(raw: unknown): IndustrialChains {
  const file = raw as { chains: { segments: { feeds?: unknown; rules?: unknown }[] }[]; handMapping?: unknown };
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  return {
    chains: file.chains.map((c) => ({ ...c, segments: c.segments.map((s) => ({ ...s, feeds: list(s.feeds), rules: list(s.rules) })) })) as IndustrialChains['chains'],
    handMapping: list<IndustrialChains['handMapping'][number]>(file.handMapping).map((h) => ({ ...h, segments: list(h.segments) })),
  };
}
