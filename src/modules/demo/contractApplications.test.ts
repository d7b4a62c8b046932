import { describe, expect, it } from 'vitest';
import { loadCity, loadMarketCodes, loadRegionLists } from '../../config.js';
import { loadWorkflows } from '../filings/definitions.js';
import { pendingContractProblems, planPendingContracts } from './contractApplications.js';
import { DEMO_AS_OF } from './genContext.js';

const city = loadCity('changsha');
const regions = loadRegionLists();
const workflows = loadWorkflows();
const type = workflows.types.get('tech_contract_registration')!;
const path = workflows.paths.get(type.path)!;
const applicant = { id: 1, districtCode: '430104' };
const others = city.districts.map((d, i) => ({ id: 100 + i, districtCode: d.code }));
const plan = planPendingContracts(city, regions, applicant, [applicant, ...others]);

describe('the demo’s contracts under registration', () => {
  it('give the organization user drafts with no application to apply for, and one to revise', () => {
    const own = plan.contracts.filter((c) => c.seller_org_id === applicant.id);
    const applied = new Set(plan.applications.map((a) => a.contract_number));
    expect(own.filter((c) => c.status === 'draft' && !applied.has(c.contract_number)).length).toBeGreaterThanOrEqual(2);
    expect(plan.applications.filter((a) => a.seller_org_id === applicant.id).map((a) => a.state)).toContain('returned');
  });

  it('hold applications in every open state of the path, of several sellers in several districts', () => {
    const open = path.states.filter((s) => !s.terminal).map((s) => s.code).sort();
    expect([...new Set(plan.applications.map((a) => a.state))].sort()).toEqual(open);
    const sellers = new Set(plan.applications.filter((a) => a.seller_org_id !== applicant.id).map((a) => a.seller_org_id));
    expect(sellers.size).toBeGreaterThanOrEqual(5);
  });

  it('set each contract’s status as the filing type maps its application’s state, and register none', () => {
    const statusOf = new Map(plan.contracts.map((c) => [c.contract_number, c.status]));
    for (const a of plan.applications) expect(statusOf.get(a.contract_number)).toBe(type.subject.kind === 'tech_contract' ? type.subject.contractStatus[a.state] : undefined);
    expect(plan.contracts.every((c) => ['draft', 'submitted', 'returned'].includes(c.status))).toBe(true);
  });

  it('reach each state by the path’s own actions, in order, on or before the demo’s date', () => {
    for (const a of plan.applications) {
      expect(a.events[0]).toMatchObject({ kind: 'created', to: path.initial });
      for (const [i, e] of a.events.slice(1).entries()) {
        const t = path.transitions.find((x) => x.action === e.kind)!;
        expect(t.from).toContain(a.events[i]!.to);
        expect(t.to).toBe(e.to);
        expect(e.day >= a.events[i]!.day).toBe(true);
      }
      expect(a.events.at(-1)!.to).toBe(a.state);
      expect(a.events.at(-1)!.day).toBe(a.state_day);
      expect(a.state_day <= DEMO_AS_OF).toBe(true);
      // A return needs its reason (the path's reason_given).
      if (a.state === 'returned') expect(a.events.at(-1)!.comment).toBeTruthy();
    }
  });

  it('keep every check under way within its 30 days on the demo’s date', () => {
    const checking = plan.applications.filter((a) => a.state === 'registration_check');
    expect(checking.length).toBeGreaterThan(0);
    for (const a of checking) expect(Date.parse(DEMO_AS_OF) - Date.parse(a.state_day)).toBeLessThan(30 * 86_400_000);
  });

  it('pass every rule the API applies to a contract, with numbers unique per seller', () => {
    expect(pendingContractProblems(plan.contracts, loadMarketCodes(), city, regions, DEMO_AS_OF)).toBeNull();
    expect(new Set(plan.contracts.map((c) => c.flow))).toEqual(new Set(['local', 'province', 'domestic', 'abroad']));
    expect(new Set(plan.contracts.map((c) => `${c.seller_org_id}/${c.contract_number}`)).size).toBe(plan.contracts.length);
  });

  it('are none without an applicant or other sellers', () => {
    expect(planPendingContracts(city, regions, undefined, others)).toEqual({ contracts: [], applications: [] });
    expect(planPendingContracts(city, regions, applicant, [applicant])).toEqual({ contracts: [], applications: [] });
  });
});
