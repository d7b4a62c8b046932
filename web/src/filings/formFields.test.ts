import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../src/domain/workflow/definition';
import { controlOf, dataChanged, fieldPath, formDataOf, formValues, minimumOf, missingRequired } from './formFields';

const label = { zh: '名称', en: 'Name' };
const fields: FormField[] = [
  { key: 'name', label, type: 'text', required: true },
  { key: 'lines', label, type: 'longtext', required: false },
  { key: 'area', label, type: 'number', required: true, min: 2000, unit: { zh: '平方米', en: 'm²' } },
  { key: 'staff', label, type: 'number', required: false },
  { key: 'since', label, type: 'date', required: false },
  { key: 'claimed', label, type: 'bool', required: true },
  { key: 'kind', label, type: 'code', required: false, codes: { a: label, b: label } },
  { key: 'district_code', label, type: 'district', required: true },
  { key: 'zone', label, type: 'zone', required: false },
];
const field = (key: string) => fields.find((f) => f.key === key)!;

describe('the control of each field type', () => {
  it('maps every type', () => {
    expect(fields.map((f) => controlOf(f))).toEqual([
      { kind: 'text' },
      { kind: 'longtext' },
      { kind: 'number' },
      { kind: 'number' },
      { kind: 'date' },
      { kind: 'yesNo' },
      { kind: 'codes', codes: ['a', 'b'] },
      { kind: 'cityCode', list: 'district' },
      { kind: 'cityCode', list: 'zone' },
    ]);
  });

  it('gives the criterion’s least value and unit for numbers only', () => {
    expect(minimumOf(field('area'))).toEqual({ min: 2000, unit: { zh: '平方米', en: 'm²' } });
    expect(minimumOf(field('staff'))).toBeNull();
    expect(minimumOf(field('name'))).toBeNull();
  });

  it('names fields as the server does in its problems', () => {
    expect(fieldPath('area')).toBe('data.area');
  });
});

describe('values between the API and the form', () => {
  it('starts every field, empty text as "" and other empties as null', () => {
    expect(formValues(fields, { name: '中试平台', area: '2500', district_code: '430104', claimed: false })).toEqual({
      name: '中试平台',
      lines: '',
      area: 2500,
      staff: null,
      since: null,
      claimed: false,
      kind: null,
      district_code: '430104',
      zone: null,
    });
    expect(formValues(fields, { area: 'big' }).area).toBeNull();
  });

  it('saves only what is filled, keeping false and 0', () => {
    expect(formDataOf(fields, { name: '  ', lines: '两条线', area: 0, staff: null, since: '2024-03-01', claimed: false, kind: undefined, district_code: '430104', zone: '' })).toEqual({
      lines: '两条线',
      area: 0,
      since: '2024-03-01',
      claimed: false,
      district_code: '430104',
    });
  });

  it('drops keys that are not fields of the form', () => {
    expect(formDataOf(fields, { name: 'x', colour: 'red' })).toEqual({ name: 'x' });
  });

  it('lists the required fields still empty', () => {
    expect(missingRequired(fields, { name: 'x', area: null, claimed: false })).toEqual(['area', 'district_code']);
  });

  it('tells a changed form from the saved data', () => {
    const saved = { name: 'x', area: 2500 };
    expect(dataChanged(fields, saved, formValues(fields, saved))).toBe(false);
    expect(dataChanged(fields, saved, { ...formValues(fields, saved), area: 2600 })).toBe(true);
    expect(dataChanged(fields, saved, { ...formValues(fields, saved), lines: '  ' })).toBe(false);
  });
});
