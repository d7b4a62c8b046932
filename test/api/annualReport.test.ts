import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Observation } from '../../src/contracts/indicators.js';
import { loadCatalogue } from '../../src/modules/indicators/catalogue.js';
import { IndicatorEngine } from '../../src/modules/indicators/engine.js';
import { reportFigures, type Figure, type ReportModel } from '../../src/modules/reports/model.js';
import { annualReportModelOf } from '../../src/modules/reports/service.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

/**
 * The annual report on the demo registry: every figure it shows is the one `/dashboard` (or, for
 * figures the dashboard does not show, `/indicators/{code}/observations`) answers for the year;
 * the XLSX carries exactly the model's figures, sheet by sheet, each sheet with its source and year.
 */

let t: TestApp;
let model: ReportModel;

const get = async <T>(url: string): Promise<T> => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

beforeAll(async () => {
  t = await createTestApp({ registry: 'demo', today: () => '2026-11-27' });
  model = await annualReportModelOf(new IndicatorEngine(t.ctx, loadCatalogue(t.ctx.city)), '2025');
  // The first file of a run to ask for the demo registry loads it (about a minute on a busy machine).
}, 300_000);

/** Where the API says a figure is, and how many came from the dashboard itself. */
class ApiFigures {
  private readonly dashboards = new Map<string, Promise<Dashboard>>();
  private readonly observations = new Map<string, Promise<Observation[]>>();
  fromDashboard = 0;
  fromObservations = 0;

  private dashboard(targetPeriod: string): Promise<Dashboard> {
    const hit = this.dashboards.get(targetPeriod) ?? get<Dashboard>(`/api/v1/dashboard?period=2025&target_period=${targetPeriod}`);
    this.dashboards.set(targetPeriod, hit);
    return hit;
  }

  private observed(code: string, query: string): Promise<Observation[]> {
    const url = `/api/v1/indicators/${code}/observations${query}`;
    const hit = this.observations.get(url) ?? get<{ results: Observation[] }>(url).then((r) => r.results);
    this.observations.set(url, hit);
    return hit;
  }

  async valueOf(f: Figure): Promise<number | null> {
    if (f.of === 'target' || f.of === 'target_current') {
      const target = (await this.dashboard(f.period)).targets.find((x) => x.indicator_code === f.code && x.area === f.area);
      expect(target, `${f.code} ${f.period} target`).toBeDefined();
      this.fromDashboard++;
      return f.of === 'target' ? target!.value : target!.current;
    }
    const d = await this.dashboard('2025');
    if (f.of === 'change_percent' || f.of === 'change') {
      this.fromDashboard++;
      const kpi = d.kpis.find((k) => k.indicator.code === f.code)!;
      return f.of === 'change' ? kpi.change : kpi.change_percent;
    }
    const inDashboard = dashboardPoint(d, f);
    if (inDashboard !== undefined) {
      this.fromDashboard++;
      return inDashboard.value;
    }
    this.fromObservations++;
    const points = await this.observed(f.code, f.breakdown ? `?period=${f.period}&breakdown=${f.breakdown.by}` : '');
    const point = points.find((o) => o.period === f.period && o.area === f.area && (o.breakdown_key ?? null) === (f.breakdown?.key ?? null));
    // A breakdown key the indicator has nothing under is not listed: the report's cell is empty.
    if (!point && f.breakdown) return null;
    expect(point, `${f.code} ${f.period} ${JSON.stringify(f.breakdown)}`).toBeDefined();
    return point!.value;
  }
}

/** The same figure in the dashboard's reply: a KPI card (this year or the one before), a trend, a district breakdown, the funnel. */
function dashboardPoint(d: Dashboard, f: Figure): Observation | undefined {
  const same = (o: Observation | null | undefined) => o && o.code === f.code && o.period === f.period && o.area === f.area;
  if (f.breakdown) {
    if (f.breakdown.by !== 'district') return undefined;
    const points = d.breakdowns.find((b) => b.indicator.code === f.code)?.points;
    return points?.find((o) => same(o) && (o.breakdown_key ?? null) === f.breakdown!.key);
  }
  for (const k of d.kpis) for (const o of [k.value, k.previous]) if (same(o)) return o!;
  for (const tr of d.trends) for (const o of tr.points) if (same(o)) return o;
  for (const fu of d.funnel) if (same(fu.value)) return fu.value;
  return undefined;
}

describe('the annual report’s figures', () => {
  it('are, every one, the dashboard’s figures (or the indicator service’s) for 2025', async () => {
    const api = new ApiFigures();
    const figures = reportFigures(model);
    for (const f of figures) expect(f.value, `${f.of} ${f.code} ${f.period} ${JSON.stringify(f.breakdown ?? null)}`).toBe(await api.valueOf(f));
    // Most come from the dashboard; the thematic sections and the zones from the observations.
    expect(api.fromDashboard).toBeGreaterThan(100);
    expect(api.fromObservations).toBeGreaterThan(50);
    // The demo has figures: not a report of empty cells.
    expect(figures.filter((f) => f.value !== null && f.value > 0).length).toBeGreaterThan(150);
  });

  it('carry the official statistics’ source and publication day, and name the year’s and the next year’s targets', () => {
    const headline = model.tables.find((x) => x.key === 'headline')!;
    const rdExpenditure = headline.rows.find((r) => 'text' in r[0]! && r[0].text.en === 'R&D expenditure');
    expect(rdExpenditure, JSON.stringify(headline.rows.map((r) => r[0]))).toBeDefined();
    const source = rdExpenditure!.at(-1)!;
    expect('text' in source && source.text.zh).toContain('长沙晚报');
    expect('text' in source && source.text.en).toContain('(2026-01-01)');
    expect(model.tables.find((x) => x.key === 'targets')!.rows[0]![0]).toEqual({ text: { zh: '2025 年未设定目标', en: 'No targets set for 2025' } });
    expect(model.tables.find((x) => x.key === 'targets_next')!.rows.length).toBe(5);
    expect(model.commentary.map((m) => m.en).join(' ')).toContain('No targets were set for 2025.');
  });
});

describe('GET /api/v1/reports/annual/{year}', () => {
  it('gives the XLSX: the highlights, then one sheet per table with its source and statistical year and exactly the model’s figures', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/annual/2025?format=xlsx&lang=zh' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('长沙市2025年度统计报告.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [highlights, ...sheets] = workbook.worksheets;
    expect(highlights!.getCell('A4').value).toBe(model.commentary[0]!.zh);
    expect(sheets.map((s) => s.getCell('A1').value)).toEqual(model.tables.map((x) => x.title.zh));
    sheets.forEach((sheet, i) => {
      const table = model.tables[i]!;
      expect(sheet.getCell('A2').value).toBe(`来源：${table.source.zh}`);
      expect(sheet.getCell('A3').value).toBe('统计年度：2025');
      // The figures in the sheet's body, in reading order, are the table's.
      const first = table.note ? 7 : 6;
      const shown: Array<number | null> = [];
      for (let r = first; r < first + table.rows.length; r++) {
        table.rows[r - first]!.forEach((c, col) => 'figure' in c && shown.push((sheet.getRow(r).getCell(col + 1).value as number | null) ?? null));
      }
      expect(shown).toEqual(table.rows.flatMap((row) => row.flatMap((c) => ('figure' in c ? [c.figure.value] : []))));
    });
  });

  it('gives one self-contained HTML file in English: no script, no external request, the charts inline SVG, the figures as the dashboard writes them', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/annual/2025?format=html&lang=en' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(8);
    expect(html).toContain('CNY 51.16 bn'); // R&D expenditure 511.56 亿元
    expect(html).toContain('No. 44');
    for (const m of model.commentary) expect(html).toContain(m.en.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;'));
  });

  it('refuses a year the engine does not compute, and an unknown format, with field problems', async () => {
    const early = await t.app.inject({ method: 'GET', url: '/api/v1/reports/annual/2010?format=html' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'year', code: 'period.out_of_range' });
    const word = await t.app.inject({ method: 'GET', url: '/api/v1/reports/annual/last?format=html' });
    expect(word.statusCode).toBe(400);
    expect(word.json().errors[0].field).toBe('year');
    const doc = await t.app.inject({ method: 'GET', url: '/api/v1/reports/annual/2025?format=docx' });
    expect(doc.statusCode).toBe(400);
    expect(doc.json().errors[0].field).toBe('format');
  });

  it('is for signed-in callers only', async () => {
    const res = await t.anonymous({ method: 'GET', url: '/api/v1/reports/annual/2025?format=html' });
    expect(res.statusCode).toBe(401);
    const expert = await t.actAs('expert');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reports/annual/2025?format=html', headers: expert.headers })).statusCode).toBe(200);
  });
});
