import { checkCalendarDate, isBefore } from './calendarDate.js';
import { codesOf, violation, type CodeList, type RuleViolation } from './message.js';

/**
 * The "four global" features (四个全球) of a global R&D institution. No official criteria are
 * published, so each feature is a claim with evidence that a reviewer confirms with a date.
 */
export const fourGlobalFeatures = {
  global_layout: { zh: '功能布局基于全球', en: 'Function layout based on the world' },
  global_tasks: { zh: '研发任务源自全球', en: 'R&D tasks from the world' },
  global_resources: { zh: '研发资源来自全球', en: 'R&D resources from the world' },
  global_results: { zh: '研发成果用于全球', en: 'R&D results used worldwide' },
} as const satisfies CodeList<string>;
export type FourGlobalFeature = keyof typeof fourGlobalFeatures;
export const fourGlobalFeatureCodes = codesOf(fourGlobalFeatures);

/** Evidence (e.g. overseas branches, foreign clients' tasks) and the day a reviewer confirmed it. */
export interface FeatureClaim {
  evidence: string | null;
  /** Set once confirmed; a claim without it is still pending review. */
  confirmedOn: string | null;
}

/**
 * How many features were confirmed (on or before `asOf`, if given) — the statistics count
 * institutions with ≥ 1 and with all 4.
 */
export function confirmedFeatureCount(claims: Partial<Record<FourGlobalFeature, FeatureClaim | null>>, asOf?: string): number {
  return fourGlobalFeatureCodes.filter((feature) => {
    const confirmedOn = claims[feature]?.confirmedOn;
    if (confirmedOn === null || confirmedOn === undefined) return false;
    return asOf === undefined || !isBefore(asOf, confirmedOn);
  }).length;
}

/** A confirmation must rest on evidence text and cannot be dated after today. */
export function checkFeatureClaim(feature: FourGlobalFeature, claim: FeatureClaim | null, today: string): RuleViolation[] {
  if (claim === null || claim.confirmedOn === null) return [];
  const label = fourGlobalFeatures[feature];
  const problems: RuleViolation[] = [];
  const invalidDate = checkCalendarDate(claim.confirmedOn);
  if (invalidDate) problems.push(invalidDate);
  else if (isBefore(today, claim.confirmedOn)) {
    problems.push(
      violation(
        'four_global.confirmed_in_future',
        `“${label.zh}”的确认日期 ${claim.confirmedOn} 晚于今天（${today}）`,
        `"${label.en}" is confirmed on ${claim.confirmedOn}, after today (${today})`,
        { feature, confirmedOn: claim.confirmedOn, today },
      ),
    );
  }
  if (claim.evidence === null || claim.evidence.trim() === '') {
    problems.push(
      violation(
        'four_global.confirmation_without_evidence',
        `“${label.zh}”已确认，但没有填写证据`,
        `"${label.en}" is confirmed but has no evidence`,
        { feature },
      ),
    );
  }
  return problems;
}
