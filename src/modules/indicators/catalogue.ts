import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../config.js';
import { catalogueFile, type CatalogueFile, type CatalogueIndicator, type DerivedFormula, type RecordFormula } from '../../contracts/indicators.js';
import { parseFilters, type FilterTerm } from '../../db/list/parse.js';
import type { ListField, ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { yuanPerUnit } from '../../domain/indicatorUnits.js';
import type { Message } from '../../domain/message.js';
import { statisticsListSpec } from '../shared/registryLists.js';

/**
 * The indicator catalogue (指标目录), read from config/indicators.json and checked against the
 * registry lists it counts: every filter, date and breakdown must be a field of that list, so
 * a formula's rows are exactly what the registry list returns with the same filter.
 */

export type Entity = RecordFormula['entity'];
export interface NamedField {
  name: string;
  field: ListField;
}

export interface RecordIndicator {
  kind: 'record';
  def: CatalogueIndicator;
  formula: RecordFormula;
  spec: ListSpec;
  filters: FilterTerm[];
  part: FilterTerm[] | null;
  timing: { rule: 'within'; date: NamedField } | { rule: 'as_of_end'; since: NamedField; until: NamedField | null };
  area: NamedField;
  distinct: { field: NamedField; entity: Entity; spec: ListSpec } | null;
  sum: NamedField | null;
  breakdowns: Map<string, NamedField>;
}
export interface DerivedIndicator {
  kind: 'derived';
  def: CatalogueIndicator;
  formula: DerivedFormula;
}
export interface OfficialIndicator {
  kind: 'official';
  def: CatalogueIndicator;
}
export type ResolvedIndicator = RecordIndicator | DerivedIndicator | OfficialIndicator;

export interface Catalogue {
  firstYear: number;
  indicators: Map<string, ResolvedIndicator>;
  dashboard: CatalogueFile['dashboard'];
}


/** `district` is the name every indicator's breakdowns use for the list's district field. */
const BREAKDOWN_ALIASES: Record<string, string> = { district: 'district_code', contract_type: 'type', organization: 'owner_org_id', achievement_type: 'type', talent_category: 'category', talent_mode: 'mode' };
export const breakdownLabels: Record<string, Message> = {
  district: { zh: '区县', en: 'District' },
  zone: { zh: '园区', en: 'Zone' },
  category: { zh: '机构类别', en: 'Category' },
  level: { zh: '级别', en: 'Level' },
  type: { zh: '平台类型', en: 'Platform type' },
  kind: { zh: '主体类型', en: 'Kind' },
  status: { zh: '状态', en: 'Status' },
  organization_kind: { zh: '主体类型', en: 'Kind' },
  qualification: { zh: '资质', en: 'Qualification' },
  contract_type: { zh: '合同类型', en: 'Contract type' },
  flow: { zh: '技术流向', en: 'Flow' },
  technology_field: { zh: '技术领域', en: 'Technology field' },
  talent_category: { zh: '人才类别', en: 'Talent category' },
  talent_mode: { zh: '引进方式', en: 'Mode' },
  organization: { zh: '所属主体', en: 'Organization' },
  institution_category: { zh: '研发机构类别', en: 'R&D institution category' },
  platform_id: { zh: '创新平台', en: 'Innovation platform' },
  achievement_type: { zh: '成果类型', en: 'Achievement type' },
  mode: { zh: '转化方式', en: 'Transfer mode' },
};

export function loadCatalogue(city: CityConfig, file = join(packageRoot, 'config', 'indicators.json')): Catalogue {
  return resolveCatalogue(JSON.parse(readFileSync(file, 'utf8')), city, file);
}

/** Checks a catalogue's shape and every reference in it; throws one error naming every problem. */
export function resolveCatalogue(raw: unknown, city: CityConfig, source = 'indicator catalogue'): Catalogue {
  const parsed = catalogueFile.safeParse(raw);
  if (!parsed.success) throw new Error(`${source}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const problems: string[] = [];
  const indicators = new Map<string, ResolvedIndicator>();
  for (const def of parsed.data.indicators) {
    if (indicators.has(def.code)) problems.push(`${def.code}: listed twice`);
    indicators.set(def.code, resolveIndicator(def, city, (p) => problems.push(`${def.code}: ${p}`)));
  }
  for (const r of indicators.values()) {
    if (r.kind !== 'derived') continue;
    const refs = r.formula.op === 'ratio' ? [r.formula.numerator, r.formula.denominator] : r.formula.op === 'total' ? r.formula.of : [r.formula.of];
    for (const ref of refs) {
      const base = indicators.get(ref);
      if (!base) problems.push(`${r.def.code}: refers to unknown indicator ${ref}`);
      else if (base.kind === 'derived') problems.push(`${r.def.code}: refers to ${ref}, itself derived; derive from base indicators only`);
    }
  }
  const { dashboard } = parsed.data;
  for (const code of [...dashboard.kpis, ...dashboard.trends, ...dashboard.breakdowns, dashboard.map, ...dashboard.funnel]) {
    if (!indicators.has(code)) problems.push(`dashboard: unknown indicator ${code}`);
  }
  if (problems.length) throw new Error(`${source}: ${problems.join('; ')}`);
  return { firstYear: parsed.data.firstYear, indicators, dashboard };
}

function resolveIndicator(def: CatalogueIndicator, city: CityConfig, problem: (p: string) => void): ResolvedIndicator {
  const formula = def.formula;
  if (!formula) return { kind: 'official', def };
  if (formula.op === 'ratio' || formula.op === 'growth' || formula.op === 'total') return { kind: 'derived', def, formula };
  const spec = statisticsListSpec(formula.entity, city);
  const field = (name: string, types: ListField['type'][], what: string): NamedField => {
    const f = spec.fields[name];
    if (!f || !types.includes(f.type)) problem(`${what} "${name}" is not a ${types.join('/')} field of the ${formula.entity} list`);
    return { name, field: f ?? { column: 'NULL', type: types[0]! } };
  };
  const filters = (raw: string | undefined, what: string): FilterTerm[] => {
    if (!raw) return [];
    const r = parseFilters(spec, raw);
    if (!r.ok) problem(`${what}: ${r.problems.map((p) => p.message.en).join('; ')}`);
    return r.ok ? r.value : [];
  };
  const t = formula.timing;
  const timing: RecordIndicator['timing'] =
    t.rule === 'within'
      ? { rule: 'within', date: field(t.date, ['date'], 'timing.date') }
      : { rule: 'as_of_end', since: field(t.since, ['date'], 'timing.since'), until: t.until ? field(t.until, ['date'], 'timing.until') : null };
  if (formula.op === 'share' && !formula.part) problem('a share needs a part');
  if (formula.op === 'distinct_count' && !formula.distinct) problem('a distinct_count needs distinct');
  if (formula.op === 'sum' && !formula.sum) problem('a sum needs the field it sums');
  const breakdowns = new Map<string, NamedField>();
  for (const b of def.breakdowns ?? []) {
    const name = BREAKDOWN_ALIASES[b] ?? b;
    const f = spec.fields[name];
    if (!f?.group) problem(`breakdown "${b}" is not a groupable field of the ${formula.entity} list`);
    else breakdowns.set(b, { name, field: f });
  }
  return {
    kind: 'record',
    def,
    formula,
    spec,
    filters: filters(formula.filter, 'filter'),
    part: formula.op === 'share' ? filters(formula.part, 'part') : null,
    timing,
    area: field('district_code', ['code'], 'area'),
    distinct: formula.distinct ? { field: field(formula.distinct.field, ['int'], 'distinct.field'), entity: formula.distinct.entity, spec: statisticsListSpec(formula.distinct.entity, city) } : null,
    sum: formula.sum ? field(formula.sum, ['int', 'decimal'], 'sum') : null,
    breakdowns,
  };
}

/**
 * Decimal amounts (money) are summed in hundredths, fen: whole numbers, so every total the engine
 * adds up — buckets, districts into the city — is exact as a float up to 2^53 fen (9 × 10^13 yuan),
 * whichever way it is grouped.
 */
const HUNDREDTHS = 100;

/** The SQL of what a sum adds up, per row. */
export const summedSql = (sum: NamedField): string => (sum.field.type === 'decimal' ? `(${sum.field.column} * ${HUNDREDTHS})` : sum.field.column);

/** What a sum's total is divided by to be in its indicator's unit: fen to yuan, yuan to 亿元. */
export const sumDivisor = (r: RecordIndicator): number => (r.sum?.field.type === 'decimal' ? HUNDREDTHS : 1) * (yuanPerUnit[r.def.unit] ?? 1);

/**
 * A stock is counted on the period's last day and grows from last period's value; a flow starts
 * from zero each period. A ratio follows its numerator; an official figure is published once for
 * the whole period, so it is judged as final when it appears. A total follows its first part.
 */
export function measureOf(r: ResolvedIndicator, catalogue: Catalogue): 'stock' | 'flow' {
  if (r.kind === 'record') return r.formula.timing.rule === 'as_of_end' ? 'stock' : 'flow';
  if (r.kind === 'derived' && (r.formula.op === 'ratio' || r.formula.op === 'total')) {
    const base = catalogue.indicators.get(r.formula.op === 'ratio' ? r.formula.numerator : r.formula.of[0]!);
    return base ? measureOf(base, catalogue) : 'flow';
  }
  return 'flow';
}
