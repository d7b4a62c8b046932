import { describe, expect, it } from 'vitest';
import type { WorkflowPath } from '../../../src/domain/workflow/definition';
import { applicationSubject, canDraw, canEvaluate, canResolve, canScore, deadlineStatus, isEditable, nextEvaluationYear, returnReason, showsReviews, stateColor, timelineEntries } from './applicationView';

describe('application view helpers', () => {
  it('colours known states and leaves others plain', () => {
    expect(stateColor('filed')).toBe('success');
    expect(stateColor('rejected')).toBe('error');
    expect(stateColor('somewhere_else')).toBe('default');
  });

  it('tells overdue from due from no deadline', () => {
    expect(deadlineStatus({ deadline: '2026-11-20T00:00:00Z', overdue: true })).toBe('overdue');
    expect(deadlineStatus({ deadline: '2026-11-20T00:00:00Z', overdue: false })).toBe('due');
    expect(deadlineStatus({ deadline: null, overdue: false })).toBe('none');
  });

  it('names the application by what it applies for, else by the applicant', () => {
    expect(applicationSubject({ subject: '中试平台', organization_name: '某公司' })).toBe('中试平台');
    // A "four global" confirmation goes by its institution, which the form does not name.
    expect(applicationSubject({ subject: '某公司—联合研发中心', organization_name: '某公司' })).toBe('某公司—联合研发中心');
    expect(applicationSubject({ subject: ' ', organization_name: '某公司' })).toBe('某公司');
    expect(applicationSubject({ subject: null, organization_name: '某公司' })).toBe('某公司');
  });

  it('offers each part its steps in the right states only', () => {
    const applicant = ['public', 'applicant'] as const;
    const officer = ['public', 'officer'] as const;
    const expert = ['public', 'expert'] as const;
    expect(isEditable({ state: 'draft', parties: [...applicant] })).toBe(true);
    expect(isEditable({ state: 'returned', parties: [...applicant] })).toBe(true);
    expect(isEditable({ state: 'submitted', parties: [...applicant] })).toBe(false);
    expect(isEditable({ state: 'draft', parties: [...officer] })).toBe(false);
    expect(canDraw({ state: 'formal_check', parties: [...officer] })).toBe(true);
    expect(canDraw({ state: 'expert_review', parties: [...officer] })).toBe(false);
    expect(canScore({ state: 'expert_review', parties: [...expert] })).toBe(true);
    expect(canScore({ state: 'expert_review', parties: [...officer] })).toBe(false);
    expect(canResolve({ state: 'public_notice', parties: [...officer] })).toBe(true);
    expect(canEvaluate({ state: 'filed', parties: [...officer] })).toBe(true);
    expect(canEvaluate({ state: 'revoked', parties: [...officer] })).toBe(false);
  });

  it('shows the scores to officers once drawn, to an expert their own once scoring closed', () => {
    const review = { expert_id: 1, expert_name: null, scores: {}, total: 80, comment: '', submitted_at: '2026-11-13T00:00:00Z' };
    const draw = { seed: 's', field: 'f', requested: 3, eligible: [], excluded: [], drawn: [], drawn_at: '2026-11-13T00:00:00Z' };
    expect(showsReviews({ state: 'expert_review', parties: ['public', 'officer'], draw, reviews: [] })).toBe(true);
    expect(showsReviews({ state: 'formal_check', parties: ['public', 'officer'], draw: null, reviews: [] })).toBe(false);
    expect(showsReviews({ state: 'expert_review', parties: ['public', 'expert'], draw: null, reviews: [review] })).toBe(false);
    expect(showsReviews({ state: 'public_notice', parties: ['public', 'expert'], draw: null, reviews: [review] })).toBe(true);
  });

  it('proposes the latest year not evaluated yet', () => {
    const at = '2026-01-01T00:00:00Z';
    expect(nextEvaluationYear([], 2026)).toBe(2026);
    expect(nextEvaluationYear([{ year: 2026, result: 'qualified', comment: null, evaluated_at: at }], 2026)).toBe(2025);
  });
});

describe('timeline entries', () => {
  const l = (zh: string) => ({ zh, en: zh });
  const path: WorkflowPath = {
    code: 'p',
    initial: 'draft',
    states: [{ code: 'draft', label: l('草稿') }, { code: 'submitted', label: l('已提交') }, { code: 'filed', label: l('已备案') }, { code: 'rejected', label: l('未通过'), terminal: true }],
    transitions: [],
  };
  const event = (kind: string, from: string | null, to: string | null) => ({ at: '2026-11-13T01:00:00Z', username: 'u', kind, label: l(kind), from_state: from, to_state: to, comment: null, details: null });

  it('names moves by their states and colours the endings', () => {
    const entries = timelineEntries([event('created', null, 'draft'), event('submit', 'draft', 'submitted'), event('review_submitted', null, null), event('reject', 'submitted', 'rejected'), event('file', 'submitted', 'filed')], path);
    expect(entries.map((e) => [e.move && `${e.move.from?.zh ?? ''}→${e.move.to.zh}`, e.color])).toEqual([
      [null, 'gray'],
      ['草稿→已提交', 'blue'],
      [null, 'gray'],
      ['已提交→未通过', 'red'],
      ['已提交→已备案', 'green'],
    ]);
  });
});

describe('the return reason', () => {
  const event = (to: string | null, comment: string | null) => ({ at: '2026-11-13T01:00:00Z', username: null, kind: 'x', label: { zh: 'x', en: 'x' }, from_state: null, to_state: to, comment, details: null });
  it('is the latest return’s comment while returned', () => {
    const timeline = [event('returned', '补充材料'), event('submitted', null), event('returned', '请补充近三年项目清单')];
    expect(returnReason({ state: 'returned', timeline })).toBe('请补充近三年项目清单');
    expect(returnReason({ state: 'submitted', timeline })).toBeNull();
  });
});
