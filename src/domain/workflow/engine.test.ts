import { describe, expect, it } from 'vitest';
import type { Facts } from './engine.js';
import { availableActions, fire, pathProblems } from './engine.js';
import type { WorkflowPath } from './definition.js';

const L = (s: string) => ({ zh: s, en: s });
const path: WorkflowPath = {
  code: 'mini',
  initial: 'draft',
  states: [
    { code: 'draft', label: L('Draft'), waitingFor: 'applicant' },
    { code: 'checking', label: L('Checking'), waitingFor: 'officer', deadlineDays: 5 },
    { code: 'done', label: L('Done'), terminal: true },
  ],
  transitions: [
    { action: 'submit', label: L('Submit'), from: ['draft'], to: 'checking', by: ['applicant'], requires: ['form_complete', 'checklist_complete'] },
    { action: 'approve', label: L('Approve'), from: ['checking'], to: 'done', by: ['officer'] },
    { action: 'reject', label: L('Reject'), from: ['checking'], to: 'done', by: ['officer'], requires: ['reason_given'] },
  ],
};
const all = (value: boolean): Facts => ({
  form_complete: value,
  checklist_complete: value,
  experts_drawn: value,
  reviews_complete: value,
  reason_code_given: value,
  review_passed: value,
  notice_ended: value,
  objections_resolved: value,
  no_objection_upheld: value,
  reason_given: value,
  unqualified_evaluation: value,
});

describe('fire', () => {
  it('moves along a transition whose state, party and requirements fit', () => {
    const f = fire(path, 'draft', 'submit', ['public', 'applicant'], all(true));
    expect(f.ok && f.to.code).toBe('checking');
  });

  it('refuses an action of another state, of another party, or with unmet requirements, saying which', () => {
    const state = fire(path, 'checking', 'submit', ['applicant'], all(true));
    expect(!state.ok && state.refusal.kind).toBe('state');
    const party = fire(path, 'checking', 'approve', ['public', 'applicant'], all(true));
    expect(!party.ok && party.refusal).toMatchObject({ kind: 'party', message: { en: expect.stringContaining('officer') } });
    const unmet = fire(path, 'draft', 'submit', ['applicant'], { ...all(true), checklist_complete: false });
    expect(!unmet.ok && unmet.refusal.kind === 'requirements' && unmet.refusal.unmet.map((u) => u.requirement)).toEqual(['checklist_complete']);
    const unknown = fire(path, 'draft', 'launch', ['applicant'], all(true));
    expect(!unknown.ok && unknown.refusal.kind).toBe('unknown_action');
  });
});

describe('availableActions', () => {
  it('offers what the caller may do in the state, marking what still waits', () => {
    expect(availableActions(path, 'checking', ['officer'], all(false))).toEqual([
      { action: 'approve', label: L('Approve'), to: 'done', unmet: [] },
      { action: 'reject', label: L('Reject'), to: 'done', unmet: ['reason_given'] },
    ]);
    expect(availableActions(path, 'checking', ['applicant'], all(true))).toEqual([]);
  });
});

describe('pathProblems', () => {
  it('accepts a consistent path and names every flaw of a broken one', () => {
    expect(pathProblems(path)).toEqual([]);
    const broken: WorkflowPath = {
      ...path,
      initial: 'start',
      states: [...path.states, { code: 'draft', label: L('Again') }, { code: 'orphan', label: L('Orphan') }],
      transitions: [...path.transitions, { action: 'reopen', label: L('Reopen'), from: ['done'], to: 'nowhere', by: ['officer'] }],
    };
    expect(pathProblems(broken)).toEqual(
      expect.arrayContaining([
        'state draft is declared twice',
        'initial state start is not declared',
        'transition reopen: unknown state nowhere',
        'transition reopen leaves terminal state done',
        'state orphan cannot be reached from start',
      ]),
    );
  });
});
