import { checkCalendarDate, checkDateRange, checkNotInFuture } from './calendarDate.js';
import type { CityConfig } from './city.js';
import { checkDistrictCode } from './district.js';
import { checkIndustryCode } from './industryCode.js';
import { checkFeatureClaim, fourGlobalFeatureCodes, type FourGlobalFeature } from './fourGlobal.js';
import type { RuleViolation } from './message.js';
import { validateUscc } from './uscc.js';
import { checkZone } from './zone.js';

/**
 * Cross-field checks the services run before writing a record. Each looks only at the keys
 * present in its input (undefined = absent), so a PATCH body goes through the same function as
 * a create; all problems are returned at once, each tied to the input field it concerns.
 */

/** A rule violation located at an input field (dotted path for nested fields). */
export interface FieldViolation extends RuleViolation {
  field: string;
}

function atField(field: string, problems: readonly (RuleViolation | null)[]): FieldViolation[] {
  return problems.filter((p): p is RuleViolation => p !== null).map((p) => ({ ...p, field }));
}

/** A date that records something that already happened: valid, and not after today. */
function pastDate(field: string, value: string | null | undefined, today: string): FieldViolation[] {
  if (value === undefined || value === null) return [];
  return atField(field, [checkCalendarDate(value) ?? checkNotInFuture(value, today)]);
}

/** District (null = outside the city, where allowed) and zone (null = none). */
function place(city: CityConfig, input: { district_code?: string | null; zone?: string | null }): FieldViolation[] {
  const district = input.district_code;
  const zone = input.zone;
  return [
    ...(district === undefined || district === null ? [] : atField('district_code', [checkDistrictCode(city, district)])),
    ...(zone === undefined || zone === null ? [] : atField('zone', [checkZone(city, zone)])),
  ];
}

/** The checksum override needs a recorded reason (管理员放行须填写理由). */
function usccField(uscc: string | undefined, overrideReason: string | null | undefined): FieldViolation[] {
  if (uscc === undefined) return [];
  const allowChecksumOverride = typeof overrideReason === 'string' && overrideReason.trim() !== '';
  return atField('uscc', validateUscc(uscc, { allowChecksumOverride }).violations);
}

export interface OrganizationFields {
  uscc?: string;
  /** null: the organisation is outside the city. */
  district_code?: string | null;
  zone?: string | null;
  founded_on?: string | null;
  uscc_override_reason?: string | null;
  /** GB/T 4754-2017 class; null: not known. */
  industry_code?: string | null;
}

/** Organisation (主体): credit code, location in the city, founding date, industry code. */
export function checkOrganizationFields(city: CityConfig, input: OrganizationFields, today: string): FieldViolation[] {
  const industry = input.industry_code == null ? [] : atField('industry_code', [checkIndustryCode(input.industry_code)]);
  return [...usccField(input.uscc, input.uscc_override_reason), ...place(city, input), ...pastDate('founded_on', input.founded_on, today), ...industry];
}

export interface QualificationFields {
  valid_from?: string;
  /** null: open-ended. */
  valid_to?: string | null;
}

/**
 * Qualification certificate (资质证书) validity. The range is checked only when both ends are in
 * the input; for a PATCH of one end the service passes the merged record.
 */
export function checkQualificationFields(input: QualificationFields): FieldViolation[] {
  const { valid_from: from, valid_to: to } = input;
  const problems = [
    ...(from === undefined ? [] : atField('valid_from', [checkCalendarDate(from)])),
    ...(to === undefined || to === null ? [] : atField('valid_to', [checkCalendarDate(to)])),
  ];
  if (from !== undefined && to !== undefined && to !== null) problems.push(...atField('valid_to', [checkDateRange(from, to)]));
  return problems;
}

/** A four-global claim as the API carries it. */
/** A claim as sent; a key left out (a partial update) is not judged. */
export interface FeatureClaimInput {
  evidence?: string | null;
  confirmed_on?: string | null;
}

export interface RdInstitutionFields {
  district_code?: string;
  zone?: string | null;
  established_on?: string | null;
  four_global?: Partial<Record<FourGlobalFeature, FeatureClaimInput | null>>;
}

/** Each problem of a claim points at the sub-field to fix, e.g. four_global.global_tasks.confirmed_on. */
function fourGlobalFields(claims: Partial<Record<FourGlobalFeature, FeatureClaimInput | null>>, today: string): FieldViolation[] {
  return fourGlobalFeatureCodes.flatMap((feature) => {
    const claim = claims[feature];
    if (claim === undefined || claim === null) return [];
    const violations = checkFeatureClaim(feature, { evidence: claim.evidence ?? null, confirmedOn: claim.confirmed_on ?? null }, today);
    // Without the evidence key the stored evidence stands; the service judges the merged claim.
    return violations.filter((p) => claim.evidence !== undefined || p.code !== 'four_global.confirmation_without_evidence').map((p) => ({
      ...p,
      field: `four_global.${feature}.${p.code === 'four_global.confirmation_without_evidence' ? 'evidence' : 'confirmed_on'}`,
    }));
  });
}

/** R&D institution (研发机构): location, establishment date and its four-global claims. */
export function checkRdInstitutionFields(city: CityConfig, input: RdInstitutionFields, today: string): FieldViolation[] {
  return [
    ...place(city, input),
    ...pastDate('established_on', input.established_on, today),
    ...(input.four_global === undefined ? [] : fourGlobalFields(input.four_global, today)),
  ];
}

export interface PlatformFields {
  district_code?: string;
  zone?: string | null;
  recognized_on?: string | null;
}

/** Innovation platform (创新平台): location and recognition date. */
export function checkPlatformFields(city: CityConfig, input: PlatformFields, today: string): FieldViolation[] {
  return [...place(city, input), ...pastDate('recognized_on', input.recognized_on, today)];
}
