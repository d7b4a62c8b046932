import type { Message } from '../../../src/domain/message';
import type { WorkflowPath } from '../../../src/domain/workflow/definition';
import type { ApplicationSummary, ApplicationView } from '../api/filings';

/** How an application is shown: its state's colour, where its deadline stands, what the caller may do on the page. */

/** antd Tag colours of the standard path's states; a state of another path shows plain. */
const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'cyan',
  formal_check: 'blue',
  returned: 'orange',
  expert_review: 'purple',
  public_notice: 'gold',
  filed: 'success',
  rejected: 'error',
  withdrawn: 'default',
  revoked: 'error',
};

export const stateColor = (state: string): string => STATE_COLORS[state] ?? 'default';

export type DeadlineStatus = 'overdue' | 'due' | 'none';

export const deadlineStatus = (a: Pick<ApplicationSummary, 'deadline' | 'overdue'>): DeadlineStatus => (a.deadline === null ? 'none' : a.overdue ? 'overdue' : 'due');

/**
 * The name the application goes by: what it applies for (the server's subject — the form's name,
 * or the institution a "four global" confirmation is about), else its applicant.
 */
export function applicationSubject(a: Pick<ApplicationSummary, 'subject' | 'organization_name'>): string {
  return a.subject !== null && a.subject.trim() !== '' ? a.subject : a.organization_name;
}

const EDITABLE_STATES = ['draft', 'returned'];

/** The applicant edits the form and the documents only while it is a draft or returned. */
export const isEditable = (a: Pick<ApplicationView, 'state' | 'parties'>): boolean => a.parties.includes('applicant') && EDITABLE_STATES.includes(a.state);

export const isOfficer = (a: Pick<ApplicationView, 'parties'>): boolean => a.parties.includes('officer');

/** A drawn expert scores while the review runs (again, to change the scores). */
export const canScore = (a: Pick<ApplicationView, 'state' | 'parties'>): boolean => a.parties.includes('expert') && a.state === 'expert_review';

/** The officer draws (again) only during the formal check. */
export const canDraw = (a: Pick<ApplicationView, 'state' | 'parties'>): boolean => isOfficer(a) && a.state === 'formal_check';

/** The scores table: officers once experts are drawn; an expert, their own review once scoring is closed. */
export const showsReviews = (a: Pick<ApplicationView, 'state' | 'parties' | 'draw' | 'reviews'>): boolean => (isOfficer(a) ? a.draw !== null : !canScore(a) && a.reviews.length > 0);

/** Objections are resolved while the notice runs. */
export const canResolve = (a: Pick<ApplicationView, 'state' | 'parties'>): boolean => isOfficer(a) && a.state === 'public_notice';

/** Annual evaluations are recorded for a filed application. */
export const canEvaluate = (a: Pick<ApplicationView, 'state' | 'parties'>): boolean => isOfficer(a) && a.state === 'filed';

export const EVALUATION_RESULTS = ['excellent', 'qualified', 'unqualified'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];

/** The year evaluated by default: the last one not evaluated yet, up to this year. */
export function nextEvaluationYear(evaluations: ApplicationView['evaluations'], thisYear: number): number {
  const done = new Set(evaluations.map((e) => e.year));
  for (let y = thisYear; y > thisYear - 50; y--) if (!done.has(y)) return y;
  return thisYear;
}

export interface TimelineEntry {
  at: string;
  label: Message;
  username: string | null;
  /** `from → to` in the path's state labels, when the event moved the application. */
  move: { from: Message | null; to: Message } | null;
  comment: string | null;
  color: 'green' | 'red' | 'blue' | 'gray';
}

/** The timeline, oldest first, each move named by its states' labels. */
export function timelineEntries(timeline: ApplicationView['timeline'], path: WorkflowPath | undefined): TimelineEntry[] {
  const labelOf = (code: string | null): Message | null => (code === null ? null : (path?.states.find((s) => s.code === code)?.label ?? { zh: code, en: code }));
  const terminal = (code: string | null) => path?.states.find((s) => s.code === code)?.terminal ?? false;
  return timeline.map((e) => {
    const to = e.kind === 'created' ? null : labelOf(e.to_state);
    return {
      at: e.at,
      label: e.label,
      username: e.username,
      move: to ? { from: labelOf(e.from_state), to } : null,
      comment: e.comment,
      color: to === null ? 'gray' : e.to_state === 'filed' ? 'green' : terminal(e.to_state) ? 'red' : 'blue',
    };
  });
}

/** Why the officer returned it, while it waits for the applicant's revision (the latest return's comment). */
export function returnReason(a: Pick<ApplicationView, 'state' | 'timeline'>): string | null {
  if (a.state !== 'returned') return null;
  const last = [...a.timeline].reverse().find((e) => e.to_state === 'returned');
  return last?.comment ?? null;
}
