import { describe, expect, it } from 'vitest';
import { assessTarget, type TargetCheck } from './targetStatus.js';

const base: TargetCheck = { comparator: '>=', target: 12_500, tolerance: null, value: 10_236, measure: 'stock', baseline: 10_236, elapsed: 0.5 };

describe('target status', () => {
  it('judges a stock from last year’s value, at the pace so far', () => {
    // Half the year gone, 60 % of the way from 10,236 to 12,500: on track.
    expect(assessTarget({ ...base, value: 10_236 + 0.6 * 2_264 }).status).toBe('on_track');
    // 45 % of the way: projected 12,274, within 10 % of the target.
    expect(assessTarget({ ...base, value: 10_236 + 0.45 * 2_264 })).toMatchObject({ status: 'at_risk', progress: expect.closeTo(0.45, 5) });
    // No growth at all: projected 10,236.
    expect(assessTarget({ ...base, value: 10_000, baseline: 10_236 }).status).toBe('off_track');
    expect(assessTarget({ ...base, value: 12_600 }).status).toBe('achieved');
    expect(assessTarget({ ...base, value: 12_000, elapsed: 1 }).status).toBe('off_track');
    expect(assessTarget({ ...base, value: null })).toMatchObject({ status: 'no_data', progress: null, expected: 10_236 + 0.5 * 2_264 });
  });

  it('judges a flow from zero', () => {
    const flow: TargetCheck = { ...base, target: 130, measure: 'flow', baseline: null, value: 70, elapsed: 0.5 };
    expect(assessTarget(flow)).toMatchObject({ status: 'on_track', projected: 140, expected: 65 });
    expect(assessTarget({ ...flow, value: 60 }).status).toBe('at_risk');
    expect(assessTarget({ ...flow, value: 30 }).status).toBe('off_track');
    expect(assessTarget({ ...flow, value: 131, elapsed: 1 }).status).toBe('achieved');
  });

  it('judges a ceiling and a band', () => {
    const ceiling: TargetCheck = { ...base, comparator: '<=', target: 100, measure: 'flow', value: 40, elapsed: 0.5 };
    expect(assessTarget(ceiling).status).toBe('on_track');
    expect(assessTarget({ ...ceiling, value: 54 }).status).toBe('at_risk');
    expect(assessTarget({ ...ceiling, value: 101 }).status).toBe('off_track');
    expect(assessTarget({ ...ceiling, value: 99, elapsed: 1 }).status).toBe('achieved');
    const band: TargetCheck = { ...base, comparator: '≈', target: 50, tolerance: 5, measure: 'flow', value: 26, elapsed: 0.5 };
    expect(assessTarget(band).status).toBe('on_track');
    expect(assessTarget({ ...band, value: 29 }).status).toBe('at_risk');
    expect(assessTarget({ ...band, value: 40 }).status).toBe('off_track');
    expect(assessTarget({ ...band, value: 46, elapsed: 1 }).status).toBe('achieved');
    // Without a tolerance, 5 % of the target.
    expect(assessTarget({ ...band, tolerance: null, value: 52, elapsed: 1 }).status).toBe('achieved');
  });
});
