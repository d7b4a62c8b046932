import type { FileEntity } from '../../contracts/fileColumns.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { violation, type RuleViolation } from '../../domain/message.js';
import { reachOf, type Caller } from '../../domain/permissions.js';

/**
 * The districts an import is limited to (导入范围): an officer limited to districts imports rows of
 * those districts only (docs/security.md). Pure: the reading thread checks the district a row
 * gives, the writer's thread the districts the database holds (a stored record's, a
 * qualification's holder's), both with {@link outsideDistricts}.
 */

export interface DistrictScope {
  city: CityConfig;
  /** Never empty: an import of the whole city has no scope. */
  districts: readonly string[];
}

/** Where a record of each entity lies: its own `district_code`, or (a qualification) its holder organization's. */
export const districtSource: Readonly<Record<FileEntity, 'own' | 'holder'>> = {
  organizations: 'own',
  qualifications: 'holder',
  rd_institutions: 'own',
  platforms: 'own',
};

/** Whose district is judged: the record as the row leaves it, the stored record the row would change, a qualification's holder. */
export type ScopedPlace = 'row' | 'stored' | 'holder';

/** The districts a caller's imports are limited to: an officer's districts; none (the whole city) for everyone else. */
export function importDistricts(caller: Caller): string[] {
  return reachOf(caller, 'imports.write') === 'area' ? [...caller.districts] : [];
}

/** The scope of an import limited to `districts`; null when it reaches the whole city. */
export const districtScope = (city: CityConfig, districts: readonly string[] | undefined): DistrictScope | null =>
  districts && districts.length > 0 ? { city, districts } : null;

const subjects: Record<ScopedPlace, { zh: string; en: string }> = {
  row: { zh: '该行的区县', en: "This row's district" },
  stored: { zh: '已有记录所在的区县', en: "The existing record's district" },
  holder: { zh: '资质持有主体所在的区县', en: "The holder organization's district" },
};

const noDistrict: Record<ScopedPlace, { zh: string; en: string }> = {
  row: { zh: '该行没有区县', en: 'This row has no district' },
  stored: { zh: '已有记录没有区县', en: 'The existing record has no district' },
  holder: { zh: '资质持有主体没有区县', en: 'The holder organization has no district' },
};

const named = (city: CityConfig, code: string) => districtName(city, code) ?? { zh: code, en: code };

/**
 * The violation (`scope.district`) when a record in `districtCode` lies outside the scope's
 * districts; null when it lies inside. No district lies outside every district.
 */
export function outsideDistricts(scope: DistrictScope, place: ScopedPlace, districtCode: string | null): RuleViolation | null {
  if (districtCode !== null && scope.districts.includes(districtCode)) return null;
  const yours = scope.districts.map((code) => named(scope.city, code));
  const reach = { zh: yours.map((n) => n.zh).join('、'), en: yours.map((n) => n.en).join(', ') };
  const params = { place, district: districtCode ?? '', districts: scope.districts.join(',') };
  if (districtCode === null) {
    const none = noDistrict[place];
    return violation('scope.district', `${none.zh}，不在您的管辖范围（${reach.zh}）`, `${none.en}, so it lies outside your districts (${reach.en})`, params);
  }
  const at = named(scope.city, districtCode);
  const zhAt = at.zh === districtCode ? districtCode : `${at.zh} ${districtCode}`;
  const enAt = at.en === districtCode ? districtCode : `${at.en} ${districtCode}`;
  const subject = subjects[place];
  return violation('scope.district', `${subject.zh}（${zhAt}）不在您的管辖范围（${reach.zh}）`, `${subject.en} (${enAt}) is outside your districts (${reach.en})`, params);
}
