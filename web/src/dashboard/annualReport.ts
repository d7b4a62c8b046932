import type { ReportFormat, ReportLanguage } from '../../../src/contracts/reports';
import { API_PREFIX } from '../api/client';

/** The formats the annual report dialog offers, in its order. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx', 'html'];

export interface ReportChoice {
  year: string;
  lang: ReportLanguage;
  format: ReportFormat;
}

/** The API address of a year's report in a language and format. */
export function annualReportUrl(choice: ReportChoice): string {
  return `${API_PREFIX}/reports/annual/${encodeURIComponent(choice.year)}?${new URLSearchParams({ lang: choice.lang, format: choice.format }).toString()}`;
}

/**
 * The file name a download is saved under: the UTF-8 name of `Content-Disposition`
 * (`filename*=UTF-8''…`, RFC 5987), else its plain `filename`, else the fallback.
 */
export function downloadName(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // A malformed escape: the plain name below.
    }
  }
  return /filename="([^"]+)"/i.exec(contentDisposition)?.[1] ?? fallback;
}
