import type { RdInstitution, RdInstitutionCreate, RdInstitutionPatch } from '../../../../src/contracts/rdInstitutions';
import { fourGlobalFeatureCodes, type FourGlobalFeature } from '../../../../src/domain/fourGlobal';
import type { RecognitionLevel } from '../../../../src/domain/level';
import type { RdInstitutionCategory } from '../../../../src/domain/rdInstitution';
import type { Draft } from '../../api/resources';
import { changedFields, textOrNull, textValue, valueOrNull, withoutEmpty } from '../../form/formModel';

/** One "four global" (四个全球) claim on the form: evidence text and the reviewer's confirmation date. */
export interface ClaimValues {
  evidence: string;
  confirmed_on: string | null;
}

/** The R&D institution form (研发机构表单) as antd holds it. */
export interface RdInstitutionValues {
  host_org_id: number | null;
  name: string;
  name_en: string;
  category: RdInstitutionCategory | null;
  level: RecognitionLevel | null;
  established_on: string | null;
  district_code: string | null;
  zone: string | null;
  four_global: Record<FourGlobalFeature, ClaimValues>;
}

export const rdInstitutionFieldPaths = [
  'host_org_id',
  'name',
  'name_en',
  'category',
  'level',
  'established_on',
  'district_code',
  'zone',
  ...fourGlobalFeatureCodes.flatMap((f) => [`four_global.${f}.evidence`, `four_global.${f}.confirmed_on`]),
];

type FourGlobalOut = RdInstitution['four_global'];
type FourGlobalIn = NonNullable<RdInstitutionCreate['four_global']>;

function claimValues(four: FourGlobalOut | undefined): Record<FourGlobalFeature, ClaimValues> {
  const entries = fourGlobalFeatureCodes.map((f) => [f, { evidence: textValue(four?.[f].evidence), confirmed_on: four?.[f].confirmed_on ?? null }] as const);
  return Object.fromEntries(entries) as Record<FourGlobalFeature, ClaimValues>;
}

export function rdInstitutionValues(r?: RdInstitution): RdInstitutionValues {
  return {
    host_org_id: r?.host_org_id ?? null,
    name: r?.name ?? '',
    name_en: textValue(r?.name_en),
    category: r?.category ?? null,
    level: r?.level ?? null,
    established_on: r?.established_on ?? null,
    district_code: r?.district_code ?? null,
    zone: r?.zone ?? null,
    four_global: claimValues(r?.four_global),
  };
}

/** A claim with neither evidence nor date is sent as null: nothing is claimed. */
function claimsBody(claims: Record<FourGlobalFeature, ClaimValues>): FourGlobalIn {
  const entries = fourGlobalFeatureCodes.map((f) => {
    const evidence = textOrNull(claims[f]?.evidence);
    const confirmed_on = valueOrNull(claims[f]?.confirmed_on);
    return [f, evidence === null && confirmed_on === null ? null : { evidence, confirmed_on }] as const;
  });
  return Object.fromEntries(entries) as FourGlobalIn;
}

function body(v: RdInstitutionValues): Draft<RdInstitutionCreate> {
  return {
    host_org_id: valueOrNull(v.host_org_id),
    name: v.name,
    name_en: textOrNull(v.name_en),
    category: valueOrNull(v.category),
    level: valueOrNull(v.level),
    established_on: valueOrNull(v.established_on),
    district_code: valueOrNull(v.district_code),
    zone: valueOrNull(v.zone),
    four_global: claimsBody(v.four_global),
  };
}

export const rdInstitutionCreate = (v: RdInstitutionValues): Draft<RdInstitutionCreate> => withoutEmpty(body(v), ['host_org_id', 'category', 'level', 'district_code']);

export const rdInstitutionPatch = (before: RdInstitutionValues, after: RdInstitutionValues): Draft<RdInstitutionPatch> => changedFields(body(before), body(after));
