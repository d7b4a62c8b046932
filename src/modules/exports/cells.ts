import type { ExportLanguage, ExportView } from '../../contracts/exports.js';
import type { FileColumn, FileEntity } from '../../contracts/fileColumns.js';

/**
 * The pure part of an export: headers, one row as cell texts, and the formula guard. Every
 * format writes these same texts, so a CSV, an XLSX and a JSON Lines file of one list agree.
 */

/** A stored value of a file column as the export query reads it. */
export type StoredValue = string | boolean | null;

/** Cell texts; null is an empty cell. */
export type Cells = Array<string | null>;

/**
 * Characters a spreadsheet may read as the start of a formula (CSV/formula injection): = + - @,
 * and tab and carriage return, which some programs skip before looking for one.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Guards a text cell against formula injection (防公式注入): a text starting with a formula
 * character gets a leading apostrophe, which spreadsheets read as "this is text". Texts that
 * already start with apostrophes before such a character get one more, so that the import's
 * rule — strip exactly one apostrophe from a text matching /^'+[=+\-@\t\r]/ — gives back every
 * text exactly.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Header of a column: the Chinese name (中文表头), or the canonical key; both re-import. */
export function headerOf(column: FileColumn, lang: ExportLanguage): string {
  return lang === 'zh' ? column.zh : column.key;
}

/** The text of one stored value: codes as their Chinese label in zh, booleans 是/否 or true/false. */
export function cellText(column: FileColumn, value: StoredValue, lang: ExportLanguage): string | null {
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : String(value);
  if (column.type === 'code' && lang === 'zh') return column.codes?.[value]?.zh ?? value;
  return value;
}

/** How a file reads: the header of each column and the text of each stored value. */
export interface Reading {
  header(column: FileColumn): string;
  text(column: FileColumn, value: StoredValue): string | null;
}

/** The import format's reading (导入格式): the headers and values the import takes back. */
export function importReading(lang: ExportLanguage): Reading {
  return { header: (c) => headerOf(c, lang), text: (c, value) => cellText(c, value, lang) };
}

/** One row's cells in the order of `columns`; `guard` neutralises formula-like texts (CSV, XLSX). */
export function rowCells(columns: readonly FileColumn[], row: Record<string, StoredValue>, reading: Reading, guard: boolean): Cells {
  return columns.map((c) => {
    const text = reading.text(c, row[c.key] ?? null);
    return text !== null && guard && c.type === 'text' ? neutralizeFormula(text) : text;
  });
}

const entityNames: Record<FileEntity, { zh: string; en: string }> = {
  organizations: { zh: '主体', en: 'Organizations' },
  qualifications: { zh: '资质', en: 'Qualifications' },
  rd_institutions: { zh: '研发机构', en: 'R&D institutions' },
  platforms: { zh: '创新平台', en: 'Platforms' },
  tech_contracts: { zh: '技术合同', en: 'Technology contracts' },
  talent_introductions: { zh: '人才引进', en: 'Talent introductions' },
  recruitment_calls: { zh: '招贤令', en: 'Recruitment calls' },
  projects: { zh: '攻关项目', en: 'Projects' },
  achievements: { zh: '科技成果', en: 'Achievements' },
  transfers: { zh: '成果转化', en: 'Transfers' },
  incubations: { zh: '孵化企业', en: 'Incubations' },
  ip_loans: { zh: '知识产权质押贷款', en: 'IP-backed loans' },
};

/** Sheet name of an export: the entity in the chosen language. */
export function sheetName(entity: FileEntity, lang: ExportLanguage): string {
  return entityNames[entity][lang];
}

/**
 * File names of an export made on `today` (YYYY-MM-DD): an ASCII one for every client and the
 * Chinese one as RFC 5987 `filename*` when the language is zh. A report says so in its name
 * (报表), so it is not mistaken for a file to import.
 */
export function exportFileNames(entity: FileEntity, view: ExportView, lang: ExportLanguage, extension: string, today: string): { ascii: string; utf8: string } {
  const day = today.replaceAll('-', '');
  const report = view === 'report';
  const ascii = `${entity.replace('_', '-')}${report ? '-report' : ''}-${day}.${extension}`;
  return { ascii, utf8: lang === 'zh' ? `${entityNames[entity].zh}${report ? '报表' : ''}-${day}.${extension}` : ascii };
}

/** `Content-Disposition` of an attachment with an ASCII fallback and an RFC 5987 UTF-8 name. */
export function contentDisposition(names: { ascii: string; utf8: string }): string {
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.utf8)}`;
}
