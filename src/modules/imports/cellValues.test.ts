import { describe, expect, it } from 'vitest';
import { organizationKinds } from '../../domain/organization.js';
import { qualificationTypes } from '../../domain/qualification.js';
import { city } from '../../../test/fixtures/imports/helpers.js';
import { boolCell, codeCell, districtCell, textCell, unneutralise, zoneCell } from './cellValues.js';

describe('textCell', () => {
  it('trims, takes empty as null and writes numbers and dates as text', () => {
    expect(textCell('  星城  ')).toEqual({ ok: true, value: '星城' });
    expect(textCell(' ')).toEqual({ ok: true, value: null });
    expect(textCell(12345)).toEqual({ ok: true, value: '12345' });
    expect(textCell(new Date(Date.UTC(2025, 0, 2)))).toEqual({ ok: true, value: '2025-01-02' });
    expect(textCell({ error: '#REF!' })).toMatchObject({ ok: false, violation: { code: 'cell.error' } });
  });

  it('removes one formula-guard apostrophe in spreadsheet formats only', () => {
    expect(textCell("'=1+1")).toEqual({ ok: true, value: '=1+1' });
    expect(textCell("'=1+1", false)).toEqual({ ok: true, value: "'=1+1" });
    for (const [text, back] of [["'+86", '+86'], ["'-", '-'], ["'@x", '@x'], ["'\tx", '\tx'], ["''=x", "'=x"], ["'x", "'x"], ["it's", "it's"], ["'", "'"]]) {
      expect(unneutralise(text as string)).toBe(back);
    }
  });
});

describe('codeCell', () => {
  it('accepts the code in any case and the Chinese or English label', () => {
    for (const v of ['enterprise', 'ENTERPRISE', '企业', 'Enterprise', ' 企业 ']) expect(codeCell(v, organizationKinds)).toEqual({ ok: true, value: 'enterprise' });
    expect(codeCell('专精特新“小巨人”企业', qualificationTypes)).toEqual({ ok: true, value: 'little_giant' });
  });

  it('refuses anything else, listing what is allowed', () => {
    const r = codeCell('startup', organizationKinds);
    expect(r).toMatchObject({ ok: false, violation: { code: 'code.unknown' } });
    if (!r.ok) expect(r.violation.message.zh).toContain('企业（enterprise）');
    expect(codeCell('x'.repeat(1_000_000), organizationKinds)).toMatchObject({ ok: false });
  });
});

describe('boolCell', () => {
  it.each([['是', true], ['否', false], ['1', true], [0, false], ['TRUE', true], ['false', false], ['Yes', true], ['no', false], ['Y', true], ['n', false], ['✓', true], [true, true], ['', null]])(
    'reads %j',
    (cell, value) => expect(boolCell(cell)).toEqual({ ok: true, value }),
  );
  it('refuses anything else', () => expect(boolCell('maybe')).toMatchObject({ ok: false, violation: { code: 'bool.invalid' } }));
});

describe('districtCell and zoneCell', () => {
  it('take codes and names', () => {
    expect(districtCell(city, '430104')).toEqual({ ok: true, value: '430104' });
    expect(districtCell(city, 430104)).toEqual({ ok: true, value: '430104' });
    expect(districtCell(city, '岳麓区')).toEqual({ ok: true, value: '430104' });
    expect(districtCell(city, 'yuelu district')).toEqual({ ok: true, value: '430104' });
    expect(districtCell(city, '望城县')).toEqual({ ok: true, value: '430122' });
    expect(zoneCell(city, '湘江新区')).toEqual({ ok: true, value: 'xiangjiang_new_area' });
    expect(zoneCell(city, 'Changsha_Hitech_Zone')).toEqual({ ok: true, value: 'changsha_hitech_zone' });
  });

  it('refuse an unknown district name; leave an unknown zone for the domain rule to name', () => {
    expect(districtCell(city, '朝阳区')).toMatchObject({ ok: false, violation: { code: 'district.unknown' } });
    expect(zoneCell(city, '月球基地')).toEqual({ ok: true, value: '月球基地' });
  });
});
