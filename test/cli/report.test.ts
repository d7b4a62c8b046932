import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/contracts/indicators.js';
import { formatFigure } from '../../src/domain/reportCommentary.js';
import { starcity } from '../support/cli.js';
import { templateCopy } from '../support/dataTemplates.js';
import { tempDirs } from '../support/tempDirs.js';

/**
 * `starcity report` on the demo registry. The PDF test needs Debian's Chromium and a Chinese font
 * (CI installs both): it reads the printed text back and finds the Chinese headings and figures.
 */
const dirs = tempDirs();
const env = { STARCITY_TODAY: '2026-11-27' };
let dir: string;
/** The 2025 figures as `starcity indicators` gives them. */
let figures: Map<string, Observation>;

beforeAll(async () => {
  dir = dirs.keep(await templateCopy('demo'));
  const run = await starcity(['indicators', '--period', '2025', '--json', '--data-dir', dir], { env });
  expect(run.status, run.stderr).toBe(0);
  figures = new Map((JSON.parse(run.stdout) as Observation[]).map((o) => [o.code, o]));
});

/** Every page's text, pages joined by new lines (pdf.js gives a line's pieces one after another). */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return { pages: pages.length, text: pages.join('\n') };
}

const shown = (code: string, lang: 'zh' | 'en') => {
  const o = figures.get(code)!;
  return formatFigure(o.value, { unit: o.unit, decimals: o.unit === 'yuan_100m' || o.unit === 'percent' ? 2 : 0 }, lang);
};

describe('starcity report', () => {
  it('prints the 2025 report as a Chinese PDF whose text has the headings, the commentary and the figures', async () => {
    const run = await starcity(['report', '--year', '2025', '--data-dir', dir], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdoutBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await pdfText(run.stdoutBytes);
    expect(pages).toBeGreaterThan(3);
    // Chinese as text, not boxes: the title, the sections, an official figure's source.
    for (const heading of ['长沙市全球研发中心城市建设 2025 年度统计报告', '报告要点', '主要指标', '五年趋势', '分区县', '技术市场', '指标定义与来源', '长沙晚报']) expect(text).toContain(heading);
    expect(text).toContain('2025 年未设定目标');
    for (const code of ['rd_institutions.count', 'rd_expenditure', 'contracts.turnover', 'enterprises.tech_sme.count']) expect(text, code).toContain(shown(code, 'zh'));
  });

  it('writes the English XLSX to --out', async () => {
    const out = join(dirs.make('report'), 'report.xlsx');
    const run = await starcity(['report', '--year', '2025', '--lang', 'en', '--format', 'xlsx', '--out', out, '--data-dir', dir], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.name).toBe('Highlights');
    expect(workbook.worksheets.slice(1).every((s) => s.getCell('A3').value === 'Statistical year: 2025')).toBe(true);
    const headline = workbook.worksheets[1]!;
    const rdExpenditure = headline.getRows(1, headline.rowCount)!.find((r) => r.getCell(1).value === 'R&D expenditure')!;
    expect(rdExpenditure.getCell(2).value).toBe(figures.get('rd_expenditure')!.value);
  });

  it('refuses a PDF without Chromium before it opens the database, naming what to install', async () => {
    const run = await starcity(['report', '--year', '2025', '--data-dir', dir], { env: { ...env, STARCITY_CHROMIUM: '/nonexistent/chromium' } });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--format: The server lacks Chromium (/nonexistent/chromium)');
    expect(run.stderr).toContain('apt-get install chromium fonts-wqy-microhei');
    expect(run.stderr).toContain('服务器缺少');
  });
});
