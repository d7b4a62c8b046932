import { describe, expect, it } from 'vitest';
import { checkFeatureClaim, confirmedFeatureCount, fourGlobalFeatureCodes, fourGlobalFeatures, type FeatureClaim } from './fourGlobal.js';

const confirmed = (confirmedOn: string): FeatureClaim => ({ evidence: 'Branch office in Munich since 2021', confirmedOn });
const pending: FeatureClaim = { evidence: 'Overseas clients listed in the annual report', confirmedOn: null };

describe('fourGlobalFeatures', () => {
  it('lists the four features in order with their Chinese names', () => {
    expect(fourGlobalFeatureCodes).toEqual(['global_layout', 'global_tasks', 'global_resources', 'global_results']);
    expect(fourGlobalFeatureCodes.map((c) => fourGlobalFeatures[c].zh)).toEqual([
      '功能布局基于全球',
      '研发任务源自全球',
      '研发资源来自全球',
      '研发成果用于全球',
    ]);
    expect(fourGlobalFeatures.global_results.en).toBe('R&D results used worldwide');
  });
});

describe('confirmedFeatureCount', () => {
  it('is 0 with no claims or only pending ones', () => {
    expect(confirmedFeatureCount({})).toBe(0);
    expect(confirmedFeatureCount({ global_layout: pending, global_tasks: null })).toBe(0);
  });

  it('counts confirmed claims only', () => {
    expect(confirmedFeatureCount({ global_layout: confirmed('2024-03-01'), global_tasks: pending, global_results: confirmed('2025-01-10') })).toBe(2);
  });

  it('reaches 4 when every feature is confirmed', () => {
    const all = Object.fromEntries(fourGlobalFeatureCodes.map((c) => [c, confirmed('2024-06-01')]));
    expect(confirmedFeatureCount(all)).toBe(4);
  });

  it('counts only confirmations on or before asOf', () => {
    const claims = { global_layout: confirmed('2024-03-01'), global_tasks: confirmed('2024-12-31'), global_resources: confirmed('2025-01-01') };
    expect(confirmedFeatureCount(claims, '2023-12-31')).toBe(0);
    expect(confirmedFeatureCount(claims, '2024-12-31')).toBe(2);
    expect(confirmedFeatureCount(claims, '2025-01-01')).toBe(3);
  });

  it('ignores keys that are not features', () => {
    const claims = { global_layout: confirmed('2024-03-01'), global_talent: confirmed('2024-03-01') } as Record<string, FeatureClaim>;
    expect(confirmedFeatureCount(claims)).toBe(1);
  });
});

describe('checkFeatureClaim', () => {
  const today = '2025-06-01';

  it('accepts no claim, a pending claim and a pending claim without evidence', () => {
    expect(checkFeatureClaim('global_tasks', null, today)).toEqual([]);
    expect(checkFeatureClaim('global_tasks', pending, today)).toEqual([]);
    expect(checkFeatureClaim('global_tasks', { evidence: null, confirmedOn: null }, today)).toEqual([]);
  });

  it('accepts a confirmation with evidence dated today or earlier', () => {
    expect(checkFeatureClaim('global_tasks', confirmed(today), today)).toEqual([]);
    expect(checkFeatureClaim('global_tasks', confirmed('2023-11-20'), today)).toEqual([]);
  });

  it.each([null, '', '   '])('refuses a confirmation without evidence (%j)', (evidence) => {
    expect(checkFeatureClaim('global_tasks', { evidence, confirmedOn: '2025-05-01' }, today)).toEqual([
      {
        code: 'four_global.confirmation_without_evidence',
        message: { zh: '“研发任务源自全球”已确认，但没有填写证据', en: '"R&D tasks from the world" is confirmed but has no evidence' },
        params: { feature: 'global_tasks' },
      },
    ]);
  });

  it('refuses a confirmation dated after today', () => {
    expect(checkFeatureClaim('global_resources', confirmed('2025-06-02'), today)).toMatchObject([
      { code: 'four_global.confirmed_in_future', params: { feature: 'global_resources', confirmedOn: '2025-06-02', today } },
    ]);
  });

  it('refuses an impossible confirmation date', () => {
    expect(checkFeatureClaim('global_layout', confirmed('2025-02-30'), today)).toMatchObject([
      { code: 'date.invalid', params: { value: '2025-02-30' } },
    ]);
  });

  it('reports every problem of one claim', () => {
    const codes = checkFeatureClaim('global_results', { evidence: null, confirmedOn: '2030-01-01' }, today).map((v) => v.code);
    expect(codes).toEqual(['four_global.confirmed_in_future', 'four_global.confirmation_without_evidence']);
  });
});
