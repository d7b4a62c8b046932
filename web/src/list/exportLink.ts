import type { ExportFormat, ExportLanguage, ExportView } from '../../../src/contracts/exports';
import { API_PREFIX } from '../api/client';
import type { ListParams } from '../api/resources';
import { messageSide } from '../i18n/language';

/** The formats the export menu offers, in menu order. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'jsonl'];

/** The file language of a UI language: Chinese headers and labels, or canonical keys and codes. */
export function exportLanguage(uiLanguage: string): ExportLanguage {
  return messageSide(uiLanguage);
}

/**
 * The export URL of a list with its current filter, search and sort (paging does not apply), in
 * the import format or as a report (报表格式); the import format is the server's default.
 */
export function exportUrl(path: string, params: ListParams, format: ExportFormat, lang: ExportLanguage, view: ExportView = 'import'): string {
  const query = new URLSearchParams({ format, lang });
  if (view === 'report') query.set('view', view);
  if (params.filter) query.set('filter', params.filter);
  if (params.search) query.set('search', params.search);
  if (params.sort) query.set('sort', params.sort);
  return `${API_PREFIX}${path}/export?${query.toString()}`;
}
