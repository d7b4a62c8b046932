import type { Inbox } from '../api/filings';

/** The inbox (待办与动态): the header badge's count, and how each change is labelled. */

/** What waits for the caller; nothing while the inbox is not loaded. */
export const waitingCount = (inbox: Inbox | undefined): number => inbox?.waiting.length ?? 0;

/** Steps inside a state that the inbox sends with their code as label: the page names them itself. */
export const STEP_EVENTS = ['created', 'experts_drawn', 'review_submitted', 'objection_lodged', 'objection_resolved', 'evaluated', 'attachment_added', 'attachment_removed'] as const;
export type StepEvent = (typeof STEP_EVENTS)[number];

/** The page's own label key of a change the server did not label, or null to use the server's label. */
export function stepEventOf(change: Pick<Inbox['changes'][number], 'kind' | 'label'>): StepEvent | null {
  const step = (STEP_EVENTS as readonly string[]).includes(change.kind) ? (change.kind as StepEvent) : null;
  return step && change.label.zh === change.kind ? step : null;
}
