import { codesOf, type CodeList } from './message.js';

/** Types of innovation platform (创新平台类型). */
export const platformTypes = {
  national_lab: { zh: '国家实验室', en: 'National laboratory' },
  national_lab_base: { zh: '国家实验室基地', en: 'National laboratory base' },
  national_key_lab: { zh: '全国重点实验室', en: 'National key laboratory' },
  national_tech_innovation_center: { zh: '国家技术创新中心', en: 'National technology innovation center' },
  national_engineering_research_center: { zh: '国家工程研究中心', en: 'National engineering research center' },
  national_supercomputing_center: { zh: '国家超级计算中心', en: 'National supercomputing center' },
  major_science_facility: { zh: '重大科技基础设施', en: 'Major science facility' },
  provincial_lab: { zh: '省实验室', en: 'Provincial laboratory' },
  concept_verification_center: { zh: '概念验证中心', en: 'Concept-verification center' },
  pilot_platform: { zh: '中试平台', en: 'Pilot-scale platform' },
  industrial_innovation_center: { zh: '产业创新中心', en: 'Industrial innovation center' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies CodeList<string>;
export type PlatformType = keyof typeof platformTypes;
export const platformTypeCodes = codesOf(platformTypes);

/** Life-cycle status of a platform (状态). */
export const platformStatuses = {
  active: { zh: '运行', en: 'Active' },
  under_construction: { zh: '建设中', en: 'Under construction' },
  reorganized: { zh: '已重组', en: 'Reorganized' },
  revoked: { zh: '已撤销', en: 'Revoked' },
} as const satisfies CodeList<string>;
export type PlatformStatus = keyof typeof platformStatuses;
export const platformStatusCodes = codesOf(platformStatuses);
