import { mkdtempSync, createReadStream, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RawEvent } from './rawRows.js';
import { readXlsx, toRawCell } from './xlsxReader.js';

const dir = mkdtempSync(join(tmpdir(), 'starcity-xlsx-'));

async function workbookFile(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const read = async (file: string, sheet?: string) => {
  const events: RawEvent[] = [];
  for await (const e of readXlsx(createReadStream(file), sheet === undefined ? {} : { sheet })) events.push(e);
  return events;
};

describe('readXlsx', () => {
  it('reads cells as Excel stores them, with Excel row numbers', async () => {
    const file = await workbookFile('cells.xlsx', (wb) => {
      const ws = wb.addWorksheet('名单');
      ws.getRow(2).values = ['name', 'founded_on', 'count', 'flag', 'note', 'calc', 'bad'];
      ws.getRow(3).values = [
        { richText: [{ text: '星城' }, { text: '科技', font: { bold: true } }] },
        new Date(Date.UTC(2025, 5, 30)),
        42,
        true,
        null,
        { formula: '1+1', result: 2 },
        { error: '#N/A' },
      ];
      ws.getCell('B3').numFmt = 'yyyy/m/d';
      ws.getRow(5).values = ['x', null, null, null, null, null, null, 'beyond'];
    });
    const events = await read(file);
    expect(events[0]).toEqual({ kind: 'header', line: 2, headers: ['name', 'founded_on', 'count', 'flag', 'note', 'calc', 'bad'], sheet: '名单' });
    expect(events[1]).toEqual({ kind: 'row', line: 3, cells: ['星城科技', new Date(Date.UTC(2025, 5, 30)), 42, true, null, 2, { error: '#N/A' }] });
    expect(events[2]).toMatchObject({ kind: 'row', line: 5, problem: { code: 'row.too_many_cells' } });
  });

  it('reads the first sheet unless one is named, and names the sheets when it is missing', async () => {
    const file = await workbookFile('sheets.xlsx', (wb) => {
      wb.addWorksheet('一').addRow(['a']);
      wb.addWorksheet('二').addRow(['b']);
    });
    expect(await read(file)).toEqual([{ kind: 'header', line: 1, headers: ['a'], sheet: '一' }]);
    expect(await read(file, '二')).toEqual([{ kind: 'header', line: 1, headers: ['b'], sheet: '二' }]);
    await expect(read(file, '三')).rejects.toMatchObject({ violation: { code: 'xlsx.sheet_not_found', message: { en: 'The workbook has no sheet named "三"; it has: 一, 二' } } });
  });

  it('keeps the sheet names of a workbook that stores its workbook part last, read after read (exceljs issue #3064)', async () => {
    // exceljs writes xl/workbook.xml last; its own entry iterator lost that entry about once in
    // 200 reads here, and the read failed on the missing sheet names. Without
    // src/modules/imports/exceljsEntries.ts these 300 reads failed in each of 6 runs.
    const file = await workbookFile('order.xlsx', (wb) => {
      wb.addWorksheet('一').addRow(['a']);
      wb.addWorksheet('二').addRow(['b']);
    });
    const failures: string[] = [];
    for (let i = 0; i < 150; i++) {
      for (const sheet of [undefined, '二']) {
        const events = await read(file, sheet).catch((e: Error) => (failures.push(e.message), []));
        if (events.length && (events[0] as { sheet?: string }).sheet !== (sheet ?? '一')) failures.push(`read sheet ${(events[0] as { sheet?: string }).sheet}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('skips unwanted sheets without leaving exceljs a temporary file it can no longer open (an uncaught ENOENT)', async () => {
    // The fixture's sheets come before its workbook index, so exceljs parks them in temporary files.
    const fixture = join(import.meta.dirname, '../../../test/fixtures/imports/organizations.xlsx');
    for (let i = 0; i < 60; i++) {
      await expect(read(fixture, '机构')).rejects.toMatchObject({ violation: { code: 'xlsx.sheet_not_found' } });
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  });

  it('reports a file that is not a workbook', async () => {
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, Buffer.from('PK\x03\x04 not really a zip'));
    await expect(read(file)).rejects.toMatchObject({ violation: { code: 'xlsx.unreadable' } });
  });

  it('maps exceljs values to raw cells', () => {
    expect(toRawCell({ formula: 'A1', result: 'x' })).toBe('x');
    expect(toRawCell({ formula: 'A1' })).toBeNull();
    expect(toRawCell({ text: 'link', hyperlink: 'http://x' })).toBe('link');
    expect(toRawCell(Number.NaN)).toBeNull();
  });
});
