import { reportContentTypes, type AnnualReportQuery, type ReportFormat } from '../../contracts/reports.js';
import { contentDisposition } from '../exports/cells.js';
import { dashboard } from '../indicators/dashboard.js';
import type { IndicatorEngine } from '../indicators/engine.js';
import { checkYear, findIndicator, observations, presentIndicator } from '../indicators/service.js';
import { listTargets } from '../indicators/targets.js';
import { escapeHtml, renderReportHtml } from './html.js';
import { annualReportModel, REPORT_BREAKDOWNS, REPORT_SECTIONS, type IndicatorBreakdown, type ReportInputs, type ReportModel } from './model.js';
import type { PdfPrinter } from './pdf.js';
import { renderReportXlsx } from './xlsx.js';

/**
 * The annual report (年度统计报告) of a year: its figures gathered from the dashboard and the
 * indicator service — the very answers `/dashboard` and `/indicators/{code}/observations` give —
 * then laid out as HTML, XLSX or PDF.
 */

/** Everything the report shows, asked of the indicator engine. */
export async function reportInputs(engine: IndicatorEngine, year: number): Promise<ReportInputs> {
  const period = String(year);
  const city = engine.city.code;
  const versions = await engine.versions();
  const has = (code: string) => engine.indicator(code) !== undefined;
  const present = (code: string) => presentIndicator(engine, findIndicator(engine, code));
  const d = await dashboard(engine, { period, target_period: period });
  // The next year's targets, once it has begun: how the plan stands now.
  const next = year < engine.years.last ? String(year + 1) : null;
  const breaksBy = (code: string, by: string) => present(code).breakdowns.some((b) => b.code === by);
  const breakdownAsks = [
    ...d.breakdowns.filter((b) => breaksBy(b.indicator.code, 'zone')).map((b) => ({ code: b.indicator.code, by: 'zone' })),
    ...REPORT_BREAKDOWNS.flatMap((b) => b.codes.filter((code) => has(code) && breaksBy(code, b.by)).map((code) => ({ code, by: b.by }))),
  ];
  const [nextTargets, series, breakdowns] = await Promise.all([
    next ? listTargets(engine, { period: next, area: city }, versions).then((targets) => ({ period: next, asOf: engine.asOf(year + 1), targets })) : null,
    Promise.all(
      REPORT_SECTIONS.flatMap((s) => s.codes)
        .filter(has)
        .map(async (code) => ({ indicator: present(code), points: await observations(engine, code, {}, versions) })),
    ),
    Promise.all(breakdownAsks.map(async ({ code, by }): Promise<IndicatorBreakdown> => ({ by, indicator: present(code), points: await observations(engine, code, { period, breakdown: by }, versions) }))),
  ]);
  return { year, city: engine.city.name, generatedAt: engine.app.clock.now().toISOString(), dashboard: d, nextTargets, series, breakdowns };
}

export async function annualReportModelOf(engine: IndicatorEngine, yearText: string): Promise<ReportModel> {
  const year = checkYear(engine, yearText, 'year');
  return annualReportModel(await reportInputs(engine, year), engine.catalogue.firstYear);
}

export interface ReportFile {
  body: Buffer;
  contentType: string;
  contentDisposition: string;
}

const EXTENSIONS: Record<ReportFormat, string> = { pdf: 'pdf', xlsx: 'xlsx', html: 'html' };

/** The report of a year as a file; `printer` prints the PDF. */
export async function annualReport(engine: IndicatorEngine, yearText: string, q: AnnualReportQuery, printer: PdfPrinter): Promise<ReportFile> {
  // Before any work: a PDF that cannot come out right is refused at once.
  if (q.format === 'pdf') await printer.check();
  const model = await annualReportModelOf(engine, yearText);
  const body = await renderAs(model, q, printer);
  const ext = EXTENSIONS[q.format];
  const names = { ascii: `annual-report-${model.year}-${q.lang}.${ext}`, utf8: q.lang === 'zh' ? `${model.city.zh}${model.year}年度统计报告.${ext}` : `annual-report-${model.year}-en.${ext}` };
  return { body, contentType: reportContentTypes[q.format], contentDisposition: contentDisposition(names) };
}

async function renderAs(model: ReportModel, q: AnnualReportQuery, printer: PdfPrinter): Promise<Buffer> {
  if (q.format === 'xlsx') return renderReportXlsx(model, q.lang);
  const html = await renderReportHtml(model, q.lang);
  if (q.format === 'html') return Buffer.from(html, 'utf8');
  return printer.print(html, escapeHtml(model.title[q.lang]));
}
