import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkflowsDir, loadWorkflows } from './definitions.js';

describe('loadWorkflows', () => {
  it('loads the four filing types of the standard path and the contract registration on its own', () => {
    const w = loadWorkflows();
    expect([...w.types.keys()].sort()).toEqual(['concept_verification_center', 'four_global', 'new_rd_institution', 'pilot_platform', 'tech_contract_registration']);
    expect([...w.paths.keys()].sort()).toEqual(['contract_registration', 'standard']);
    expect(w.types.get('pilot_platform')).toMatchObject({ subject: { kind: 'platform', platformType: 'pilot_platform' }, noticeWorkingDays: 5 });
    expect(w.types.get('tech_contract_registration')).toMatchObject({ path: 'contract_registration', subject: { kind: 'tech_contract', contractStatus: { registered: 'registered' } } });
    expect(w.types.get('tech_contract_registration')!.review).toBeUndefined();
    expect(Object.keys(w.reasonCodes.get('not_registered_reasons')!)).toContain('seal_mismatch');
  });

  it('asks a type for what its path needs: review criteria, a notice length, a contract status for every state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'starcity-workflows-'));
    cpSync(defaultWorkflowsDir, dir, { recursive: true });
    const pilot = JSON.parse(readFileSync(join(dir, 'pilot-platform.json'), 'utf8'));
    const { review: _r, noticeWorkingDays: _n, ...bare } = pilot;
    writeFileSync(join(dir, 'pilot-platform.json'), JSON.stringify(bare));
    const registration = JSON.parse(readFileSync(join(dir, 'tech-contract-registration.json'), 'utf8'));
    const { returned: _ret, ...statuses } = registration.subject.contractStatus;
    writeFileSync(join(dir, 'tech-contract-registration.json'), JSON.stringify({ ...registration, subject: { kind: 'tech_contract', contractStatus: { ...statuses, registered: 'filed' } } }));
    expect(() => loadWorkflows(dir)).toThrow(/needs "review"[\s\S]*needs "noticeWorkingDays"[\s\S]*state returned has no contract status[\s\S]*state registered: unknown contract status filed/);
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
