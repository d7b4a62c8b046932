import { describe, expect, it } from 'vitest';
import { changedFields, textOrNull, textValue, valueOrNull, withoutEmpty } from './formModel';

describe('textOrNull / valueOrNull / textValue', () => {
  it('treats blank text as absent', () => {
    expect(textOrNull('')).toBeNull();
    expect(textOrNull('   ')).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
    expect(textOrNull('岳麓山')).toBe('岳麓山');
  });
  it('turns a cleared select into null and keeps values', () => {
    expect(valueOrNull(undefined)).toBeNull();
    expect(valueOrNull('430104')).toBe('430104');
  });
  it('shows an absent text as an empty input', () => {
    expect(textValue(null)).toBe('');
    expect(textValue('x')).toBe('x');
  });
});

describe('changedFields', () => {
  it('keeps only the changed top-level fields', () => {
    expect(changedFields({ name: 'a', zone: null, founded_on: '2020-01-01' }, { name: 'b', zone: null, founded_on: '2020-01-01' })).toEqual({ name: 'b' });
  });

  it('sends a field set to null', () => {
    expect(changedFields({ zone: 'x' }, { zone: null })).toEqual({ zone: null });
  });

  it('is empty when nothing changed', () => {
    expect(changedFields({ a: 1, g: { x: { e: 'y' } } }, { a: 1, g: { x: { e: 'y' } } })).toEqual({});
  });

  it('sends only the changed members of a group, each whole', () => {
    type Claim = { evidence: string | null; confirmed_on: string | null };
    type Values = { four_global: Record<'global_tasks' | 'global_layout', Claim> };
    const before: Values = { four_global: { global_tasks: { evidence: 'a', confirmed_on: null }, global_layout: { evidence: null, confirmed_on: null } } };
    const after: Values = { four_global: { global_tasks: { evidence: 'a', confirmed_on: '2025-01-02' }, global_layout: { evidence: null, confirmed_on: null } } };
    expect(changedFields(before, after)).toEqual({ four_global: { global_tasks: { evidence: 'a', confirmed_on: '2025-01-02' } } });
  });
});

describe('withoutEmpty', () => {
  it('drops only the named keys, and only when empty', () => {
    expect(withoutEmpty({ kind: null, name: '', zone: null }, ['kind', 'name'])).toEqual({ name: '', zone: null });
  });
});
