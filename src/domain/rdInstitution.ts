import { codesOf, type CodeList } from './message.js';

/** Categories of R&D institution (研发机构类别). */
export const rdInstitutionCategories = {
  enterprise_rd_center: { zh: '企业研发中心', en: 'Enterprise R&D center' },
  new_type_rd_institution: { zh: '新型研发机构', en: 'New-type R&D institution' },
  foreign_rd_center: { zh: '外资研发中心', en: 'Foreign-invested R&D center' },
  academic_rd_institution: { zh: '高校院所研发机构', en: 'Academic R&D institution' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies CodeList<string>;
export type RdInstitutionCategory = keyof typeof rdInstitutionCategories;
export const rdInstitutionCategoryCodes = codesOf(rdInstitutionCategories);
