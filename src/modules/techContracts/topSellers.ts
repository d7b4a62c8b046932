import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../contracts/common.js';
import { topSellers, topSellersQuery, type TopSellers, type TopSellersQuery } from '../../contracts/techContracts.js';
import { formatPeriod, parsePeriod, periodBounds, type Period } from '../../domain/period.js';
import type { ServiceContext } from '../shared/context.js';
import { validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { visibleSql } from './service.js';

interface SellerSum {
  seller_org_id: number;
  seller_name: string;
  seller_uscc: string;
  contracts: number;
  contract_amount: string;
  transaction_amount: string;
}

/** The district a ranking is limited to, or null for the whole city; a code of neither is the caller's mistake. */
function districtOf(ctx: ServiceContext, area: string | undefined): string | null {
  if (area === undefined || area === ctx.city.code) return null;
  if (ctx.city.districts.some((d) => d.code === area)) return area;
  throw validationFailed([
    { field: 'area', code: 'area.unknown', message: { zh: `地区 ${area} 既不是本市，也不是本市的区县`, en: `Area ${area} is neither the city nor one of its districts` }, params: { value: area } },
  ]);
}

/**
 * The top sellers of a period (技术合同卖方排行): registered contracts by registration date, their
 * amounts summed exactly in SQL (numeric), within the caller's reach, ties by the seller's id.
 */
export async function topSellersOf(ctx: ServiceContext, query: TopSellersQuery, principal: Principal): Promise<TopSellers> {
  const district = districtOf(ctx, query.area);
  const { start, end } = periodBounds(parsePeriod(query.period) as Period);
  const { rows } = await ctx.db.query<SellerSum>(
    `SELECT c.seller_org_id, o.name AS seller_name, o.uscc AS seller_uscc, count(*)::int AS contracts,
            sum(c.contract_amount)::numeric(18, 2)::text AS contract_amount, sum(c.transaction_amount)::numeric(18, 2)::text AS transaction_amount
       FROM tech_contracts c JOIN organizations o ON o.id = c.seller_org_id
      WHERE c.status = 'registered' AND c.registered_on BETWEEN $1 AND $2 AND ($3::text IS NULL OR c.district_code = $3) AND ${visibleSql(ctx, principal)}
      GROUP BY c.seller_org_id, o.name, o.uscc
      ORDER BY sum(c.contract_amount) DESC, c.seller_org_id
      LIMIT $4`,
    [start, end, district, query.limit],
  );
  return { period: formatPeriod(parsePeriod(query.period) as Period), area: district ?? ctx.city.code, items: rows.map((r, i) => ({ rank: i + 1, ...r })) };
}

/** GET /api/v1/tech-contracts/top-sellers — read by reach, like the contracts themselves. */
export const topSellerRoutes = (ctx: ServiceContext) => async (app: FastifyInstance) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/tech-contracts/top-sellers',
    {
      config: { access: 'tech_contracts.read' },
      schema: {
        tags: ['tech-contracts'],
        summary: 'The top sellers of a period by the amounts of their registered contracts',
        querystring: topSellersQuery,
        response: { 200: topSellers, 400: problem, 500: problem },
      },
    },
    (req) => topSellersOf(ctx, req.query, req.principal),
  );
};
