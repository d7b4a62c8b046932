import type { ApplicationSummary } from '../../contracts/workflows.js';
import type { ListQuery } from '../../contracts/common.js';
import { parseListQuery } from '../../db/list/parse.js';
import type { ListSpec } from '../../db/list/spec.js';
import { runList, type ListPage } from '../../db/list/sql.js';
import { citywide, reachOf } from '../../domain/permissions.js';
import { validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import type { FilingsContext } from './context.js';
import * as q from './queries.js';
import { presentSummary } from './service.js';

/**
 * The applications a caller may see, as a list like every other (filter, sort, page): an officer
 * those of its area (districts and zones), an organization user its organizations', an expert
 * those it was drawn for. The caller's reach becomes part of the FROM clause (ids, and district and
 * zone codes the city configures, checked below), so the page cache keeps callers apart.
 */
export async function scopeSql(ctx: FilingsContext, p: Principal, alias = 'a'): Promise<string> {
  const ors: string[] = [];
  const ints = (xs: readonly number[]) => xs.filter((x) => Number.isInteger(x)).join(', ') || 'NULL';
  const review = reachOf(p, 'applications.review');
  if (review === 'all' || (review === 'area' && citywide(p))) return 'true';
  if (review === 'area') {
    const codes = (xs: readonly string[], known: readonly string[]) => xs.filter((x) => known.includes(x)).map((x) => `'${x}'`).join(', ') || 'NULL';
    ors.push(`${alias}.district_code IN (${codes(p.districts, ctx.city.districts.map((d) => d.code))})`, `${alias}.zone IN (${codes(p.zones, ctx.city.zones.map((z) => z.code))})`);
  }
  const write = reachOf(p, 'applications.write');
  if (write === 'all') return 'true';
  if (write === 'own') ors.push(`${alias}.organization_id IN (${ints(p.organizationIds)})`);
  if (reachOf(p, 'reviews.write') && p.userId !== null) {
    const expert = await q.findExpert(ctx.db, { userId: p.userId });
    if (expert) ors.push(`${alias}.id IN (SELECT d.application_id FROM expert_draws d WHERE ${expert.id} = ANY (d.drawn))`);
  }
  return ors.length ? ors.join(' OR ') : 'false';
}

export function applicationListSpec(ctx: FilingsContext, scope: string): ListSpec {
  return {
    from: `(SELECT a.* FROM applications a WHERE ${scope}) t JOIN organizations o ON o.id = t.organization_id`,
    tables: ['applications', 'organizations'],
    select: q.APPLICATION_COLUMNS,
    fields: {
      id: { column: 't.id', type: 'int', sort: true, notNull: true },
      filing_type: { column: 't.filing_type', type: 'code', values: [...ctx.workflows.types.keys()], notNull: true, group: true, sort: true },
      state: { column: 't.state', type: 'text', notNull: true, group: true, sort: true },
      organization_id: { column: 't.organization_id', type: 'int', notNull: true },
      tech_contract_id: { column: 't.tech_contract_id', type: 'int' },
      district_code: { column: 't.district_code', type: 'code', values: ctx.city.districts.map((d) => d.code), group: true, sort: true },
      zone: { column: 't.zone', type: 'code', values: ctx.city.zones.map((z) => z.code), group: true, sort: true },
      field: { column: 't.field', type: 'code', values: Object.keys(ctx.workflows.expertiseFields), group: true },
      state_since: { column: 't.state_since', type: 'timestamp', notNull: true, sort: true },
      submitted_at: { column: 't.submitted_at', type: 'timestamp', sort: true },
      updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
    },
    searchColumns: ['o.name', "t.data->>'name'"],
    defaultSort: { field: 'updated_at', desc: true },
  };
}

export async function listApplications(ctx: FilingsContext, principal: Principal, query: ListQuery): Promise<ListPage<ApplicationSummary>> {
  const spec = applicationListSpec(ctx, await scopeSql(ctx, principal));
  const parsed = parseListQuery(spec, query);
  if (!parsed.ok) throw validationFailed(parsed.problems);
  return runList(ctx.db, spec, parsed.value, (row: q.ApplicationRow) => presentSummary(ctx, row));
}
