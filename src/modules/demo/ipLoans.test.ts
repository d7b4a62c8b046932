import { describe, expect, it } from 'vitest';
import { loadIpLoanPolicies } from '../../config.js';
import { yuan } from '../../domain/yuan.js';
import { DEMO_AS_OF } from './genContext.js';
import { DEMO_IP_LOANS, ipLoanPlanProblems, planIpLoans } from './ipLoans.js';

const borrowers = Array.from({ length: 40 }, (_, i) => ({ id: i + 1 }));
const loans = planIpLoans(borrowers, loadIpLoanPolicies(), DEMO_AS_OF, 2025);

describe('the demo’s IP-backed loans', () => {
  it('is a modest book in every state, at least one compensated, the same for the same seed', () => {
    expect(loans).toHaveLength(DEMO_IP_LOANS);
    const states = new Set(loans.map((l) => l.status));
    for (const s of ['applied', 'approved', 'disbursed', 'repaid', 'overdue', 'compensated']) expect(states, s).toContain(s);
    expect(planIpLoans(borrowers, loadIpLoanPolicies(), DEMO_AS_OF, 2025)).toEqual(loans);
  });

  it('passes every rule the service applies, and no step lies after the demo’s day', () => {
    expect(ipLoanPlanProblems(loans, DEMO_AS_OF)).toBeNull();
    for (const l of loans) for (const d of [l.approved_on, l.disbursed_on, l.repaid_on, l.overdue_on, l.compensated_on]) if (d) expect(d <= DEMO_AS_OF).toBe(true);
  });

  it('splits each loss exactly among fund, lender and agency under the policy of its date', () => {
    for (const l of loans.filter((x) => x.status === 'compensated')) {
      expect(l.compensation_policy).toBe('hunan_ip_pledge_2023');
      expect(yuan(l.fund_share!).plus(l.lender_share!).plus(l.agency_share!).eq(l.loss_amount!)).toBe(true);
    }
    expect(loans.filter((x) => x.status !== 'compensated').every((l) => l.loss_amount === null && l.fund_share === null)).toBe(true);
  });
});
