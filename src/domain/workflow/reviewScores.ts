import type { RuleViolation } from '../message.js';
import { violation } from '../message.js';
import type { Criterion } from './definition.js';

/** Expert review (专家评审): each expert scores every criterion from 0 to its maximum; the mean total decides. */

export type Scores = Readonly<Record<string, number>>;

/** Problems of one expert's scores: every criterion scored, within its range, nothing else. */
export function scoreProblems(criteria: readonly Criterion[], scores: Scores): Array<RuleViolation & { field: string }> {
  const problems: Array<RuleViolation & { field: string }> = [];
  for (const c of criteria) {
    const v = scores[c.key];
    if (v === undefined) problems.push({ field: `scores.${c.key}`, ...violation('score.missing', `请为“${c.label.zh}”评分`, `Score "${c.label.en}"`) });
    else if (!Number.isFinite(v) || v < 0 || v > c.max)
      problems.push({ field: `scores.${c.key}`, ...violation('score.range', `“${c.label.zh}”的分数应在 0 到 ${c.max} 之间`, `The score of "${c.label.en}" is between 0 and ${c.max}`, { max: c.max }) });
  }
  for (const key of Object.keys(scores))
    if (!criteria.some((c) => c.key === key)) problems.push({ field: `scores.${key}`, ...violation('score.unknown_criterion', `没有“${key}”这一评审指标`, `There is no criterion "${key}"`) });
  return problems;
}

export const totalScore = (scores: Scores): number => Object.values(scores).reduce((a, b) => a + b, 0);

/** The review's outcome once every drawn expert scored: mean of the totals, to two decimals. */
export function reviewOutcome(totals: readonly number[], passScore: number): { mean: number; passed: boolean } | null {
  if (totals.length === 0) return null;
  const mean = Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100;
  return { mean, passed: mean >= passScore };
}
