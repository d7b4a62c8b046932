import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contracts/common.js';
import { exportContentTypes, registryExportQuery } from '../../contracts/exports.js';
import { achievementFileEntities, type FileEntity } from '../../contracts/fileColumns.js';
import { parseListQuery } from '../../db/list/parse.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { ServiceContext } from '../shared/context.js';
import { registryListSpec } from '../shared/registryLists.js';
import { visibleSql } from '../techContracts/service.js';
import { visibleSql as visibleAchievementsSql } from '../achievements/service.js';
import { visibleSql as visibleIpLoansSql } from '../ipLoans/service.js';
import { seesPersonalData } from '../../domain/talent.js';
import { readsCallsAsPublic, visibleIntroductionsSql } from '../talent/service.js';
import { exportList } from './service.js';

/** URL path of each entity's list, and its English noun for the docs. */
const exportPaths: Record<FileEntity, { path: string; noun: string }> = {
  organizations: { path: 'organizations', noun: 'organizations' },
  qualifications: { path: 'qualifications', noun: 'qualifications' },
  rd_institutions: { path: 'rd-institutions', noun: 'R&D institutions' },
  platforms: { path: 'platforms', noun: 'innovation platforms' },
  tech_contracts: { path: 'tech-contracts', noun: 'technology contracts' },
  talent_introductions: { path: 'talent-introductions', noun: 'talent introductions' },
  recruitment_calls: { path: 'recruitment-calls', noun: 'recruitment calls' },
  projects: { path: 'projects', noun: 'key-technology projects' },
  achievements: { path: 'achievements', noun: 'achievements' },
  transfers: { path: 'transfers', noun: 'achievement transfers' },
  incubations: { path: 'incubations', noun: 'incubated enterprises' },
  ip_loans: { path: 'ip-loans', noun: 'IP-backed loans' },
};

/** The export query of one list: shape, and the filter and sort judged against the list's fields in the same pass. */
function exportQueryFor(spec: ListSpec) {
  return registryExportQuery.superRefine(
    (value, ctx) => {
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const parsed = parseListQuery(spec, { filter: text(value.filter), sort: text(value.sort), per_page: 1 });
      if (parsed.ok) return;
      for (const p of parsed.problems) ctx.addIssue({ code: 'custom', message: p.message.en, path: p.field.split('.'), params: { violation: p, rule: true } });
    },
    { when: () => true },
  );
}

/** The column holding the organization that owns a record of the achievements' part (its reach). */
const ownerColumns: Partial<Record<FileEntity, string>> = { projects: 'lead_org_id', achievements: 'owner_org_id', transfers: 'owner_org_id', incubations: 'owner_org_id' };

/** The reply body is a byte stream; documented as a binary string. */
const file = z.unknown().meta({ type: 'string', format: 'binary', description: 'The file' });

/** GET /api/v1/{entity}/export — 导出: the list as CSV, XLSX or JSON Lines, streamed. */
export const exportRoutes = (ctx: ServiceContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const [entity, { path, noun }] of Object.entries(exportPaths) as Array<[FileEntity, (typeof exportPaths)[FileEntity]]>) {
    r.get(
      `/${path}/export`,
      {
        // Contracts are not public: read by reach, as their list is (an organization user its own sales).
        ...(entity === 'tech_contracts' ? { config: { access: 'tech_contracts.read' as const } } : {}),
        // Talent introductions too, and masked for a caller who may not see personal data.
        ...(entity === 'talent_introductions' ? { config: { access: 'talent.read' as const } } : {}),
        // A firm's borrowing is its own business: loans by ip_loans.read reach.
        ...(entity === 'ip_loans' ? { config: { access: 'ip_loans.read' as const } } : {}),
        // Projects, achievements, transfers and incubations: read by achievements.read reach, as their lists are.
        ...((achievementFileEntities as readonly string[]).includes(entity) ? { config: { access: 'achievements.read' as const } } : {}),
        // Recruitment calls are public notices, as their list is; every other list needs registry.read (the default).
        ...(entity === 'recruitment_calls' ? { config: { access: 'public' as const } } : {}),
        schema: {
          tags: ['exports'],
          summary: `Export ${noun} (CSV, XLSX or JSON Lines) with the list's filter, search and sort, in the import format or as a report`,
          querystring: exportQueryFor(registryListSpec(entity, ctx.city)),
          response: {
            200: { description: 'The file, as an attachment', content: Object.fromEntries(Object.values(exportContentTypes).map((type) => [type.split(';')[0]!, { schema: file }])) },
            400: problem,
            500: problem,
          },
        },
      },
      async (req, reply) => {
        const { format, lang, view, filter, search, sort } = req.query;
        const owner = ownerColumns[entity];
        // Read by reach, as their lists are (an organization user its own records).
        const visible = entity === 'ip_loans' ? visibleIpLoansSql(ctx, req.principal) : entity === 'tech_contracts' ? visibleSql(ctx, req.principal) : entity === 'talent_introductions' ? visibleIntroductionsSql(ctx, req.principal) : owner ? visibleAchievementsSql(ctx, req.principal, owner) : undefined;
        const personal = entity === 'talent_introductions' && seesPersonalData(req.principal);
        const asPublic = entity === 'recruitment_calls' && readsCallsAsPublic(req.principal);
        const out = exportList(ctx, { entity, format, lang, view, filter, search, sort, visible, personal, asPublic });
        return reply.type(exportContentTypes[format]).header('content-disposition', out.contentDisposition).header('cache-control', 'no-store').send(out.stream);
      },
    );
  }
};
