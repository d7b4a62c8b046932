import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { planCalls, planIntroductions, talentPlanProblems } from './talent.js';

const hosts = [11, 12, 13];
const introductions = planIntroductions(hosts, 2025);
const calls = planCalls(hosts, 2025);
const in2025 = (category: string) => introductions.filter((r) => r.category === category && r.introduced_on.startsWith('2025'));

describe('the demo’s talent', () => {
  it('has the report’s 2025 figures: 2 Nobel laureates (flexible), 7 academicians, 3 overseas teams', () => {
    expect(in2025('nobel_laureate').map((r) => r.mode)).toEqual(['flexible', 'flexible']);
    expect(in2025('academician')).toHaveLength(7);
    expect(in2025('overseas_team')).toHaveLength(3);
    expect(in2025('young_talent').length).toBeGreaterThan(0);
  });

  it('names only fictitious people, and makes up no phone or ID number', () => {
    for (const r of introductions) expect(r.person_name).toMatch(/^(虚构|Fictitious )/);
    expect(introductions.every((r) => r.email === null || r.email.endsWith('@example.org'))).toBe(true);
    expect(Object.keys(introductions[0]!)).not.toContain('phone');
  });

  it('passes the registry’s rules, with some recruitment calls open on the demo’s day and some closed', () => {
    expect(talentPlanProblems(loadCity('changsha'), introductions, calls, '2026-11-27')).toBeNull();
    const open = calls.filter((c) => c.deadline >= '2026-11-26');
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(calls.length);
  });

  it('is the same for the same seed', () => {
    expect(planIntroductions(hosts, 2025)).toEqual(introductions);
  });
});
