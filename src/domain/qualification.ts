import { codesOf, type CodeList } from './message.js';

/** Qualifications (资质) an organization holds as a dated certificate. */
export const qualificationTypes = {
  tech_sme: { zh: '科技型中小企业', en: 'Tech-based SME' },
  high_tech_enterprise: { zh: '高新技术企业', en: 'High-tech enterprise' },
  little_giant: { zh: '专精特新“小巨人”企业', en: '"Little giant" enterprise' },
  sci_tech_leading_enterprise: { zh: '科技领军企业', en: 'S&T leading enterprise' },
} as const satisfies CodeList<string>;
export type QualificationType = keyof typeof qualificationTypes;
export const qualificationTypeCodes = codesOf(qualificationTypes);
