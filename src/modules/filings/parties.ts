import type { Queryable } from '../../db/client.js';
import { can, type Permission } from '../../domain/permissions.js';
import type { FilingType, Party } from '../../domain/workflow/definition.js';
import type { Facts } from '../../domain/workflow/engine.js';
import { formProblems } from '../../domain/workflow/applicationForm.js';
import { periodEnded } from '../../domain/workflow/workingDays.js';
import { reviewOutcome } from '../../domain/workflow/reviewScores.js';
import type { CityConfig } from '../../domain/city.js';
import type { Principal } from '../shared/principal.js';
import * as q from './queries.js';

/**
 * How a caller stands to an application (applicant, officer, drawn expert, public) and the facts
 * the path's requirements are judged on, both read from the records.
 */

const scopeOf = (app: q.ApplicationRow) => ({ organizationId: app.organization_id, districtCode: app.district_code, zone: app.zone });
const reaches = (p: Principal, permission: Permission, app: q.ApplicationRow) => can(p, permission, scopeOf(app));

export async function partiesOf(db: Queryable, principal: Principal, app: q.ApplicationRow, draw: q.DrawRow | undefined): Promise<Party[]> {
  const parties: Party[] = ['public'];
  if (reaches(principal, 'applications.write', app)) parties.push('applicant');
  if (reaches(principal, 'applications.review', app)) parties.push('officer');
  if (draw && principal.userId !== null && can(principal, 'reviews.write')) {
    const expert = await q.findExpert(db, { userId: principal.userId });
    if (expert && draw.drawn.includes(expert.id)) parties.push('expert');
  }
  return parties;
}

export interface Evidence {
  draw: q.DrawRow | undefined;
  reviews: q.ReviewRow[];
  objections: q.ObjectionRow[];
  evaluations: q.EvaluationRow[];
  attachments: q.AttachmentRow[];
}

export async function evidenceOf(db: Queryable, applicationId: number): Promise<Evidence> {
  const [draw, reviews, objections, evaluations, attachments] = await Promise.all([
    q.latestDraw(db, applicationId),
    q.listReviews(db, applicationId),
    q.listObjections(db, applicationId),
    q.listEvaluations(db, applicationId),
    q.listAttachments(db, applicationId),
  ]);
  return { draw, reviews, objections, evaluations, attachments };
}

/** The reviews that count: those of the experts of the latest draw. */
export const currentReviews = (e: Evidence): q.ReviewRow[] => e.reviews.filter((r) => e.draw?.drawn.includes(r.expert_id));

export function outcomeOf(type: FilingType, e: Evidence) {
  const reviews = currentReviews(e);
  if (!type.review || !e.draw || reviews.length < e.draw.drawn.length) return null;
  const outcome = reviewOutcome(reviews.map((r) => Number(r.total)), type.review.passScore);
  return outcome && { ...outcome, pass_score: type.review.passScore };
}

/** The reason an action is taken with: free text, and a code where the action chooses from a list. */
export interface Reason {
  text?: string | undefined;
  code?: string | undefined;
}

export function factsOf(type: FilingType, city: CityConfig, app: q.ApplicationRow, e: Evidence, today: string, reason: Reason): Facts {
  const outcome = outcomeOf(type, e);
  const latestEvaluation = e.evaluations[e.evaluations.length - 1];
  return {
    form_complete: formProblems(type.form, app.data, city, { complete: true }).length === 0,
    checklist_complete: type.checklist.every((item) => !item.required || e.attachments.some((a) => a.checklist_item === item.key)),
    experts_drawn: e.draw !== undefined && e.draw.drawn.length > 0,
    reviews_complete: e.draw !== undefined && currentReviews(e).length === e.draw.drawn.length,
    review_passed: outcome?.passed === true,
    notice_ended: app.notice_to !== null && periodEnded(app.notice_to, today),
    objections_resolved: e.objections.every((o) => o.resolved_at !== null),
    no_objection_upheld: !e.objections.some((o) => o.upheld === true),
    reason_given: reason.text !== undefined && reason.text.trim() !== '',
    reason_code_given: reason.code !== undefined && reason.code !== '',
    unqualified_evaluation: latestEvaluation?.result === 'unqualified',
  };
}
