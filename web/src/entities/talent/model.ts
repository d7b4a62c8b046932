import type { RecruitmentCall, RecruitmentCallCreate, RecruitmentCallPatch, TalentIntroduction, TalentIntroductionCreate, TalentIntroductionPatch } from '../../../../src/contracts/talent';
import type { TalentCategory, TalentMode } from '../../../../src/domain/talent';
import type { Draft } from '../../api/resources';
import { changedFields, textOrNull, textValue, valueOrNull, withoutEmpty } from '../../form/formModel';

/** The talent introduction form (人才引进表单) as antd holds it. */
export interface IntroductionValues {
  person_name: string;
  phone: string;
  email: string;
  id_number: string;
  category: TalentCategory | null;
  mode: TalentMode | null;
  host_org_id: number | null;
  introduced_on: string | null;
  field: string;
  district_code: string | null;
  zone: string | null;
}

export const introductionFieldPaths = ['person_name', 'phone', 'email', 'id_number', 'category', 'mode', 'host_org_id', 'introduced_on', 'field', 'district_code', 'zone'] as const;

/**
 * Whether the record's personal data may be edited here: a masked record's name is stars, so a
 * form built on it must not send the stars back as the name (its personal fields are left out).
 */
export const editsPersonalData = (item?: TalentIntroduction): boolean => item === undefined || item.personal_data === 'full';

export function introductionValues(p?: TalentIntroduction): IntroductionValues {
  const personal = editsPersonalData(p);
  return {
    person_name: personal ? (p?.person_name ?? '') : '',
    phone: personal ? textValue(p?.phone) : '',
    email: personal ? textValue(p?.email) : '',
    id_number: personal ? textValue(p?.id_number) : '',
    category: p?.category ?? null,
    mode: p?.mode ?? null,
    host_org_id: p?.host_org_id ?? null,
    introduced_on: p?.introduced_on ?? null,
    field: textValue(p?.field),
    district_code: p?.district_code ?? null,
    zone: p?.zone ?? null,
  };
}

function introductionBody(v: IntroductionValues): Draft<TalentIntroductionCreate> {
  return {
    person_name: v.person_name,
    phone: textOrNull(v.phone),
    email: textOrNull(v.email),
    id_number: textOrNull(v.id_number),
    category: valueOrNull(v.category),
    mode: valueOrNull(v.mode),
    host_org_id: valueOrNull(v.host_org_id),
    introduced_on: valueOrNull(v.introduced_on),
    field: textOrNull(v.field),
    district_code: valueOrNull(v.district_code),
    zone: valueOrNull(v.zone),
  };
}

export const introductionCreate = (v: IntroductionValues): Draft<TalentIntroductionCreate> =>
  withoutEmpty(introductionBody(v), ['category', 'mode', 'host_org_id', 'introduced_on', 'district_code', 'zone']);

/** Only what changed: a masked record's personal fields start empty and are not shown, so they are never sent. */
export const introductionPatch = (before: IntroductionValues, after: IntroductionValues): Draft<TalentIntroductionPatch> =>
  changedFields(introductionBody(before), introductionBody(after));

/** A masked value as the pages show it: the stars of a name, or "hidden" for a contact the caller may not see. */
export const shownPersonal = (item: Pick<TalentIntroduction, 'personal_data'>, value: string | null, hidden: string, none: string): string =>
  value ?? (item.personal_data === 'masked' ? hidden : none);

/** The recruitment call form (招贤令表单). */
export interface CallValues {
  org_id: number | null;
  title: string;
  positions: number | null;
  description: string;
  published_on: string | null;
  deadline: string | null;
  district_code: string | null;
  zone: string | null;
}

export const callFieldPaths = ['org_id', 'title', 'positions', 'description', 'published_on', 'deadline', 'district_code', 'zone'] as const;

export function callValues(c?: RecruitmentCall): CallValues {
  return {
    org_id: c?.org_id ?? null,
    title: c?.title ?? '',
    positions: c?.positions ?? null,
    description: textValue(c?.description),
    published_on: c?.published_on ?? null,
    deadline: c?.deadline ?? null,
    district_code: c?.district_code ?? null,
    zone: c?.zone ?? null,
  };
}

function callBody(v: CallValues): Draft<RecruitmentCallCreate> {
  return {
    org_id: valueOrNull(v.org_id),
    title: v.title,
    positions: valueOrNull(v.positions),
    description: textOrNull(v.description),
    published_on: valueOrNull(v.published_on),
    deadline: valueOrNull(v.deadline),
    district_code: valueOrNull(v.district_code),
    zone: valueOrNull(v.zone),
  };
}

export const callCreate = (v: CallValues): Draft<RecruitmentCallCreate> => withoutEmpty(callBody(v), ['org_id', 'positions', 'deadline', 'district_code', 'zone']);

export const callPatch = (before: CallValues, after: CallValues): Draft<RecruitmentCallPatch> => changedFields(callBody(before), callBody(after));
