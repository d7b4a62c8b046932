import type { ExportLanguage } from '../../contracts/exports.js';
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

/** One row's cells in the order of `columns`; `guard` neutralises formula-like texts (CSV, XLSX). */
export function rowCells(columns: readonly FileColumn[], row: Record<string, StoredValue>, lang: ExportLanguage, guard: boolean): Cells {
  return columns.map((c) => {
    const text = cellText(c, row[c.key] ?? null, lang);
    return text !== null && guard && c.type === 'text' ? neutralizeFormula(text) : text;
  });
}

const entityNames: Record<FileEntity, { zh: string; en: string }> = {
  organizations: { zh: '主体', en: 'Organizations' },
  qualifications: { zh: '资质', en: 'Qualifications' },
  rd_institutions: { zh: '研发机构', en: 'R&D institutions' },
  platforms: { zh: '创新平台', en: 'Platforms' },
};

/** Sheet name of an export: the entity in the chosen language. */
export function sheetName(entity: FileEntity, lang: ExportLanguage): string {
  return entityNames[entity][lang];
}

/**
 * File names of an export made on `today` (YYYY-MM-DD): an ASCII one for every client and the
 * Chinese one as RFC 5987 `filename*` when the language is zh.
 */
export function exportFileNames(entity: FileEntity, lang: ExportLanguage, extension: string, today: string): { ascii: string; utf8: string } {
  const day = today.replaceAll('-', '');
  const ascii = `${entity.replace('_', '-')}-${day}.${extension}`;
  return { ascii, utf8: lang === 'zh' ? `${entityNames[entity].zh}-${day}.${extension}` : ascii };
}

/** `Content-Disposition` of an attachment with an ASCII fallback and an RFC 5987 UTF-8 name. */
export function contentDisposition(names: { ascii: string; utf8: string }): string {
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.utf8)}`;
}
