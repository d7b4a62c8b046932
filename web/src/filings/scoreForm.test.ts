import { describe, expect, it } from 'vitest';
import { maxTotal, reviewBody, scoreTotal, scoreValues } from './scoreForm';

const l = (zh: string) => ({ zh, en: zh });
const criteria = [
  { key: 'conditions', label: l('中试条件'), max: 30 },
  { key: 'team', label: l('人才团队'), max: 20 },
];

describe('the scoring form', () => {
  it('starts empty, or from the expert’s own earlier review', () => {
    expect(scoreValues(criteria, undefined)).toEqual({ scores: { conditions: null, team: null }, comment: '' });
    const own = { expert_id: 1, expert_name: null, scores: { conditions: 27, team: 18 }, total: 45, comment: '同意', submitted_at: '2026-11-13T00:00:00Z' };
    expect(scoreValues(criteria, own)).toEqual({ scores: { conditions: 27, team: 18 }, comment: '同意' });
  });

  it('adds up what is scored, out of the criteria’s maxima', () => {
    expect(maxTotal(criteria)).toBe(50);
    expect(scoreTotal(criteria, { conditions: 25, team: null })).toBe(25);
  });

  it('sends the scored criteria and the trimmed comment', () => {
    expect(reviewBody(criteria, { scores: { conditions: 25, team: null, colour: 3 }, comment: ' 具备条件 ' })).toEqual({ scores: { conditions: 25 }, comment: '具备条件' });
  });
});
