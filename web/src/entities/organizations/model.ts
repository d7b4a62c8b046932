import type { Organization, OrganizationCreate, OrganizationPatch } from '../../../../src/contracts/organizations';
import type { OrganizationKind } from '../../../../src/domain/organization';
import type { Draft } from '../../api/resources';
import { changedFields, textOrNull, textValue, valueOrNull, withoutEmpty } from '../../form/formModel';

/** The organization form (主体表单) as antd holds it. */
export interface OrganizationValues {
  uscc: string;
  uscc_override_reason: string;
  name: string;
  name_en: string;
  kind: OrganizationKind | null;
  industry_code: string;
  district_code: string | null;
  zone: string | null;
  founded_on: string | null;
  address: string;
}

export const organizationFieldPaths = ['uscc', 'uscc_override_reason', 'name', 'name_en', 'kind', 'industry_code', 'district_code', 'zone', 'founded_on', 'address'] as const;

export function organizationValues(o?: Organization): OrganizationValues {
  return {
    uscc: o?.uscc ?? '',
    uscc_override_reason: textValue(o?.uscc_override_reason),
    name: o?.name ?? '',
    name_en: textValue(o?.name_en),
    kind: o?.kind ?? null,
    industry_code: textValue(o?.industry_code),
    district_code: o?.district_code ?? null,
    zone: o?.zone ?? null,
    founded_on: o?.founded_on ?? null,
    address: textValue(o?.address),
  };
}

function body(v: OrganizationValues): Draft<OrganizationCreate> {
  return {
    uscc: v.uscc,
    uscc_override_reason: textOrNull(v.uscc_override_reason),
    name: v.name,
    name_en: textOrNull(v.name_en),
    kind: valueOrNull(v.kind),
    industry_code: textOrNull(v.industry_code),
    district_code: valueOrNull(v.district_code),
    zone: valueOrNull(v.zone),
    founded_on: valueOrNull(v.founded_on),
    address: textOrNull(v.address),
  };
}

export const organizationCreate = (v: OrganizationValues): Draft<OrganizationCreate> => withoutEmpty(body(v), ['kind']);

export const organizationPatch = (before: OrganizationValues, after: OrganizationValues): Draft<OrganizationPatch> => changedFields(body(before), body(after));
