import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { loadCatalogue, type RecordIndicator } from './catalogue.js';
import { recordIndicators } from './upkeep.js';
import { indicatorUpkeep, upkeepSql } from './upkeepSql.js';

const city = loadCity('changsha');
const catalogue = loadCatalogue(city);
const record = (code: string) => catalogue.indicators.get(code) as RecordIndicator;

describe('indicator upkeep SQL', () => {
  it('keeps each indicator by its district, then each breakdown', () => {
    expect(indicatorUpkeep(record('rd_institutions.count'), 2016).grain).toEqual(['district_code', 'zone', 'category', 'level']);
    expect(indicatorUpkeep(record('enterprises.tech_sme.count'), 2016).grain).toEqual(['district_code', 'zone']);
  });

  it('follows the organization columns an indicator reads, and no others', () => {
    // A qualification is counted where its holder is; an institution where it is itself.
    expect(indicatorUpkeep(record('enterprises.tech_sme.count'), 2016).joinedColumns).toEqual(['district_code', 'zone']);
    expect(indicatorUpkeep(record('rd_institutions.count'), 2016).joinedColumns).toEqual([]);
  });

  it('writes filter values as literals, quotes doubled', () => {
    const u = indicatorUpkeep(record('platforms.pilot_platform.count'), 2016);
    expect(u.where).toContain("'pilot_platform'::text");
    expect(u.where).not.toMatch(/\$\d/);
    const quoted = { ...record('platforms.pilot_platform.count'), filters: [{ field: 'name', negate: false, alternatives: [{ op: 'eq' as const, value: "O'Brien" }] }] };
    expect(indicatorUpkeep(quoted, 2016).where).toContain("'O''Brien'::text");
  });

  it('puts triggers on the counted tables, and on organizations for updates only', () => {
    const sql = upkeepSql(recordIndicators(catalogue), 2016);
    expect(sql.tables.sort()).toEqual(['achievements', 'incubations', 'ip_loans', 'organizations', 'platforms', 'projects', 'qualifications', 'rd_institutions', 'talent_introductions', 'tech_contracts', 'transfers']);
    const triggers = sql.install.filter((s) => s.startsWith('CREATE TRIGGER')).map((s) => /AFTER (\w+) ON (\w+)/.exec(s)!.slice(1).join(' '));
    expect(triggers.filter((t) => t.endsWith('organizations'))).toEqual(['UPDATE organizations']);
    expect(triggers.filter((t) => t.endsWith('qualifications')).sort()).toEqual(['DELETE qualifications', 'INSERT qualifications', 'TRUNCATE qualifications', 'UPDATE qualifications']);
    // Contracts are counted from their own columns only: writes to them, never to organizations, move their sums.
    expect(triggers.filter((t) => t.endsWith('tech_contracts')).sort()).toEqual(['DELETE tech_contracts', 'INSERT tech_contracts', 'TRUNCATE tech_contracts', 'UPDATE tech_contracts']);
  });

  it('signs the SQL: the same catalogue, the same signature; another filter, another one', () => {
    const a = upkeepSql(recordIndicators(catalogue), 2016).signature;
    expect(upkeepSql(recordIndicators(loadCatalogue(city)), 2016).signature).toBe(a);
    expect(upkeepSql(recordIndicators(catalogue), 2017).signature).not.toBe(a);
  });

  it('refuses a list it cannot follow', () => {
    const odd = { ...record('rd_institutions.count'), spec: { ...record('rd_institutions.count').spec, from: 'rd_institutions t JOIN platforms p ON p.host_org_id = t.host_org_id' } };
    expect(() => indicatorUpkeep(odd, 2016)).toThrow(/is not one the upkeep can follow/);
  });
});
