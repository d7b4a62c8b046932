import type { FileEntity } from '../../contracts/fileColumns.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { violation, type Message, type RuleViolation } from '../../domain/message.js';
import { reachOf, type Caller } from '../../domain/permissions.js';
import { zoneName } from '../../domain/zone.js';

/**
 * The area an import is limited to (导入范围): an officer limited to districts or zones imports
 * rows of that area only (docs/security.md). A record lies in the area when its district or its
 * zone is one of the area's, as for every other write. Pure: the reading thread judges the place
 * a row gives, the writer's thread the places the database holds (a stored record's, a
 * qualification's holder's), both with {@link outsideArea}.
 */

export interface AreaScope {
  city: CityConfig;
  districts: readonly string[];
  zones: readonly string[];
}

/** The districts and zones an import is limited to; both empty: the whole city. */
export interface ImportArea {
  districts: string[];
  zones: string[];
}

/** Where a record lies: its district and its zone, either unknown (null). */
export interface Place {
  district: string | null;
  zone: string | null;
}

/** Where a record of each entity lies: its own `district_code` and `zone`, or (a qualification) its holder organization's. */
export const placeSource: Readonly<Record<FileEntity, 'own' | 'holder'>> = {
  organizations: 'own',
  qualifications: 'holder',
  rd_institutions: 'own',
  platforms: 'own',
  // The seller's district and zone, filled from the seller when the file leaves them out (contractRows.ts).
  tech_contracts: 'own',
  talent_introductions: 'own',
  recruitment_calls: 'own',
  // A transfer's or incubation's place is its achievement's, copied by the service (achievementRows.ts).
  projects: 'own',
  achievements: 'own',
  transfers: 'own',
  incubations: 'own',
  // A loan lies where its borrower does, set by the service (loanRows.ts).
  ip_loans: 'own',
};

/** Whose place is judged: the record as the row leaves it, the stored record the row would change, a qualification's holder. */
export type ScopedPlace = 'row' | 'stored' | 'holder';

/** The area a caller's imports are limited to: an officer's districts and zones; none (the whole city) for everyone else. */
export function importArea(caller: Caller): ImportArea {
  return reachOf(caller, 'imports.write') === 'area' ? { districts: [...caller.districts], zones: [...caller.zones] } : { districts: [], zones: [] };
}

/** The scope of an import limited to an area; null when it reaches the whole city. */
export function areaScope(city: CityConfig, area: Partial<ImportArea> | undefined): AreaScope | null {
  const districts = area?.districts ?? [];
  const zones = area?.zones ?? [];
  return districts.length > 0 || zones.length > 0 ? { city, districts, zones } : null;
}

/** Where a row outside the area is reported: a zone officer's at its zone, anyone else's at its district. */
export const areaColumn = (scope: AreaScope): 'district_code' | 'zone' => (scope.districts.length === 0 ? 'zone' : 'district_code');

export const inArea = (scope: AreaScope, place: Place): boolean =>
  (place.district !== null && scope.districts.includes(place.district)) || (place.zone !== null && scope.zones.includes(place.zone));

const subjects: Record<ScopedPlace, Message> = {
  row: { zh: '该行', en: 'This row' },
  stored: { zh: '已有记录', en: 'The existing record' },
  holder: { zh: '资质持有主体', en: 'The holder organization' },
};

const named = (name: Message | null, code: string): Message => {
  const n = name ?? { zh: code, en: code };
  return { zh: n.zh === code ? code : `${n.zh} ${code}`, en: n.en === code ? code : `${n.en} ${code}` };
};

/** What the area holds, by name: 岳麓区、长沙高新区. */
function areaNames(scope: AreaScope): Message {
  const names = [...scope.districts.map((c) => districtName(scope.city, c) ?? { zh: c, en: c }), ...scope.zones.map((c) => zoneName(scope.city, c) ?? { zh: c, en: c })];
  return { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') };
}

/** Where the record lies, in words: 区县 芙蓉区 430102、园区 长沙高新区 changsha_hitech_zone, or that it has neither. */
function placeWords(scope: AreaScope, place: Place): Message {
  const parts: Message[] = [];
  if (place.district !== null) {
    const d = named(districtName(scope.city, place.district), place.district);
    parts.push({ zh: `区县 ${d.zh}`, en: `district ${d.en}` });
  }
  if (place.zone !== null) {
    const z = named(zoneName(scope.city, place.zone), place.zone);
    parts.push({ zh: `园区 ${z.zh}`, en: `zone ${z.en}` });
  }
  if (parts.length === 0) return { zh: '没有区县或园区', en: 'has no district or zone' };
  return { zh: `位于${parts.map((p) => p.zh).join('、')}`, en: `lies in ${parts.map((p) => p.en).join(' and ')}` };
}

/**
 * The violation (`scope.area`) when a record at `place` lies outside the scope's area; null when
 * it lies inside. A record with neither district nor zone lies outside every area.
 */
export function outsideArea(scope: AreaScope, subject: ScopedPlace, place: Place): RuleViolation | null {
  if (inArea(scope, place)) return null;
  const who = subjects[subject];
  const where = placeWords(scope, place);
  const reach = areaNames(scope);
  const params = { place: subject, district: place.district ?? '', zone: place.zone ?? '', districts: scope.districts.join(','), zones: scope.zones.join(',') };
  return violation('scope.area', `${who.zh}${where.zh}，不在您的管辖范围（${reach.zh}）`, `${who.en} ${where.en}, outside your area (${reach.en})`, params);
}
