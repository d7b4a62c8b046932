import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { loadCatalogue, resolveCatalogue, sumDivisor, summedSql } from './catalogue.js';

const city = loadCity('changsha');
const shipped = () => JSON.parse(readFileSync(new URL('../../../config/indicators.json', import.meta.url), 'utf8')) as { indicators: Array<Record<string, unknown>>; dashboard: Record<string, unknown> };
const problemsOf = (raw: unknown) => {
  try {
    resolveCatalogue(raw, city, 'test catalogue');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the catalogue to be refused');
};

describe('indicator catalogue', () => {
  it('resolves the shipped catalogue against the registry lists', () => {
    const c = loadCatalogue(city);
    const count = c.indicators.get('rd_institutions.count');
    expect(count?.kind).toBe('record');
    expect(c.indicators.get('rd_intensity')?.kind).toBe('derived');
    expect(c.indicators.get('gdp')?.kind).toBe('official');
    if (count?.kind === 'record') expect([...count.breakdowns.keys()]).toEqual(['district', 'zone', 'category', 'level']);
  });

  it('names every bad reference at once', () => {
    const raw = shipped();
    const first = raw.indicators[0]!;
    first.formula = { op: 'count', entity: 'rd_institutions', filter: 'colour:red', timing: { rule: 'within', date: 'name' } };
    first.breakdowns = ['district', 'address'];
    raw.indicators.push({ ...raw.indicators.find((i) => i.code === 'rd_intensity')!, code: 'rd_intensity.bad', formula: { op: 'ratio', numerator: 'rd_expenditure', denominator: 'nothing' } });
    raw.dashboard.map = 'no.such';
    const message = problemsOf(raw);
    expect(message).toContain('rd_institutions.count: filter: Unknown field');
    expect(message).toContain('rd_institutions.count: timing.date "name" is not a date field of the rd_institutions list');
    expect(message).toContain('rd_institutions.count: breakdown "address" is not a groupable field');
    expect(message).toContain('rd_intensity.bad: refers to unknown indicator nothing');
    expect(message).toContain('dashboard: unknown indicator no.such');
  });

  it('refuses a duplicate code and a badly shaped entry', () => {
    const raw = shipped();
    raw.indicators.push(raw.indicators[0]!);
    expect(problemsOf(raw)).toContain('rd_institutions.count: listed twice');
    const bad = shipped();
    bad.indicators[0]!.unit = 'furlongs';
    expect(problemsOf(bad)).toContain('indicators.0.unit');
  });

  it('sums money in fen and shows it in 亿元; counts contracts over their bare table', () => {
    const turnover = loadCatalogue(city).indicators.get('contracts.turnover');
    if (turnover?.kind !== 'record') throw new Error('contracts.turnover is a record indicator');
    expect(summedSql(turnover.sum!)).toBe('(t.contract_amount * 100)');
    expect(sumDivisor(turnover)).toBe(100 * 1e8);
    expect(turnover.spec.from).toBe('tech_contracts t');
    expect([...turnover.breakdowns.keys()]).toEqual(['district', 'zone', 'contract_type', 'flow', 'technology_field']);
  });

  it('refuses a sum of a field that is not a number', () => {
    const raw = shipped();
    const turnover = raw.indicators.find((i) => i.code === 'contracts.turnover')!;
    (turnover.formula as Record<string, unknown>).sum = 'contract_number';
    expect(problemsOf(raw)).toContain('sum "contract_number" is not a int/decimal field of the tech_contracts list');
  });
});
