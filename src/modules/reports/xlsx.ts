import ExcelJS from 'exceljs';
import type { Lang } from '../../domain/reportCommentary.js';
import type { ReportCell, ReportModel, ReportTable } from './model.js';

/**
 * The annual report as a workbook: the highlights first, then one sheet per table. Each sheet
 * opens with its title, its source and its statistical year; figures are numbers (in the
 * indicator's stored unit, named in the header: 亿元 stays 亿元), texts are texts.
 */

const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;

/** Excel's sheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(FORBIDDEN, ' ').slice(0, SHEET_NAME_MAX).trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, SHEET_NAME_MAX - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

const UNIT_HEADERS: Record<string, { zh: string; en: string }> = { yuan_100m: { zh: '亿元', en: '100 million yuan' }, percent: { zh: '%', en: '%' } };

/** The unit all figures of some cells share, when they have one worth naming. */
function unitCaption(cells: readonly ReportCell[], lang: Lang): string {
  const units = new Set(cells.flatMap((c) => ('figure' in c ? [c.figure.unit] : [])));
  const [unit] = units;
  return units.size === 1 && unit ? (UNIT_HEADERS[unit]?.[lang] ?? '') : '';
}

const unitSuffix = (cells: readonly ReportCell[], lang: Lang) => {
  const unit = unitCaption(cells, lang);
  return unit ? ` (${unit})` : '';
};

function addTable(workbook: ExcelJS.Workbook, t: ReportTable, year: number, lang: Lang, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName(t.title[lang], taken));
  sheet.addRow([t.title[lang]]).font = { bold: true, size: 13 };
  sheet.addRow([lang === 'zh' ? `来源：${t.source.zh}` : `Source: ${t.source.en}`]);
  sheet.addRow([lang === 'zh' ? `统计年度：${year}` : `Statistical year: ${year}`]);
  if (t.note) sheet.addRow([t.note[lang]]);
  sheet.addRow([]);
  // A unit shared by a whole column (an indicator's column) goes in its header, one shared by a
  // row (an indicator's row) in the last column; a change column is in percent.
  const header = sheet.addRow([...t.columns.map((c, i) => c[lang] + unitSuffix(t.rows.map((r) => r[i]!), lang)), lang === 'zh' ? '单位' : 'Unit']);
  header.font = { bold: true };
  for (const r of t.rows) {
    const row = sheet.addRow([...r.map((c) => ('text' in c ? c.text[lang] : c.figure.value)), unitCaption(r.filter((c) => !('figure' in c) || c.figure.of !== 'change_percent'), lang)]);
    r.forEach((c, i) => {
      if ('figure' in c) row.getCell(i + 1).numFmt = c.figure.decimals > 0 ? `#,##0.${'0'.repeat(c.figure.decimals)}` : '#,##0';
    });
  }
  sheet.columns.forEach((col, i) => (col.width = i === 0 ? 34 : 16));
}

export async function renderReportXlsx(model: ReportModel, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(model.generatedAt);
  workbook.title = model.title[lang];
  const taken = new Set<string>();
  const highlights = workbook.addWorksheet(sheetName(lang === 'zh' ? '报告要点' : 'Highlights', taken));
  highlights.addRow([model.title[lang]]).font = { bold: true, size: 14 };
  highlights.addRow([lang === 'zh' ? `来源：驾驶舱与指标引擎；统计年度：${model.year}` : `Source: dashboard and indicator engine; statistical year: ${model.year}`]);
  highlights.addRow([]);
  for (const m of model.commentary) highlights.addRow([m[lang]]);
  highlights.getColumn(1).width = 120;
  for (const t of model.tables) addTable(workbook, t, model.year, lang, taken);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
