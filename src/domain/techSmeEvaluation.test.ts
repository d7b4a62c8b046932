import { describe, expect, it } from 'vitest';
import { evaluateTechSme, figureProblems, type TechSmeFigures } from './techSmeEvaluation.js';

const declarations = { resident_enterprise: true, permitted_industry: true, clean_record: true };

/** A baseline enterprise; each test changes what it is about. */
function figures(over: Partial<TechSmeFigures> = {}): TechSmeFigures {
  return {
    staff: 100,
    st_staff: 30,
    sales: '50000000.00',
    total_assets: '80000000.00',
    rd_expenditure: '3000000.00',
    total_costs: '45000000.00',
    class_one_ip: 1,
    class_two_ip: 0,
    declarations,
    direct_routes: [],
    ...over,
  };
}

const points = (f: TechSmeFigures, code: string) => evaluateTechSme(f).items.find((i) => i.code === code)!;

describe('the worked examples of domain guide §3', () => {
  it('100 staff / 30 S&T staff, R&D 300万 on sales 5,000万, one invention patent: 20 + 50 + 30 = 100, qualifies', () => {
    const r = evaluateTechSme(figures());
    expect(r.items.map((i) => i.points)).toEqual([20, 50, 30]);
    expect(r.total).toBe(100);
    expect(r).toMatchObject({ eligible: true, qualifies: true, route: 'score' });
  });

  it('100 / 9, R&D 600万 on 5,000万, one invention patent: 0 + 50 + 30 = 80, but the S&T-staff score is 0', () => {
    const r = evaluateTechSme(figures({ st_staff: 9, rd_expenditure: '6000000.00' }));
    expect(r.items.map((i) => i.points)).toEqual([0, 50, 30]);
    expect(r.total).toBe(80);
    expect(r).toMatchObject({ qualifies: false, route: null });
    expect(r.explanation.en).toContain('S&T-staff score is 0');
  });
});

describe('band edges are exact (lower bounds inclusive)', () => {
  it.each([
    ['1500000.00', 20, '[3%, 4%)'],
    ['1499999.99', 10, '[2%, 3%)'],
    ['3000000.00', 50, '≥6%'],
    ['2999999.99', 40, '[5%, 6%)'],
    ['999999.99', 0, '<2%'],
    ['1000000.00', 10, '[2%, 3%)'],
  ])('R&D %s on sales 50,000,000 scores %i (%s)', (rd, expected, band) => {
    // Total costs large enough that the sales ratio is the better one.
    const item = points(figures({ rd_expenditure: rd, total_costs: '900000000.00' }), 'rd_input');
    expect(item).toMatchObject({ points: expected, band, basis: 'sales' });
  });

  it('exactly 3 % lands in [3, 4) where binary floats say 2.9999999999999996 %', () => {
    // In floating point 4.02 / 134 * 100 = 2.9999999999999996 (and 16.83 / 561 the same).
    expect((4.02 / 134) * 100).toBeLessThan(3);
    for (const [sales, rd] of [['134.00', '4.02'], ['561.00', '16.83'], ['56100000.00', '1683000.00']]) {
      const item = points(figures({ sales, rd_expenditure: rd, total_costs: '999999999999.00' }), 'rd_input');
      expect(item, `${rd} of ${sales}`).toMatchObject({ points: 20, band: '[3%, 4%)' });
      expect(item.explanation.en).toContain('R&D ÷ sales = 3.00%');
    }
  });

  it('takes the better of the sales and the total-costs ratio', () => {
    const item = points(figures({ rd_expenditure: '1000000.00', total_costs: '4000000.00' }), 'rd_input');
    expect(item).toMatchObject({ points: 40, basis: 'total_costs', band: '[25%, 30%)' });
    expect(item.explanation.zh).toContain('按成本费用总额计');
  });

  it.each([
    [30, 20],
    [29, 16],
    [25, 16],
    [20, 12],
    [15, 8],
    [14, 4],
    [10, 4],
    [9, 0],
  ])('S&T staff %i of 100 scores %i', (st, expected) => {
    expect(points(figures({ st_staff: st }), 'st_staff').points).toBe(expected);
  });

  it.each([
    [0, 0],
    [1, 6],
    [2, 12],
    [3, 18],
    [4, 24],
    [9, 24],
  ])('no class-I IP and %i class-II IP score %i', (count, expected) => {
    expect(points(figures({ class_one_ip: 0, class_two_ip: count }), 'st_results').points).toBe(expected);
  });

  it('scores nothing for a ratio over a zero whole, without failing', () => {
    const r = evaluateTechSme(figures({ staff: 0, st_staff: 0, sales: '0', total_costs: '0' }));
    expect(r.items.map((i) => i.points)).toEqual([0, 0, 30]);
    expect(r.items[0]!.explanation.en).toContain('—');
  });
});

describe('eligibility', () => {
  it('limits are inclusive: 500 staff, 2亿 sales and 2亿 assets are eligible', () => {
    const r = evaluateTechSme(figures({ staff: 500, st_staff: 150, sales: '200000000.00', total_assets: '200000000.00', rd_expenditure: '12000000.00' }));
    expect(r.eligible).toBe(true);
    expect(r.qualifies).toBe(true);
  });

  it.each([
    ['staff', { staff: 501, st_staff: 150 }],
    ['sales', { sales: '200000000.01' }],
    ['total_assets', { total_assets: '200000000.01' }],
    ['resident_enterprise', { declarations: { ...declarations, resident_enterprise: false } }],
    ['permitted_industry', { declarations: { ...declarations, permitted_industry: false } }],
    ['clean_record', { declarations: { ...declarations, clean_record: false } }],
  ] as const)('fails on %s just past its limit, and then nothing qualifies, not even a direct route', (code, over) => {
    const r = evaluateTechSme(figures({ ...over, direct_routes: ['high_tech_enterprise'] }));
    expect(r.eligibility.filter((c) => !c.passed).map((c) => c.code)).toEqual([code]);
    expect(r).toMatchObject({ eligible: false, qualifies: false, route: null });
  });
});

describe('direct qualification', () => {
  it('a low score qualifies through a route, and the explanation names it', () => {
    const r = evaluateTechSme(figures({ st_staff: 5, rd_expenditure: '0', class_one_ip: 0, direct_routes: ['led_standard'] }));
    expect(r.total).toBe(0);
    expect(r).toMatchObject({ qualifies: true, route: 'direct' });
    expect(r.explanation.zh).toContain('主导制定');
  });

  it('a qualifying score is named as the route even with a direct route too', () => {
    expect(evaluateTechSme(figures({ direct_routes: ['national_st_award'] })).route).toBe('score');
  });

  it('59 points do not qualify without a route', () => {
    // 16 (25 %) + 20 ([3, 4) of sales) + 18 (three class-II) = 54; 20 + 20 + 18 = 58; 16 + 20 + 24 = 60.
    expect(evaluateTechSme(figures({ st_staff: 25, rd_expenditure: '1500000.00', total_costs: '900000000.00', class_one_ip: 0, class_two_ip: 3 })).total).toBe(54);
    const sixty = evaluateTechSme(figures({ st_staff: 25, rd_expenditure: '1500000.00', total_costs: '900000000.00', class_one_ip: 0, class_two_ip: 4 }));
    expect(sixty).toMatchObject({ total: 60, qualifies: true, route: 'score' });
  });
});

describe('figureProblems', () => {
  it('refuses more S&T staff than staff, naming the field', () => {
    expect(figureProblems({ staff: 10, st_staff: 11 })).toMatchObject([{ field: 'st_staff', code: 'tech_sme.st_staff_above_staff' }]);
    expect(figureProblems({ staff: 10, st_staff: 10 })).toEqual([]);
  });
});
