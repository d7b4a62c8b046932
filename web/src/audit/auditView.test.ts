import { describe, expect, it } from 'vitest';
import { auditActionLabels } from '../../../src/domain/auditActions';
import { actionOptions, formatAuditTime, isKnownEntity, roleText, shortHash } from './auditView';

describe('actionOptions', () => {
  it('offers every action of the shared table, labelled in the UI language', () => {
    const zh = actionOptions('zh');
    expect(zh.map((o) => o.value)).toEqual(Object.keys(auditActionLabels));
    expect(zh.find((o) => o.value === 'create')?.label).toBe('新增');
    expect(actionOptions('en').find((o) => o.value === 'unlock')?.label).toBe('Unlocked');
  });
});

describe('roleText', () => {
  it('names account roles, the system, and leaves anything else as it is', () => {
    expect(roleText('admin', 'zh')).toBe('系统管理员');
    expect(roleText('officer', 'en')).toBe('Bureau officer');
    expect(roleText('public', 'en')).toBe('Public (not signed in)');
    expect(roleText('system', 'zh')).toBe('系统');
    expect(roleText('auditor', 'en')).toBe('auditor');
  });
});

describe('formatAuditTime', () => {
  it('shows local date and time to the second', () => {
    expect(formatAuditTime(new Date(2026, 0, 5, 14, 5, 9).toISOString())).toBe('2026-01-05 14:05:09');
    expect(formatAuditTime('later')).toBe('later');
  });
});

describe('shortHash and isKnownEntity', () => {
  it('shortens long hashes only', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab…');
    expect(shortHash('abc')).toBe('abc');
  });
  it('knows the tables the server writes entries for', () => {
    expect(isKnownEntity('users')).toBe(true);
    expect(isKnownEntity('sessions')).toBe(false);
  });
});
