import type { Criterion } from '../../../src/domain/workflow/definition';
import type { ApplicationView, ReviewBody } from '../api/filings';

/** An expert's scoring form (专家评分): every criterion from 0 to its maximum, and a comment. */

export interface ScoreValues {
  scores: Record<string, number | null>;
  comment: string;
}

/** Starts from the expert's own earlier scores, if any (scoring again replaces them). */
export function scoreValues(criteria: readonly Criterion[], own: ApplicationView['reviews'][number] | undefined): ScoreValues {
  return { scores: Object.fromEntries(criteria.map((c) => [c.key, own?.scores[c.key] ?? null])), comment: own?.comment ?? '' };
}

export const maxTotal = (criteria: readonly Criterion[]): number => criteria.reduce((sum, c) => sum + c.max, 0);

/** The total of what is scored so far. */
export function scoreTotal(criteria: readonly Criterion[], scores: ScoreValues['scores']): number {
  return criteria.reduce((sum, c) => sum + (scores[c.key] ?? 0), 0);
}

/** The body; an unscored criterion is left out, so the server names it. */
export function reviewBody(criteria: readonly Criterion[], values: ScoreValues): ReviewBody {
  const scores: Record<string, number> = {};
  for (const c of criteria) {
    const v = values.scores[c.key];
    if (typeof v === 'number') scores[c.key] = v;
  }
  return { scores, comment: values.comment.trim() };
}
