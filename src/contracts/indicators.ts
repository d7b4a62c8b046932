import { z } from 'zod';
import { unitLabels } from '../domain/indicatorUnits.js';
import { codesOf } from '../domain/message.js';
import { isViolation, parsePeriod } from '../domain/period.js';
import { comparators, targetStatuses } from '../domain/targetStatus.js';
import { basedOnVersion, bilingual, calendarDate, id, listQuery, optionalText, text, timestamp, withRule } from './common.js';

/** Indicators (指标), their observations, official values, targets and the dashboard. */

export const indicatorUnits = codesOf(unitLabels);
export const registryEntities = ['organizations', 'qualifications', 'rd_institutions', 'platforms', 'tech_contracts', 'projects', 'achievements', 'transfers', 'incubations', 'talent_introductions', 'ip_loans'] as const;

// ── The catalogue file (config/indicators.json) ────────────────────────────────────────────────
const timing = z.discriminatedUnion('rule', [
  /** Records dated within the period (a flow). */
  z.strictObject({ rule: z.literal('within'), date: z.string() }),
  /** Records that exist on the period's last day: from `since` until `until` (a stock). */
  z.strictObject({ rule: z.literal('as_of_end'), since: z.string(), until: z.string().optional() }),
]);
const recordFormula = z.strictObject({
  op: z.enum(['count', 'distinct_count', 'sum', 'share']),
  entity: z.enum(registryEntities),
  /** Registry list filter syntax (`level:national,status:active`). */
  filter: z.string().optional(),
  timing,
  /** distinct_count: the list field counted, and the registry list its values are ids of. */
  distinct: z.strictObject({ field: z.string(), entity: z.enum(registryEntities) }).optional(),
  /** sum: the numeric list field summed. */
  sum: z.string().optional(),
  /** share: the filter of the part, over the records the formula selects. */
  part: z.string().optional(),
});
const derivedFormula = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('ratio'), numerator: z.string(), denominator: z.string() }),
  z.strictObject({ op: z.literal('growth'), of: z.string() }),
  /** The sum of other indicators of the same year and area (transfers plus incubations). */
  z.strictObject({ op: z.literal('total'), of: z.array(z.string()).min(2) }),
]);
export const catalogueIndicator = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/),
  name: bilingual,
  unit: z.enum(indicatorUnits),
  decimals: z.number().int().min(0).max(6).optional(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  definition: bilingual,
  /** Absent: an official statistic, entered with its source. */
  formula: z.union([recordFormula, derivedFormula]).optional(),
  breakdowns: z.array(z.string()).optional(),
});
export const catalogueFile = z.strictObject({
  firstYear: z.number().int().min(1978).max(2100),
  indicators: z.array(catalogueIndicator).min(1),
  dashboard: z.strictObject({
    kpis: z.array(z.string()),
    trends: z.array(z.string()),
    breakdowns: z.array(z.string()),
    map: z.string(),
    funnel: z.array(z.string()),
  }),
});
export type CatalogueFile = z.output<typeof catalogueFile>;
export type CatalogueIndicator = z.output<typeof catalogueIndicator>;
export type RecordFormula = z.output<typeof recordFormula>;
export type DerivedFormula = z.output<typeof derivedFormula>;

// ── API ─────────────────────────────────────────────────────────────────────────────────────────
const checkPeriod = (v: string) => {
  const p = parsePeriod(v);
  return isViolation(p) ? p : null;
};
export const period = withRule(z.string().max(8), checkPeriod).meta({ example: '2025' });
export const areaCode = z.string().regex(/^\d{6}$/).meta({ example: '430100' });

export const indicatorSource = z.enum(['computed', 'official']);
export const indicator = z
  .object({
    code: z.string(),
    name: bilingual,
    unit: z.enum(indicatorUnits),
    unit_label: bilingual,
    decimals: z.number().int(),
    direction: z.enum(['higher_is_better', 'lower_is_better']),
    definition: bilingual,
    source: indicatorSource,
    /** How the value is made: over which records (and the registry list the rows come from), or from which indicators. */
    formula: z.union([recordFormula, derivedFormula]).nullable(),
    measure: z.enum(['stock', 'flow']),
    breakdowns: z.array(z.object({ code: z.string(), label: bilingual })),
    /** The registry list the drill-down rows belong to; null when there are no rows behind the value. */
    rows_entity: z.enum(registryEntities).nullable(),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.output<typeof indicator>;
export const indicatorCatalogue = z.object({ first_year: z.number().int(), results: z.array(indicator) });

export const codeParams = z.strictObject({ code: z.string().max(100) });
export const observationQuery = z.strictObject({
  period: period.optional().describe('A year; all years from the catalogue’s first year when absent'),
  area: areaCode.optional().describe('The city (default) or a district code'),
  breakdown: z.string().max(40).optional().describe('district, zone, or one of the indicator’s breakdowns'),
});
export const observation = z
  .object({
    code: z.string(),
    period: z.string(),
    area: z.string(),
    breakdown_key: z.string().nullable().optional(),
    breakdown_label: bilingual.nullable().optional(),
    value: z.number().nullable(),
    unit: z.enum(indicatorUnits),
    source: indicatorSource,
    /** computed: the day it was computed for (period end, or today in the running period); official: the publication day. */
    as_of: z.string().nullable(),
    /** Shares: the counts behind the percentage. */
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    /** Official values: where the figure was published. */
    source_note: z.string().nullable().optional(),
  })
  .meta({ id: 'Observation' });
export type Observation = z.output<typeof observation>;
export const observationList = z.object({ results: z.array(observation) });

export const rowsQuery = listQuery.extend({
  period: period,
  area: areaCode.optional(),
  part: z.enum(['all', 'part']).default('all').describe('Shares: `part` lists only the records counted in the numerator'),
});

/**
 * A published figure or a target: ±10^15 is far beyond any statistic a city publishes (its GDP in
 * yuan is about 10^12) and keeps every value exact in a JavaScript number.
 */
export const FIGURE_LIMIT = 1e15;
const figure = z.number().finite().min(-FIGURE_LIMIT).max(FIGURE_LIMIT);

export const officialValueCreate = z
  .strictObject({
    period,
    area: areaCode.optional(),
    value: figure,
    source: text(500),
    published_on: calendarDate,
    note: optionalText(2000),
  })
  .meta({ id: 'OfficialValueCreate' });
export type OfficialValueCreate = z.output<typeof officialValueCreate>;
export const officialValue = z
  .object({
    id,
    code: z.string(),
    period: z.string(),
    area: z.string(),
    value: z.number(),
    source: z.string(),
    published_on: z.string(),
    note: z.string().nullable(),
    created_at: timestamp,
    /** The newest publication for its period and area: the value shown. */
    current: z.boolean(),
  })
  .meta({ id: 'OfficialValue' });
export const officialValueList = z.object({ results: z.array(officialValue) });

const targetFields = {
  indicator_code: z.string().max(100),
  period,
  area: areaCode.optional(),
  comparator: z.enum(comparators),
  value: figure,
  tolerance: z.number().finite().min(0).max(FIGURE_LIMIT).nullable().optional(),
  note: optionalText(2000),
};
export const targetCreate = z.strictObject(targetFields).meta({ id: 'TargetCreate' });
export type TargetCreate = z.output<typeof targetCreate>;
export const targetPatch = z
  .strictObject({ comparator: targetFields.comparator.optional(), value: targetFields.value.optional(), tolerance: targetFields.tolerance, note: targetFields.note, version: basedOnVersion.optional() })
  .meta({ id: 'TargetPatch' });
export type TargetPatch = z.output<typeof targetPatch>;
export const targetStatus = z.enum(Object.keys(targetStatuses) as [keyof typeof targetStatuses, ...Array<keyof typeof targetStatuses>]);
export const target = z
  .object({
    id,
    indicator_code: z.string(),
    indicator_name: bilingual,
    unit: z.enum(indicatorUnits),
    period: z.string(),
    area: z.string(),
    area_name: bilingual,
    comparator: z.enum(comparators),
    value: z.number(),
    tolerance: z.number().nullable(),
    note: z.string().nullable(),
    parent_id: id.nullable(),
    /** The indicator now, and where it stood at the end of the previous period. */
    current: z.number().nullable(),
    baseline: z.number().nullable(),
    status: targetStatus,
    status_label: bilingual,
    progress: z.number().nullable(),
    expected: z.number(),
    projected: z.number().nullable(),
    elapsed: z.number(),
    /** City targets: the districts' targets summed, and how many districts have one. */
    districts: z.object({ count: z.number().int(), sum: z.number() }).nullable(),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Target' });
export type Target = z.output<typeof target>;
export const targetQuery = z.strictObject({
  period: period.optional(),
  area: areaCode.optional(),
  indicator_code: z.string().max(100).optional(),
  parent_id: z.coerce.number().int().positive().optional(),
});
export const targetList = z.object({ results: z.array(target) });
export const cascadeBody = z.strictObject({
  /** Split the city's target over the districts in proportion to each district's value of this period (default) or the previous one. */
  basis: z.enum(['current', 'previous']).default('current'),
});

export const dashboardQuery = z.strictObject({
  period: period.optional().describe('The year shown; the last complete year when absent'),
  target_period: period.optional().describe('The targets tracked; the running year when absent'),
});
const kpi = z.object({ indicator: indicator, value: observation, previous: observation.nullable(), change: z.number().nullable(), change_percent: z.number().nullable() });
export const dashboard = z
  .object({
    period: z.string(),
    target_period: z.string(),
    /** The year running on the server's today: the newest year a dashboard can show. */
    running_period: z.string(),
    /** The day the shown year's computed figures stand for: its last day, or today while it runs (year to date). */
    as_of: z.string(),
    area: z.string(),
    computed_at: timestamp,
    kpis: z.array(kpi),
    targets: z.array(target),
    trends: z.array(z.object({ indicator: indicator, points: z.array(observation) })),
    breakdowns: z.array(z.object({ indicator: indicator, breakdown: z.string(), points: z.array(observation) })),
    map: z.object({ indicator: indicator, points: z.array(observation) }),
    funnel: z.array(z.object({ indicator: indicator, value: observation })),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.output<typeof dashboard>;
