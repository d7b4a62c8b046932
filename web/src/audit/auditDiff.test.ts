import { describe, expect, it } from 'vitest';
import { auditDiff, hasChanges, sameValue, showValue } from './auditDiff';

describe('auditDiff', () => {
  it('shows a created record as every field added', () => {
    expect(auditDiff(null, { id: 7, username: 'yuelu', districts: ['430104'] })).toEqual([
      { field: 'id', kind: 'added', before: null, after: '7' },
      { field: 'username', kind: 'added', before: null, after: 'yuelu' },
      { field: 'districts', kind: 'added', before: null, after: '["430104"]' },
    ]);
  });

  it('shows a deleted record as every field removed', () => {
    expect(auditDiff({ name: '湖南大学', founded_on: null }, null)).toEqual([
      { field: 'name', kind: 'removed', before: '湖南大学', after: null },
      { field: 'founded_on', kind: 'removed', before: 'null', after: null },
    ]);
  });

  it('tells changed, unchanged, added and removed fields apart', () => {
    const rows = auditDiff({ name: 'a', kind: 'enterprise', zone: 'x', version: 1 }, { name: 'b', kind: 'enterprise', version: 2, address: '岳麓区' });
    expect(rows).toEqual([
      { field: 'name', kind: 'changed', before: 'a', after: 'b' },
      { field: 'kind', kind: 'same', before: 'enterprise', after: 'enterprise' },
      { field: 'zone', kind: 'removed', before: 'x', after: null },
      { field: 'version', kind: 'changed', before: '1', after: '2' },
      { field: 'address', kind: 'added', before: null, after: '岳麓区' },
    ]);
  });

  it('shows nested values as JSON and compares them deeply, whatever their key order', () => {
    const before = { four_global: { global_tasks: { confirmed_on: '2025-01-01', evidence: 'x' } }, organizations: [{ id: 1, name: 'A' }] };
    const after = { four_global: { global_tasks: { evidence: 'x', confirmed_on: '2025-01-01' } }, organizations: [{ id: 1, name: 'A' }, { id: 2, name: 'B' }] };
    const rows = auditDiff(before, after);
    expect(rows[0]).toMatchObject({ field: 'four_global', kind: 'same' });
    expect(rows[1]).toEqual({ field: 'organizations', kind: 'changed', before: '[{"id":1,"name":"A"}]', after: '[{"id":1,"name":"A"},{"id":2,"name":"B"}]' });
  });

  it('compares an entry that is not a record as one value', () => {
    expect(auditDiff([1, 2], [1, 3])).toEqual([{ field: '', kind: 'changed', before: '[1,2]', after: '[1,3]' }]);
    expect(auditDiff(null, 'x')).toEqual([{ field: '', kind: 'added', before: null, after: 'x' }]);
  });

  it('has nothing to show for an entry without before and after (a sign-in)', () => {
    expect(auditDiff(null, null)).toEqual([]);
    expect(auditDiff(undefined, null)).toEqual([]);
  });

  it('tells a null value from an absent field', () => {
    expect(auditDiff({ a: null }, { a: 'x' })).toEqual([{ field: 'a', kind: 'changed', before: 'null', after: 'x' }]);
    expect(auditDiff({}, { a: null })).toEqual([{ field: 'a', kind: 'added', before: null, after: 'null' }]);
  });
});

describe('sameValue', () => {
  it('treats a missing key and an undefined one as different shapes', () => {
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, { x: [2] }], [1, { x: [2] }])).toBe(true);
    expect(sameValue(1, '1')).toBe(false);
  });
});

describe('showValue and hasChanges', () => {
  it('shows booleans and numbers as JSON, strings as they are', () => {
    expect([showValue(true), showValue(3.5), showValue('ok'), showValue(null)]).toEqual(['true', '3.5', 'ok', 'null']);
  });
  it('notices any difference', () => {
    expect(hasChanges(auditDiff({ a: 1 }, { a: 1 }))).toBe(false);
    expect(hasChanges(auditDiff({ a: 1 }, { a: 2 }))).toBe(true);
  });
});
