import { z } from 'zod';

/** File formats of the annual report: PDF (printed by Chromium), XLSX (a sheet per table) or one self-contained HTML file. */
export const reportFormats = ['pdf', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportLanguages = ['zh', 'en'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export const reportContentTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/** `GET /api/v1/reports/annual/{year}`: the year is checked against the indicator engine's years by the service. */
export const annualReportParams = z.strictObject({ year: z.string().max(8).meta({ example: '2025' }) });
export const annualReportQuery = z.strictObject({
  lang: z.enum(reportLanguages).default('zh').describe('zh: Chinese; en: English'),
  format: z.enum(reportFormats).default('pdf').describe('pdf, xlsx (one sheet per table, each with its source and statistical year) or html (one self-contained file)'),
});
export type AnnualReportQuery = z.output<typeof annualReportQuery>;
