import { describe, expect, it } from 'vitest';
import type { Inbox } from '../api/filings';
import { stepEventOf, waitingCount } from './inboxView';

describe('the inbox badge', () => {
  it('counts what waits for the caller, nothing before the inbox loads', () => {
    expect(waitingCount(undefined)).toBe(0);
    expect(waitingCount({ waiting: [{}, {}, {}], changes: [{}] } as unknown as Inbox)).toBe(3);
  });
});

describe('labels of changes', () => {
  it('names the steps the server labels only by code, keeps the server’s labels of transitions', () => {
    expect(stepEventOf({ kind: 'experts_drawn', label: { zh: 'experts_drawn', en: 'experts_drawn' } })).toBe('experts_drawn');
    expect(stepEventOf({ kind: 'submit', label: { zh: '提交', en: 'Submit' } })).toBeNull();
    expect(stepEventOf({ kind: 'evaluated', label: { zh: '年度评价', en: 'Annual evaluation' } })).toBeNull();
  });
});
