import type { Message } from './message.js';

/**
 * The configuration a city adopts StarCity with (城市配置): its GB/T 2260 districts, the codes
 * that must not be used as districts, its functional/innovation zones, which have no county
 * code and differ from city to city, and the holiday calendar its working days follow. Loading
 * the file is the caller's job; this module only checks it.
 */

/** Cell of a schematic map (示意图): row and column on a grid that keeps the places' relative positions. */
export interface Tile {
  row: number;
  col: number;
}

/** A current county-level division (区县), GB/T 2260. */
export interface District {
  code: string;
  name: Message;
  /** Its cell on the districts' map. */
  tile?: Tile;
}

/** A code that was abolished; records must use its successor instead. */
export interface RetiredDistrict {
  code: string;
  name: Message;
  successor: string;
}

/** A functional zone (功能区) or innovation zone; identified by a slug, not an area code. */
export interface Zone {
  code: string;
  name: Message;
  innovationZone: boolean;
  /** Caveat shown with the zone, e.g. that its membership is unconfirmed. */
  note?: Message;
  /** Its cell on the zones' map: zones overlap districts, so they have a grid of their own. */
  tile?: Tile;
}

export interface CityConfig {
  /** GB/T 2260 code of the city itself, e.g. 430100. */
  code: string;
  name: Message;
  province: Message;
  districts: District[];
  retiredDistricts: RetiredDistrict[];
  /** Statistical placeholders such as 市辖区 (xx01) that are not real districts. */
  placeholderCodes: string[];
  zones: Zone[];
  /**
   * The holiday calendar (节假日安排) its working days follow: a name under config/calendars/
   * (`cn`, mainland China), or a path to a JSON file of the same shape.
   */
  calendar: string;
  /** IANA time zone of the city's day (a record's date, a deadline, "today"): absent, Asia/Shanghai (China's one zone). */
  timeZone: string;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const AREA_CODE = /^\d{6}$/;
const ZONE_CODE = /^[a-z][a-z0-9_]*$/;
const CALENDAR = /^[a-z][a-z0-9_-]*$|\.json$/;

type Problems = string[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function readString(obj: Record<string, unknown>, key: string, path: string, problems: Problems, pattern?: RegExp): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${at(path, key)}: expected a non-empty string`);
    return '';
  }
  if (pattern && !pattern.test(value)) problems.push(`${at(path, key)}: "${value}" does not match ${pattern.source}`);
  return value;
}

function readMessage(value: unknown, path: string, problems: Problems): Message {
  if (!isRecord(value)) {
    problems.push(`${path}: expected an object with zh and en`);
    return { zh: '', en: '' };
  }
  return { zh: readString(value, 'zh', path, problems), en: readString(value, 'en', path, problems) };
}

function readArray<T>(obj: Record<string, unknown>, key: string, problems: Problems, read: (item: unknown, path: string) => T): T[] {
  const value = obj[key];
  if (!Array.isArray(value)) {
    problems.push(`${key}: expected an array`);
    return [];
  }
  return value.map((item, i) => read(item, `${key}[${i}]`));
}

function readObject(item: unknown, path: string, problems: Problems): Record<string, unknown> {
  if (isRecord(item)) return item;
  problems.push(`${path}: expected an object`);
  return {};
}

function readDistrict(item: unknown, path: string, problems: Problems): District {
  const obj = readObject(item, path, problems);
  const tile = readTile(obj.tile, `${path}.tile`, problems);
  const district: District = { code: readString(obj, 'code', path, problems, AREA_CODE), name: readMessage(obj.name, `${path}.name`, problems) };
  return tile ? { ...district, tile } : district;
}

function readTile(value: unknown, path: string, problems: Problems): Tile | undefined {
  if (value === undefined) return undefined;
  const ok = Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n) && n >= 0 && n < 20);
  if (!ok) problems.push(`${path}: expected [row, column], two whole numbers from 0 to 19`);
  return ok ? { row: value[0] as number, col: value[1] as number } : undefined;
}

function readRetired(item: unknown, path: string, problems: Problems): RetiredDistrict {
  const obj = readObject(item, path, problems);
  return {
    code: readString(obj, 'code', path, problems, AREA_CODE),
    name: readMessage(obj.name, `${path}.name`, problems),
    successor: readString(obj, 'successor', path, problems, AREA_CODE),
  };
}

function readZone(item: unknown, path: string, problems: Problems): Zone {
  const obj = readObject(item, path, problems);
  const zone: Zone = {
    code: readString(obj, 'code', path, problems, ZONE_CODE),
    name: readMessage(obj.name, `${path}.name`, problems),
    innovationZone: obj.innovationZone === true,
  };
  if (typeof obj.innovationZone !== 'boolean') problems.push(`${path}.innovationZone: expected true or false`);
  if (obj.note !== undefined) zone.note = readMessage(obj.note, `${path}.note`, problems);
  const tile = readTile(obj.tile, `${path}.tile`, problems);
  if (tile) zone.tile = tile;
  return zone;
}

function readTimeZone(value: unknown, problems: Problems): string {
  if (value === undefined) return DEFAULT_TIME_ZONE;
  try {
    if (typeof value === 'string' && value !== '') return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    // Not a zone the runtime knows: reported below.
  }
  problems.push(`timeZone: expected an IANA time zone such as "Asia/Shanghai", got ${JSON.stringify(value)}`);
  return DEFAULT_TIME_ZONE;
}

function readPlaceholder(item: unknown, path: string, problems: Problems): string {
  if (typeof item === 'string' && AREA_CODE.test(item)) return item;
  problems.push(`${path}: expected a 6-digit code`);
  return '';
}

function duplicates(codes: string[]): string[] {
  return [...new Set(codes.filter((code, i) => code !== '' && codes.indexOf(code) !== i))];
}

/** Rules that span entries: codes unique, successors real, nothing both current and retired. */
function checkConsistency(config: CityConfig, problems: Problems): void {
  const areaCodes = [
    config.code,
    ...config.districts.map((d) => d.code),
    ...config.retiredDistricts.map((d) => d.code),
    ...config.placeholderCodes,
  ];
  for (const code of duplicates(areaCodes)) problems.push(`area code ${code} is listed more than once`);
  for (const code of duplicates(config.zones.map((z) => z.code))) problems.push(`zone code ${code} is listed more than once`);
  const current = new Set(config.districts.map((d) => d.code));
  config.retiredDistricts.forEach((r, i) => {
    if (r.successor !== '' && !current.has(r.successor)) {
      problems.push(`retiredDistricts[${i}].successor: ${r.successor} is not one of the districts`);
    }
  });
  if (config.districts.length === 0) problems.push('districts: a city needs at least one district');
  checkTiles('districts', config.districts, problems);
  checkTiles('zones', config.zones, problems);
}

/** One place a cell: two tiles in the same cell would draw one over the other on the map. */
function checkTiles(list: 'districts' | 'zones', places: ReadonlyArray<{ code: string; tile?: Tile }>, problems: Problems): void {
  const taken = new Map<string, string>();
  places.forEach(({ code, tile }, i) => {
    if (!tile) return;
    const cell = `[${tile.row}, ${tile.col}]`;
    const other = taken.get(cell);
    if (other) problems.push(`${list}[${i}].tile: cell ${cell} is already ${other}'s`);
    else taken.set(cell, code);
  });
}

/**
 * Checks already-parsed JSON against the CityConfig shape and its cross-entry rules.
 * Throws one Error listing every problem found, so a city fixes its file in one pass.
 */
export function parseCityConfig(json: unknown): CityConfig {
  if (!isRecord(json)) throw new Error('Invalid city configuration: expected a JSON object');
  const problems: Problems = [];
  const config: CityConfig = {
    code: readString(json, 'code', '', problems, AREA_CODE),
    name: readMessage(json.name, 'name', problems),
    province: readMessage(json.province, 'province', problems),
    districts: readArray(json, 'districts', problems, (item, path) => readDistrict(item, path, problems)),
    retiredDistricts: readArray(json, 'retiredDistricts', problems, (item, path) => readRetired(item, path, problems)),
    placeholderCodes: readArray(json, 'placeholderCodes', problems, (item, path) => readPlaceholder(item, path, problems)),
    zones: readArray(json, 'zones', problems, (item, path) => readZone(item, path, problems)),
    calendar: readString(json, 'calendar', '', problems, CALENDAR),
    timeZone: readTimeZone(json.timeZone, problems),
  };
  if (problems.length === 0) checkConsistency(config, problems);
  if (problems.length > 0) throw new Error(`Invalid city configuration:\n- ${problems.join('\n- ')}`);
  return config;
}
