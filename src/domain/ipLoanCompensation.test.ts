import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIpLoanPolicies } from '../config.js';
import { compensate, NoPolicyInForce, policyOn, policyProblems, type CompensationPolicy, type Loss } from './ipLoanCompensation.js';

const shipped = loadIpLoanPolicies();
const hunan2023 = shipped[0]!;

/** The shipped policy ends when a new one starts; the new one is what a test changes. */
function changedOn(day: string, next: Partial<CompensationPolicy>): CompensationPolicy[] {
  const before = new Date(`${day}T00:00:00Z`);
  before.setUTCDate(before.getUTCDate() - 1);
  return [
    { ...hunan2023, valid_to: before.toISOString().slice(0, 10) },
    { ...hunan2023, code: 'changed', valid_from: day, valid_to: null, ...next },
  ];
}

let n = 0;
const loss = (firm: string, date: string, amount: string): Loss => ({ id: String(++n), firm, date, amount });

describe('the shipped policy (config/market/ip-loan-policies.json)', () => {
  it('is Hunan’s 2023 fund: 45 % fund, 45 % lender, 10 % agency, 500万 per firm, named in zh and en', () => {
    expect(shipped).toHaveLength(1);
    expect(hunan2023).toMatchObject({ shares: { fund: '0.45', lender: '0.45', agency: '0.10' }, per_firm_cap: '5000000.00', valid_to: null });
    expect(hunan2023.name.zh).toContain('湖南');
    expect(hunan2023.name.en).toContain('Hunan');
    expect(policyProblems(shipped)).toEqual([]);
  });
});

describe('compensate', () => {
  it('shares a loss 45 / 45 / 10, exactly to the fen', () => {
    const [c] = compensate(shipped, [loss('A', '2025-03-01', '1000000.01')]);
    // 45 % of 1,000,000.01 = 450,000.0045 → 450,000.00; 10 % = 100,000.001 → 100,000.00; the lender the rest.
    expect(c).toMatchObject({ fund: '450000.00', agency: '100000.00', lender: '450000.01', capped: false, policy: 'hunan_ip_pledge_2023' });
  });

  it('applies the policy in force on the LOSS date: a changed policy leaves old losses their old shares', () => {
    const policies = changedOn('2026-07-01', { shares: { fund: '0.40', lender: '0.50', agency: '0.10' }, per_firm_cap: '3000000.00' });
    const old = loss('A', '2026-06-30', '2000000.00');
    const recent = loss('B', '2026-07-01', '2000000.00');
    const [before, after] = compensate(policies, [old, recent]);
    expect(before).toMatchObject({ loss_id: old.id, policy: 'hunan_ip_pledge_2023', fund: '900000.00', lender: '900000.00', agency: '200000.00' });
    expect(after).toMatchObject({ loss_id: recent.id, policy: 'changed', fund: '800000.00', lender: '1000000.00', agency: '200000.00' });
    // The same old loss computed under the shipped policy alone: unchanged by the new one.
    expect(compensate(shipped, [old])[0]).toEqual(before);
  });

  it('caps the fund per firm across its losses, in the order they happened; the lender keeps the rest', () => {
    // 45 % of 8,000,000 = 3,600,000; then 45 % of 4,000,000 = 1,800,000 but only 1,400,000 of the 5,000,000 cap is left.
    const late = loss('A', '2025-09-01', '4000000.00');
    const early = loss('A', '2025-01-15', '8000000.00');
    const other = loss('B', '2025-09-01', '4000000.00');
    const [first, second, third] = compensate(shipped, [late, other, early]);
    expect(first).toMatchObject({ loss_id: early.id, fund: '3600000.00', capped: false });
    expect(second).toMatchObject({ loss_id: late.id, fund: '1400000.00', fund_before_cap: '1800000.00', capped: true, agency: '400000.00', lender: '2200000.00' });
    expect(third).toMatchObject({ loss_id: other.id, fund: '1800000.00', capped: false });
    // Once the cap is used up the fund pays nothing more to that firm.
    const [, , fourth] = compensate(shipped, [early, late, loss('A', '2025-12-01', '100000.00')]);
    expect(fourth).toMatchObject({ fund: '0.00', lender: '90000.00', agency: '10000.00', capped: true });
  });

  it('counts a firm’s losses under an older policy against the cap of the newer one', () => {
    const policies = changedOn('2026-01-01', { per_firm_cap: '4000000.00' });
    const [, second] = compensate(policies, [loss('A', '2025-06-01', '8000000.00'), loss('A', '2026-02-01', '2000000.00')]);
    // 3,600,000 already paid; the new cap of 4,000,000 leaves 400,000 of the 900,000 share.
    expect(second).toMatchObject({ policy: 'changed', fund: '400000.00', capped: true });
  });

  it('refuses a loss on a day no policy covers', () => {
    expect(() => compensate(shipped, [loss('A', '2022-12-31', '100.00')])).toThrow(NoPolicyInForce);
  });
});

describe('policyProblems', () => {
  it('finds shares not adding up to 1, backwards periods and overlaps', () => {
    expect(policyProblems([{ ...hunan2023, shares: { fund: '0.45', lender: '0.45', agency: '0.11' } }])[0]).toMatch(/1.01, not 1/);
    expect(policyProblems([{ ...hunan2023, valid_to: '2022-01-01' }])[0]).toMatch(/before valid_from/);
    expect(policyProblems([hunan2023, { ...hunan2023, code: 'later', valid_from: '2026-01-01' }])[0]).toMatch(/overlap/);
    expect(policyProblems(changedOn('2026-01-01', {}))).toEqual([]);
  });

  it('finds the policy of a day at the edges of its period', () => {
    const policies = changedOn('2026-01-01', {});
    expect(policyOn(policies, '2025-12-31')?.code).toBe('hunan_ip_pledge_2023');
    expect(policyOn(policies, '2026-01-01')?.code).toBe('changed');
    expect(policyOn(policies, '2022-12-31')).toBeUndefined();
  });
});

describe('loadIpLoanPolicies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'starcity-policies-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fileWith = (policies: unknown[]) => {
    const file = join(dir, `p${++n}.json`);
    writeFileSync(file, JSON.stringify({ policies }));
    return file;
  };

  it('refuses a file whose policies overlap or whose shares do not add up, naming the file', () => {
    const overlapping = fileWith([hunan2023, { ...hunan2023, code: 'later', valid_from: '2026-01-01' }]);
    expect(() => loadIpLoanPolicies(overlapping)).toThrow(new RegExp(`${overlapping}.*overlap`, 's'));
    expect(() => loadIpLoanPolicies(fileWith([{ ...hunan2023, shares: { fund: '0.5', lender: '0.45', agency: '0.10' } }]))).toThrow(/1.05, not 1/);
  });

  it('refuses floats, impossible dates and missing names', () => {
    expect(() => loadIpLoanPolicies(fileWith([{ ...hunan2023, shares: { fund: 0.45, lender: '0.45', agency: '0.10' } }]))).toThrow(/shares/);
    expect(() => loadIpLoanPolicies(fileWith([{ ...hunan2023, valid_from: '2023-02-30' }]))).toThrow(/valid_from/);
    expect(() => loadIpLoanPolicies(fileWith([{ ...hunan2023, name: { zh: '湖南' } }]))).toThrow(/name/);
  });
});
