import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { RawEvent } from './rawRows.js';
import { readXlsx } from './xlsxReader.js';

it('reads Chinese texts whole when their bytes straddle the chunks of a zip entry', async () => {
  // Thousands of distinct three-byte texts: the shared strings and the sheet span many chunks.
  const texts = Array.from({ length: 4000 }, (_, i) => `长沙岳麓山研发中心第${i}号高新技术企业`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['name']);
  for (const t of texts) ws.addRow([t]);
  const file = join(mkdtempSync(join(tmpdir(), 'starcity-xlsx-utf8-')), 'utf8.xlsx');
  await wb.xlsx.writeFile(file);
  const rows: unknown[] = [];
  for await (const e of readXlsx(createReadStream(file)) as AsyncIterable<RawEvent>) if (e.kind === 'row') rows.push(e.cells[0]);
  expect(rows).toEqual(texts);
});
