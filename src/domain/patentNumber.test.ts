import { describe, expect, it } from 'vitest';
import { isPatentNumber, normalizePatentNumber, parsePatentNumber, patentCheckCharacter, type PatentNumber } from './patentNumber.js';

/**
 * Real published numbers, as their holders print them:
 * - ZL95115608.X, 97101765.4 — 8-digit inventions, the worked examples of CNIPA's numbering rule as
 *   commonly quoted (9×2+5×3+1×4+1×5+5×6+6×7+0×8+8×9 = 186, 186 mod 11 = 10 → X);
 * - ZL201811564288.X, ZL201910603565.1 — invention patents granted 2020 and 2021 (a university's list);
 * - ZL200510096239.4 — the invention patent of the "急救止血敷片" haemostatic sponge;
 * - ZL 2015 1 0958772.0 — Weiboyi's advertising-placement invention, written with spaces;
 * - ZL202322865413.3 — utility model "适用于多口径接口的真空泵";
 * - 2016211093381 — utility model of a smoke-detector lamp's indicator, written without a dot;
 * - 2016300227706, 2016300227674 — design patents of the same firm's lamps;
 * - ZL 2020 3 0469320.8 — a design patent for a collagen eye patch;
 * - ZL201780021199.8, ZL201780002397.X — PCT inventions in China's national phase.
 */
const real: Array<[string, string, PatentNumber['type'], number]> = [
  ['ZL95115608.X', '95115608.X', 'invention', 1995],
  ['97101765.4', '97101765.4', 'invention', 1997],
  ['ZL201811564288.X', '201811564288.X', 'invention', 2018],
  ['ZL201910603565.1', '201910603565.1', 'invention', 2019],
  ['ZL200510096239.4', '200510096239.4', 'invention', 2005],
  ['ZL2015 1 0958772.0', '201510958772.0', 'invention', 2015],
  ['ZL202322865413.3', '202322865413.3', 'utility_model', 2023],
  ['2016211093381', '201621109338.1', 'utility_model', 2016],
  ['2016300227706', '201630022770.6', 'design', 2016],
  ['CN201630022767.4', '201630022767.4', 'design', 2016],
  ['ZL 2020 3 0469320.8', '202030469320.8', 'design', 2020],
  ['ZL201780021199.8', '201780021199.8', 'pct_invention', 2017],
  ['zl201780002397.x', '201780002397.X', 'pct_invention', 2017],
];

describe('parsePatentNumber on real published numbers', () => {
  it.each(real)('%s → %s, %s of %i', (input, application, type, year) => {
    const p = parsePatentNumber(input);
    expect(isPatentNumber(p), JSON.stringify(p)).toBe(true);
    expect(p).toMatchObject({ application, type, year, patent: `ZL${application}` });
  });

  it('tells the two forms apart and keeps the serial', () => {
    expect(parsePatentNumber('ZL95115608.X')).toMatchObject({ form: 'eight_digit', serial: '15608', check: 'X' });
    expect(parsePatentNumber('ZL201811564288.X')).toMatchObject({ form: 'twelve_digit', serial: '1564288', check: 'X' });
  });

  it('reads full-width characters and the middle dot', () => {
    expect(parsePatentNumber('ＺＬ２０１９１０６０３５６５．１')).toMatchObject({ application: '201910603565.1' });
    expect(parsePatentNumber('201910603565·1')).toMatchObject({ application: '201910603565.1' });
  });

  it('names a PCT utility model (type 9)', () => {
    // No published one to hand: the check character is computed here, the type is what is tested.
    const digits = '201990000001';
    expect(parsePatentNumber(`${digits}.${patentCheckCharacter(digits)}`)).toMatchObject({ type: 'pct_utility_model' });
  });
});

describe('wrong numbers', () => {
  it.each(['ZL95115608.1', '97101765.5', 'ZL201811564288.0', 'ZL202322865413.X', '2016300227705'])('refuses %s for its check character', (input) => {
    expect(parsePatentNumber(input)).toMatchObject({ code: 'patent.check_digit' });
  });

  it('says which check character was due', () => {
    expect(parsePatentNumber('ZL201910603565.2')).toMatchObject({ code: 'patent.check_digit', params: { expected: '1' } });
  });

  it.each(['ZL2019106035651X', '20191060356.1', 'ZL2019.10603565.1', 'US201910603565.1', '', 'ZL'])('refuses %j as not a number of either form', (input) => {
    expect(parsePatentNumber(input)).toMatchObject({ code: 'patent.format' });
  });

  it('refuses an unknown type code and an impossible year', () => {
    const typeFour = '201940000001';
    expect(parsePatentNumber(`${typeFour}.${patentCheckCharacter(typeFour)}`)).toMatchObject({ code: 'patent.type' });
    const year2002 = '200210000001'; // the 12-digit form starts in 2003
    expect(parsePatentNumber(`${year2002}.${patentCheckCharacter(year2002)}`)).toMatchObject({ code: 'patent.year' });
    const yy50 = '50100001'; // 8-digit years are 1985–2003
    expect(parsePatentNumber(`${yy50}.${patentCheckCharacter(yy50)}`)).toMatchObject({ code: 'patent.year' });
  });
});

describe('patentCheckCharacter', () => {
  it('is Σ digit × (2…9, 2…) mod 11, 10 written X', () => {
    expect(patentCheckCharacter('95115608')).toBe('X'); // 186 mod 11 = 10
    expect(patentCheckCharacter('201710601862')).toBe('3'); // 157 mod 11 = 3
    expect(patentCheckCharacter('2017106018')).toBeNull();
  });

  it('normalises without judging', () => {
    expect(normalizePatentNumber(' cn 2016 2 1109338.1 ')).toBe('2016211093381');
  });
});
