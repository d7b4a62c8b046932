import type { Indicator, RegistryEntity } from '../api/indicators';
import type { zhCN } from '../i18n/zh-CN';

/**
 * How an indicator is made, as lines to translate (`indicators.formula.*`): which records it counts
 * and how the period selects them, or which indicators it is derived from, or that it is published.
 */
export type FormulaKey = keyof typeof zhCN.indicators.formula;
type FormulaParam = 'entity' | 'distinct' | 'field' | 'part' | 'filter' | 'date' | 'since' | 'until' | 'numerator' | 'denominator' | 'of';
export type FormulaLine = [key: FormulaKey, params: Partial<Record<FormulaParam, string>>];

export interface FormulaNames {
  entity: (e: RegistryEntity) => string;
  indicator: (code: string) => string;
}

export function formulaSummary(formula: Indicator['formula'], names: FormulaNames): FormulaLine[] {
  if (formula === null) return [['official', {}]];
  if (formula.op === 'ratio') return [['ratio', { numerator: names.indicator(formula.numerator), denominator: names.indicator(formula.denominator) }]];
  if (formula.op === 'growth') return [['growth', { of: names.indicator(formula.of) }]];
  if (formula.op === 'total') return [['total', { of: formula.of.map(names.indicator).join(' + ') }]];
  const entity = names.entity(formula.entity);
  const lines: FormulaLine[] = [
    formula.op === 'distinct_count' && formula.distinct ? ['distinct', { entity, distinct: names.entity(formula.distinct.entity) }]
    : formula.op === 'sum' ? ['sum', { entity, field: formula.sum ?? '' }]
    : formula.op === 'share' ? ['share', { entity, part: formula.part ?? '' }]
    : ['count', { entity }],
  ];
  if (formula.filter) lines.push(['filter', { filter: formula.filter }]);
  const t = formula.timing;
  if (t.rule === 'within') lines.push(['within', { date: t.date }]);
  else lines.push(t.until ? ['asOfEndUntil', { since: t.since, until: t.until }] : ['asOfEnd', { since: t.since }]);
  return lines;
}
