import type { StoredTechSmeEvaluation, TechSmeEvaluationSave } from '../../contracts/techSmeEvaluation.js';
import type { Permission } from '../../domain/permissions.js';
import { evaluateTechSme } from '../../domain/techSmeEvaluation.js';
import type { AuditActor } from '../audit/trail.js';
import { ORGANIZATION, organizationPlace } from '../organizations/service.js';
import type { AppContext, ServiceContext } from '../shared/context.js';
import { notFound, validationFailed } from '../shared/errors.js';
import { authorize, type Principal } from '../shared/principal.js';
import { write } from '../shared/write.js';
import * as q from './queries.js';

/** Storing and reading an organization's tech-SME self-evaluations (科技型中小企业自评). */

export function presentEvaluation(row: q.EvaluationRow): StoredTechSmeEvaluation {
  return { id: row.id, organization_id: row.organization_id, year: row.year, figures: row.figures, result: row.result, created_at: row.created_at.toISOString() };
}

/** 404 for an organization that does not exist, 403 for one outside the caller's reach. */
async function reachOrganization(ctx: Pick<ServiceContext, 'db'>, principal: Principal, permission: Permission, organizationId: number): Promise<void> {
  const place = await organizationPlace(ctx, organizationId);
  if (!place) throw notFound(ORGANIZATION, organizationId);
  authorize(principal, permission, place);
}

/** Figures are of a year that has begun: a self-evaluation of a future year has nothing to count. */
function checkYear(ctx: Pick<ServiceContext, 'clock'>, year: number): void {
  const thisYear = Number(ctx.clock.today().slice(0, 4));
  if (year > thisYear)
    throw validationFailed([{ field: 'year', code: 'year.future', message: { zh: `年度不能晚于今年（${thisYear}）`, en: `The year cannot be after this year (${thisYear})` }, params: { max: thisYear } }]);
}

/** Evaluates the figures on the server (the client's result is never trusted) and stores both with the organization. */
export function saveEvaluation(ctx: AppContext, principal: Principal, actor: AuditActor, organizationId: number, input: TechSmeEvaluationSave): Promise<StoredTechSmeEvaluation> {
  checkYear(ctx, input.year);
  const { year, ...figures } = input;
  return write(ctx, actor, { action: 'create', entity: 'tech_sme_evaluations' }, async (tx) => {
    await reachOrganization(tx, principal, 'tech_sme_evaluations.write', organizationId);
    const stored = presentEvaluation(await q.insertEvaluation(tx.db, { organizationId, year, figures, result: evaluateTechSme(figures), at: tx.clock.now() }));
    return { result: stored, recordId: stored.id, after: stored };
  });
}

export async function listEvaluations(ctx: ServiceContext, principal: Principal, organizationId: number): Promise<{ results: StoredTechSmeEvaluation[] }> {
  await reachOrganization(ctx, principal, 'tech_sme_evaluations.read', organizationId);
  return { results: (await q.evaluationsOf(ctx.db, organizationId)).map(presentEvaluation) };
}
