import { describe, expect, it } from 'vitest';
import { auditActionLabels } from '../../../src/domain/auditActions';
import { isKnownEntity } from './auditView';

/**
 * The audit log names every action and kind of record in words: each one the server's code writes
 * (read from its source, so a new one cannot be missed) and each workflow transition (from the
 * workflow files) has a label in both languages.
 */
const sources = import.meta.glob<string>('../../../src/modules/**/*.ts', { query: '?raw', import: 'default', eager: true });
const paths = import.meta.glob<{ transitions: Array<{ action: string }> }>('../../../config/workflows/paths/*.json', { import: 'default', eager: true });

const written = (pattern: RegExp) => new Set(Object.entries(sources).filter(([file]) => !file.endsWith('.test.ts')).flatMap(([, text]) => [...text.matchAll(pattern)].map((m) => m[1]!)));

describe('audit labels', () => {
  it('name every action the server writes, and every workflow transition', () => {
    const actions = new Set([...written(/\baction: '(\w+)'/g), ...written(/states: \[[^\]]*\], kind: '(\w+)'/g), ...Object.values(paths).flatMap((p) => p.transitions.map((tr) => tr.action))]);
    expect(actions.size).toBeGreaterThan(20);
    for (const action of actions) {
      expect(auditActionLabels[action]?.zh, action).toBeTruthy();
      expect(auditActionLabels[action]?.en, action).toBeTruthy();
    }
  });

  it('name every kind of record the server writes entries for', () => {
    const entities = written(/\bentity: '(\w+)'/g);
    expect(entities.size).toBeGreaterThan(8);
    for (const entity of entities) expect(isKnownEntity(entity), entity).toBe(true);
  });
});
