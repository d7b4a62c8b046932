import { describe, expect, it } from 'vitest';
import { claimProvenance } from './fourGlobalColumns.js';
import type { RdInstitutionFileRecord } from './fileRecords.js';
import { keepConfirmations, tableColumns, tableRowOf } from './tableRows.js';

const origin = { importDate: '2025-06-30', fileName: '机构.csv', line: 7 };
const institution: RdInstitutionFileRecord = {
  host_uscc: '91430100MA4L00001J',
  name: '星城研究院',
  category: 'other',
  level: 'none',
  district_code: '430104',
  four_global: {
    global_layout: { status: 'confirmed', evidence: null, confirmed_on: null },
    global_tasks: { status: 'pending', evidence: '海外任务' },
    global_resources: null,
  },
};
const valueOf = (values: unknown[], column: string) => values[tableColumns('rd_institutions').findIndex((c) => c.name === column)];

describe('tableRowOf', () => {
  it('lays a record out by its table columns, the organization id left to the writer and absent columns undefined', () => {
    const row = tableRowOf('rd_institutions', institution, origin);
    expect(row.reference).toBe(institution.host_uscc);
    expect(row.values).toHaveLength(tableColumns('rd_institutions').length);
    expect(valueOf(row.values, 'host_org_id')).toBeUndefined();
    expect(valueOf(row.values, 'name')).toBe('星城研究院');
    expect(valueOf(row.values, 'established_on')).toBeUndefined();
    // A bare 是: the import's day and the file and line as provenance, both marked as filled in.
    expect(valueOf(row.values, 'global_layout_confirmed_on')).toBe('2025-06-30');
    expect(valueOf(row.values, 'global_layout_evidence')).toBe(claimProvenance('机构.csv', 7));
    expect([valueOf(row.values, 'global_tasks_evidence'), valueOf(row.values, 'global_tasks_confirmed_on')]).toEqual(['海外任务', null]);
    expect([valueOf(row.values, 'global_resources_evidence'), valueOf(row.values, 'global_resources_confirmed_on')]).toEqual([null, null]);
    // Not given: the stored claim is left as it is.
    expect(valueOf(row.values, 'global_results_evidence')).toBeUndefined();
    expect(row.filled).not.toBe(0);
  });

  it('an organization is its own key, refers to none', () => {
    const row = tableRowOf('organizations', { uscc: '91430100MA4L00001J', name: '星城', kind: 'enterprise', address: null }, origin);
    expect(row).toEqual({ values: ['91430100MA4L00001J', undefined, '星城', undefined, 'enterprise', undefined, undefined, undefined, undefined, null], reference: null, filled: 0 });
  });
});

describe('keepConfirmations', () => {
  it('keeps a stored confirmation where the file only said 是, and nothing else', () => {
    const row = tableRowOf('rd_institutions', { ...institution, four_global: { ...institution.four_global, global_results: { status: 'confirmed', evidence: '证书', confirmed_on: '2025-01-02' } } }, origin);
    keepConfirmations(row, {
      global_layout_confirmed_on: '2024-01-02',
      global_layout_evidence: '原有佐证',
      global_tasks_confirmed_on: '2024-03-04',
      global_tasks_evidence: '旧任务',
      global_results_confirmed_on: '2023-01-01',
      global_results_evidence: '旧证书',
    });
    expect([valueOf(row.values, 'global_layout_confirmed_on'), valueOf(row.values, 'global_layout_evidence')]).toEqual(['2024-01-02', '原有佐证']);
    expect([valueOf(row.values, 'global_tasks_confirmed_on'), valueOf(row.values, 'global_tasks_evidence')]).toEqual([null, '海外任务']);
    expect([valueOf(row.values, 'global_results_confirmed_on'), valueOf(row.values, 'global_results_evidence')]).toEqual(['2025-01-02', '证书']);
  });

  it('keeps the file’s values when nothing is confirmed yet', () => {
    const row = tableRowOf('rd_institutions', institution, origin);
    keepConfirmations(row, { global_layout_confirmed_on: null, global_layout_evidence: '待定' });
    expect([valueOf(row.values, 'global_layout_confirmed_on'), valueOf(row.values, 'global_layout_evidence')]).toEqual(['2025-06-30', claimProvenance('机构.csv', 7)]);
  });
});
