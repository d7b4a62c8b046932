import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkflowsDir, loadWorkflows } from './definitions.js';

describe('loadWorkflows', () => {
  it('loads the four shipped filing types on the standard path', () => {
    const w = loadWorkflows();
    expect([...w.types.keys()].sort()).toEqual(['concept_verification_center', 'four_global', 'new_rd_institution', 'pilot_platform']);
    expect([...w.paths.keys()]).toEqual(['standard']);
    expect(w.types.get('pilot_platform')).toMatchObject({ subject: { kind: 'platform', platformType: 'pilot_platform' }, noticeWorkingDays: 5 });
  });

  it('names every problem of a broken configuration at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'starcity-workflows-'));
    cpSync(defaultWorkflowsDir, dir, { recursive: true });
    const file = join(dir, 'pilot-platform.json');
    const type = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...type, path: 'express', subject: { kind: 'platform', platformType: 'spaceport', level: 'galactic' } }));
    expect(() => loadWorkflows(dir)).toThrow(/unknown path express[\s\S]*unknown platform type spaceport[\s\S]*unknown level galactic/);
  });
});
