import { describe, expect, it } from 'vitest';
import { packBatch, unpackBatch } from './batchTransfer.js';
import type { CheckedBatch } from './pipeline.js';
import type { TableRow } from './tableRows.js';

describe('packBatch / unpackBatch', () => {
  it('gives back the same checked rows after a structured clone, as between two threads', () => {
    const problem = { line: 3, column: '名称', value: null, code: 'required', message: { zh: '必填项不能为空', en: 'Required; must not be empty' } };
    const batch: CheckedBatch<TableRow> = {
      referenceColumn: '依托单位统一社会信用代码',
      rows: [
        { line: 2, payload: { values: [undefined, '星城研究院', null, 'other'], reference: 'A', filled: 3 }, problems: [], reference: 'A', referenceValue: 'a ' },
        { line: 3, payload: null, problems: [problem], reference: 'B', referenceValue: 'B' },
        { line: 5, payload: null, problems: [{ ...problem, line: 5, column: null, code: 'row.too_few_cells' }] },
      ],
    };
    expect(unpackBatch(structuredClone(packBatch(batch)))).toEqual(batch);
  });

  it('carries a contract row’s buyer credit code, none and no column told apart', () => {
    const row = (line: number, buyerReference?: string | null): CheckedBatch<TableRow>['rows'][number] => ({
      line,
      payload: { values: [undefined, 'C-1'], reference: 'S', filled: 0, ...(buyerReference === undefined ? {} : { buyerReference }) },
      problems: [],
      reference: 'S',
      referenceValue: 'S',
    });
    const batch: CheckedBatch<TableRow> = { referenceColumn: 'seller_uscc', rows: [row(2, 'B'), row(3, null), row(4)] };
    expect(unpackBatch(structuredClone(packBatch(batch)))).toEqual(batch);
  });
});
