import { codesOf, type CodeList } from './message.js';

/** Kinds of organization (主体类型). */
export const organizationKinds = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  university: { zh: '高等院校', en: 'University' },
  research_institute: { zh: '科研院所', en: 'Research institute' },
  new_type_rd_institution: { zh: '新型研发机构', en: 'New-type R&D institution' },
  hospital: { zh: '医疗卫生机构', en: 'Hospital' },
  financial_institution: { zh: '金融机构', en: 'Financial institution' },
  public_body: { zh: '机关及事业单位', en: 'Public body' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies CodeList<string>;
export type OrganizationKind = keyof typeof organizationKinds;
export const organizationKindCodes = codesOf(organizationKinds);
