import { describe, expect, it } from 'vitest';
import type { FilingTypeList } from '../api/filings';
import { expertiseChoices, stateChoices, stateLabel } from './filingOptions';

const l = (zh: string) => ({ zh, en: zh.toUpperCase() });
const path = (states: string[]) => ({ code: 'p', initial: states[0]!, states: states.map((code) => ({ code, label: l(code) })), transitions: [] });
const types = {
  results: [
    { code: 'a', path: path(['draft', 'submitted']) },
    { code: 'b', path: path(['draft', 'filed']) },
  ],
  expertise_fields: { biomedicine: l('生物医药'), new_materials: l('新材料') },
} as unknown as FilingTypeList;

describe('filing choices', () => {
  it('lists every state once, in path order', () => {
    expect(stateChoices(types).map((s) => s.code)).toEqual(['draft', 'submitted', 'filed']);
    expect(stateChoices(undefined)).toEqual([]);
  });

  it('labels a state by its type’s path, the code when unknown', () => {
    expect(stateLabel(types, 'b', 'filed')).toEqual(l('filed'));
    expect(stateLabel(types, 'b', 'elsewhere')).toEqual({ zh: 'elsewhere', en: 'elsewhere' });
  });

  it('lists the fields of expertise', () => {
    expect(expertiseChoices(types).map((f) => f.code)).toEqual(['biomedicine', 'new_materials']);
  });
});
