import { z } from 'zod';
import { codesOf } from '../domain/message.js';
import { directRoutes, figureProblems } from '../domain/techSmeEvaluation.js';
import { checkYuan } from '../domain/yuan.js';
import { bilingual, id, timestamp, withRule } from './common.js';

/** Tech-based SME self-evaluation (科技型中小企业评价): the figures an enterprise enters and the explained result. */

const yuanAmount = (what: string) =>
  withRule(z.string().max(20).meta({ pattern: '^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,2})?$', example: '50000000.00' }), checkYuan).describe(`${what}, in yuan as decimal text (at most two decimals)`);
const headcount = (what: string) => z.number().int().min(0).max(10_000_000).describe(what);
const ipCount = (what: string) => z.number().int().min(0).max(1_000_000).describe(what);

const figureFields = {
  staff: headcount('职工总数 All staff, including part-time and temporary staff who worked at least six months in the year'),
  st_staff: headcount('科技人员数 S&T staff'),
  sales: yuanAmount('销售收入 Annual sales'),
  total_assets: yuanAmount('资产总额 Total assets'),
  rd_expenditure: yuanAmount('研发费用 R&D expenditure'),
  total_costs: yuanAmount('成本费用总额 Total costs and expenses'),
  class_one_ip: ipCount('I 类知识产权 Class-I IP: invention patents, plant varieties, national crop varieties, national new drugs, first-grade protected TCM varieties, IC layout designs'),
  class_two_ip: ipCount('II 类知识产权 Class-II IP: utility models, design patents, software copyrights (trademarks do not count)'),
  declarations: z
    .strictObject({
      resident_enterprise: z.boolean().describe('A resident enterprise registered in mainland China'),
      permitted_industry: z.boolean().describe('Not in a prohibited, restricted or eliminated industry'),
      clean_record: z.boolean().describe('No major accident, serious violation, misconduct, abnormal-operation or serious-dishonesty listing this year or last'),
    })
    .describe('The enterprise’s own statements of the eligibility conditions'),
  direct_routes: z.array(z.enum(codesOf(directRoutes))).max(4).default([]).describe('Direct-qualification routes the enterprise meets'),
};

/** Both head counts are whole numbers, whatever else is wrong with the body. */
const headcountsRead = (value: unknown): value is { staff: number; st_staff: number } => {
  const v = value as { staff?: unknown; st_staff?: unknown } | null;
  return typeof v === 'object' && v !== null && Number.isInteger(v.staff) && Number.isInteger(v.st_staff);
};

/** More S&T staff than staff is reported at `st_staff`, in the same reply as every shape problem. */
function withFigureRules<T extends z.ZodType<{ staff: number; st_staff: number }>>(schema: T): T {
  return schema.superRefine(
    (value, ctx) => {
      for (const p of figureProblems(value)) ctx.addIssue({ code: 'custom', message: p.message.en, path: [p.field], params: { violation: p } });
    },
    { when: (payload) => headcountsRead(payload.value) },
  ) as unknown as T;
}

export const techSmeFigures = withFigureRules(z.strictObject(figureFields)).meta({ id: 'TechSmeFigures' });
export type TechSmeFiguresInput = z.input<typeof techSmeFigures>;

export const techSmeEvaluationSave = withFigureRules(
  z.strictObject({ ...figureFields, year: z.number().int().min(2000).max(2100).describe('The year the figures are of (not in the future)') }),
).meta({ id: 'TechSmeEvaluationSave' });
export type TechSmeEvaluationSave = z.output<typeof techSmeEvaluationSave>;

/** The figures as evaluated (defaults filled in). */
const figuresReply = z.object({ ...figureFields, direct_routes: z.array(z.enum(codesOf(directRoutes))) });

export const techSmeEvaluationResult = z
  .object({
    eligibility: z.array(
      z.object({
        code: z.enum(['resident_enterprise', 'staff', 'sales', 'total_assets', 'permitted_industry', 'clean_record']),
        passed: z.boolean(),
        explanation: bilingual,
      }),
    ),
    eligible: z.boolean(),
    items: z.array(
      z.object({
        code: z.enum(['st_staff', 'rd_input', 'st_results']),
        points: z.number().int(),
        max: z.number().int(),
        band: z.string().describe('The band the figures fall in, lower bound inclusive, e.g. [3%, 4%)'),
        basis: z.enum(['sales', 'total_costs']).optional().describe('For R&D input: the ratio that gave the points (the better one)'),
        explanation: bilingual,
      }),
    ),
    total: z.number().int().describe('0–100'),
    route: z.enum(['score', 'direct']).nullable().describe('score: ≥ 60 with a non-zero S&T-staff score; direct: a direct-qualification route; null: does not qualify'),
    qualifies: z.boolean(),
    explanation: bilingual,
  })
  .meta({ id: 'TechSmeEvaluationResult' });
export type TechSmeEvaluationResult = z.output<typeof techSmeEvaluationResult>;

export const storedTechSmeEvaluation = z
  .object({
    id,
    organization_id: id,
    year: z.number().int(),
    figures: figuresReply,
    result: techSmeEvaluationResult,
    created_at: timestamp,
  })
  .meta({ id: 'StoredTechSmeEvaluation' });
export type StoredTechSmeEvaluation = z.output<typeof storedTechSmeEvaluation>;

export const storedTechSmeEvaluationList = z.object({ results: z.array(storedTechSmeEvaluation) });
