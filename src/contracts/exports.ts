import { z } from 'zod';
import { listQuery } from './common.js';

/** File formats of an export (导出格式). */
export const exportFormats = ['csv', 'xlsx', 'jsonl'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Header and value language: zh = Chinese headers and labels, en = canonical keys and codes. */
export const exportLanguages = ['zh', 'en'] as const;
export type ExportLanguage = (typeof exportLanguages)[number];

/** The query of `GET /api/v1/{entity}/export`: the list's filter, search and sort, and the file's shape. */
export const exportQuery = z.strictObject({
  format: z.enum(exportFormats).default('csv').describe('csv (UTF-8 with BOM), xlsx or jsonl (JSON Lines)'),
  lang: z.enum(exportLanguages).default('zh').describe('zh: Chinese headers, code labels, 是/否; en: canonical keys, codes, true/false'),
  filter: listQuery.shape.filter,
  search: listQuery.shape.search,
  sort: listQuery.shape.sort,
});
export type ExportQuery = z.output<typeof exportQuery>;

/**
 * How a registry export reads (导出视图): `import` is the import format, which re-imports unchanged;
 * `report` (报表格式) is for people — district and zone names, code labels and Yes/No in the chosen
 * language, and the organization's name beside every credit code — and is not meant to re-import.
 */
export const exportViews = ['import', 'report'] as const;
export type ExportView = (typeof exportViews)[number];

/** The query of a registry list's export: the export query and its view. */
export const registryExportQuery = exportQuery.extend({
  view: z
    .enum(exportViews)
    .default('import')
    .describe('import: the import format, re-imports unchanged; report (报表格式): district and zone names, code labels and Yes/No in the chosen language, and a name column beside every credit code'),
});

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonl: 'application/jsonl; charset=utf-8',
};
