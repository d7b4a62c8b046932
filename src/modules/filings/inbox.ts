import type { z } from 'zod';
import type { inboxReply } from '../../contracts/workflows.js';
import { reachOf } from '../../domain/permissions.js';
import type { Party } from '../../domain/workflow/definition.js';
import type { Principal } from '../shared/principal.js';
import { iso } from '../shared/records.js';
import type { FilingsContext } from './context.js';
import { scopeSql } from './list.js';
import * as q from './queries.js';
import { eventLabel, filingTypeOf, presentSummary } from './service.js';

/**
 * The inbox (待办与动态): what waits for the caller — applications in a state that waits for a
 * part the caller plays — and what changed lately on the applications the caller may see, done
 * by someone else. Computed from the applications and their timelines, so nothing is stored twice.
 */

const CHANGES_DAYS = 14;
const CHANGES_SHOWN = 50;

/** States waiting for `party`, over every path. */
function statesWaitingFor(ctx: FilingsContext, party: Party): string[] {
  return [...new Set([...ctx.workflows.paths.values()].flatMap((p) => p.states.filter((s) => s.waitingFor === party).map((s) => s.code)))];
}

const list = (codes: readonly string[]) => codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ') || 'NULL';

export async function inbox(ctx: FilingsContext, principal: Principal): Promise<z.output<typeof inboxReply>> {
  const scope = await scopeSql(ctx, principal, 't');
  // The scope already holds the caller to its area or organizations: only the states differ.
  const waits: string[] = [];
  if (reachOf(principal, 'applications.review')) waits.push(`t.state IN (${list(statesWaitingFor(ctx, 'officer'))})`);
  if (reachOf(principal, 'applications.write')) waits.push(`t.state IN (${list(statesWaitingFor(ctx, 'applicant'))})`);
  const expert = principal.userId !== null && reachOf(principal, 'reviews.write') ? await q.findExpert(ctx.db, { userId: principal.userId }) : undefined;
  if (expert)
    waits.push(`t.state IN (${list(statesWaitingFor(ctx, 'expert'))})
      AND ${expert.id} = ANY ((SELECT d.drawn FROM expert_draws d WHERE d.application_id = t.id ORDER BY d.id DESC LIMIT 1)::int[])
      AND NOT EXISTS (SELECT 1 FROM expert_reviews r WHERE r.application_id = t.id AND r.expert_id = ${expert.id})`);
  const waiting = waits.length ? await q.waitingApplications(ctx.db, scope, waits) : [];
  const since = new Date(ctx.clock.now().getTime() - CHANGES_DAYS * 86_400_000);
  const events = await q.recentEvents(ctx.db, scope, since, principal.userId, CHANGES_SHOWN);
  return {
    waiting: waiting.map((row) => presentSummary(ctx, row)),
    changes: events.map((e) => {
      const { type, path } = filingTypeOf(ctx, e.filing_type);
      const label = eventLabel(path, e.kind);
      return { application_id: e.application_id, filing_type_name: type.name, organization_name: e.organization_name, subject: e.subject, at: iso(e.at), kind: e.kind, label, to_state: e.to_state };
    }),
  };
}
