import { describe, expect, it } from 'vitest';
import { claimProvenance, claimsForRules, readClaim, resolveClaim } from './fourGlobalColumns.js';

const cells = (claimed: boolean | null, evidence: string | null = null, confirmedOn: string | null = null) => ({ claimed, evidence, confirmedOn });

describe('readClaim', () => {
  it('reads the table of the module comment', () => {
    expect(readClaim('global_tasks', cells(true, 'e', '2025-01-01'))).toEqual({ ok: true, claim: { status: 'confirmed', evidence: 'e', confirmed_on: '2025-01-01' } });
    expect(readClaim('global_tasks', cells(true))).toEqual({ ok: true, claim: { status: 'confirmed', evidence: null, confirmed_on: null } });
    expect(readClaim('global_tasks', cells(null, 'e', '2025-01-01'))).toEqual({ ok: true, claim: { status: 'confirmed', evidence: 'e', confirmed_on: '2025-01-01' } });
    expect(readClaim('global_tasks', cells(false, 'e'))).toEqual({ ok: true, claim: { status: 'pending', evidence: 'e' } });
    expect(readClaim('global_tasks', cells(null, 'e'))).toEqual({ ok: true, claim: { status: 'pending', evidence: 'e' } });
    expect(readClaim('global_tasks', cells(false))).toEqual({ ok: true, claim: null });
    expect(readClaim('global_tasks', cells(null))).toEqual({ ok: true, claim: undefined });
    expect(readClaim('global_tasks', cells(false, null, '2025-01-01'))).toMatchObject({ ok: false, violation: { code: 'four_global.date_without_claim' } });
  });
});

describe('resolveClaim', () => {
  const origin = { importDate: '2025-06-30', fileName: '机构.xlsx', line: 7 };
  it('fills the import day and the provenance in for a bare 是', () => {
    expect(resolveClaim({ status: 'confirmed', evidence: null, confirmed_on: null }, origin)).toEqual({
      evidence: '依据导入文件“机构.xlsx”第 7 行（imported from file "机构.xlsx", line 7）',
      confirmed_on: '2025-06-30',
    });
    expect(resolveClaim({ status: 'pending', evidence: 'e' }, origin)).toEqual({ evidence: 'e', confirmed_on: null });
    expect(resolveClaim(null, origin)).toEqual({ evidence: null, confirmed_on: null });
  });

  it('keeps provenance short whatever the file name', () => {
    expect(claimProvenance('x'.repeat(5000), 1).length).toBeLessThan(500);
  });

  it('gives the rules the claim as it will be stored', () => {
    expect(claimsForRules({ global_layout: { status: 'confirmed', evidence: null, confirmed_on: '2025-07-01' }, global_tasks: null }, { today: '2025-06-30', fileName: 'f', line: 2 })).toEqual({
      global_layout: { evidence: claimProvenance('f', 2), confirmed_on: '2025-07-01' },
      global_tasks: { evidence: null, confirmed_on: null },
    });
  });
});
