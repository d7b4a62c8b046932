import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { achievementEntitySpecs, achievementKeyViolations, creditCodeList, repeatedCodes } from './achievementRecords.js';
import { holdsAll } from './achievementRows.js';
import type { RowContext } from './fileRecords.js';

const ctx: RowContext = { city: loadCity('changsha'), today: '2026-12-04', fileName: 'f.csv', line: 2 };
const A = '91430100MA4L11111A';
const B = '91430100MA4L22222B';

describe('creditCodeList', () => {
  it('splits on full-width and ASCII separators and line breaks, trimmed and upper-cased, order kept', () => {
    expect(creditCodeList(` ${A.toLowerCase()}；${B};\n${A} ,`)).toEqual([A, B, A]);
  });
  it('is empty for an empty or missing cell', () => {
    expect(creditCodeList(null)).toEqual([]);
    expect(creditCodeList(undefined)).toEqual([]);
    expect(creditCodeList(' ；; ')).toEqual([]);
  });
});

describe('repeatedCodes', () => {
  it('refuses an organization listed twice, or the first one listed again, at the list’s column', () => {
    expect(repeatedCodes('partner_usccs', A, [B, B])).toMatchObject([{ field: 'partner_usccs', code: 'organizations.repeated', params: { uscc: B } }]);
    expect(repeatedCodes('other_org_usccs', A, [B, A])).toMatchObject([{ field: 'other_org_usccs', params: { uscc: A } }]);
    expect(repeatedCodes('partner_usccs', A, [B])).toEqual([]);
  });
});

describe('achievementKeyViolations', () => {
  it('takes all three key columns or none', () => {
    expect(achievementKeyViolations({})).toEqual([]);
    expect(achievementKeyViolations({ achievement_owner_uscc: A, achievement_title: '芯片', achievement_year: 2025 })).toEqual([]);
    const [v] = achievementKeyViolations({ achievement_owner_uscc: A, achievement_title: null, achievement_year: 2025 });
    expect(v).toMatchObject({ field: 'achievement_title', code: 'achievement_key.incomplete' });
    expect(v!.message.zh).toContain('成果年份');
    expect(v!.message.en).toContain('title and year');
  });
});

describe('building a row', () => {
  it('an achievement: a type by its label, the year a number, the list as the export writes it, an empty flag not claimed', () => {
    const { record } = achievementEntitySpecs.achievements.build({ owner_uscc: A, title: '芯片', year: '2025', type: '新产品', other_org_usccs: `${B};${A.toLowerCase()}`, globally_leading: null }, ctx);
    expect(record).toEqual({ owner_uscc: A, title: '芯片', year: 2025, type: 'product', other_org_usccs: `${B}；${A}`, globally_leading: false });
    // The owner listed again among the others is the API's rule, at the file's column.
    expect(achievementEntitySpecs.achievements.rules(record, ctx)).toMatchObject([{ field: 'other_org_usccs', code: 'organizations.repeated' }]);
  });

  it('a project: a programme by its label, the budget as the table stores it', () => {
    const { record } = achievementEntitySpecs.projects.build({ lead_uscc: A, title: '攻关', programme: '国家重点研发计划', budget: '12000000.5', start_on: '2025-01-01', end_on: '2025-12-31', status: 'ongoing' }, ctx);
    expect(record).toMatchObject({ programme: 'national_key_rd', budget: '12000000.50' });
    expect(achievementEntitySpecs.projects.rules(record, ctx)).toEqual([]);
  });

  it('an incubation needs an achievement or an R&D institution, and an institution by host and name together', () => {
    const rules = (values: Record<string, string | null>) => achievementEntitySpecs.incubations.rules(achievementEntitySpecs.incubations.build({ enterprise_uscc: A, incubated_on: '2025-01-01', ...values }, ctx).record, ctx).map((v) => [v.field, v.code]);
    expect(rules({ achievement_title: null, rd_institution_name: null })).toEqual([['achievement_title', 'incubation.source_required']]);
    expect(rules({ rd_institution_host_uscc: B, rd_institution_name: null })).toEqual([['achievement_title', 'incubation.source_required'], ['rd_institution_name', 'rd_institution_name_key.incomplete']]);
    expect(rules({ rd_institution_host_uscc: B, rd_institution_name: '研究院' })).toEqual([]);
  });
});

describe('holdsAll', () => {
  it('compares the values a row gives with the stored record, lists in order, empty as null', () => {
    const stored = { id: 1, organization_ids: [3, 4], evidence: null, year: 2025 };
    expect(holdsAll(stored, { organization_ids: [3, 4], year: 2025, evidence: null })).toBe(true);
    expect(holdsAll(stored, { organization_ids: [4, 3] })).toBe(false);
    expect(holdsAll(stored, { zone: null })).toBe(true);
    expect(holdsAll(stored, { year: 2024 })).toBe(false);
  });
});
