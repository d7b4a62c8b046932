import { formatChangePercent, formatFigure, formatNumber, formatRankMove, type Lang } from '../../domain/reportCommentary.js';
import type { Figure, ReportCell, ReportChart, ReportModel, ReportTable } from './model.js';

/**
 * The annual report as one self-contained HTML file: inline CSS, charts as inline SVG drawn on
 * the server by ECharts' SSR mode (no script, no request), every text escaped. Chromium prints it
 * to PDF (pdf.ts) as it is.
 */

type ECharts = typeof import('echarts/core');
let charts: Promise<ECharts> | null = null;

/** ECharts with the parts the report draws, loaded at the first report: not at every server start (it takes a while). */
function loadCharts(): Promise<ECharts> {
  charts ??= Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]).then(([core, c, components, renderers]) => {
    core.use([c.BarChart, c.LineChart, components.GridComponent, components.TitleComponent, renderers.SVGRenderer]);
    return core;
  });
  return charts;
}

const FONTS = `"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif`;
const CHART = { width: 330, height: 210 };
const WIDE_CHART = { width: 680, height: 260 };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Money in English charts reads in billions, as the tables do: a tenth of the 亿元 figure. */
const chartValue = (v: number | null, f: Figure, lang: Lang) => (v === null ? null : f.unit === 'yuan_100m' && lang === 'en' ? v / 10 : v);
const UNIT_CAPTIONS: Record<Figure['unit'], { zh: string; en: string }> = { count: { zh: '', en: '' }, percent: { zh: '（%）', en: ' (%)' }, yuan_100m: { zh: '（亿元）', en: ' (CNY bn)' }, rank: { zh: '（位次）', en: ' (rank)' } };

function cellHtml(c: ReportCell, lang: Lang): string {
  if ('text' in c) return `<td>${escapeHtml(c.text[lang])}</td>`;
  const f = c.figure;
  const shown = f.of === 'change_percent' ? formatChangePercent(f.value, lang) : f.of === 'change' ? formatRankMove(f.value, lang) : formatFigure(f.value, f, lang);
  return `<td class="num">${escapeHtml(shown)}</td>`;
}

/** One chart as an SVG string; the server renders it, the page carries no script. */
function chartSvg(echarts: ECharts, chart: ReportChart, lang: Lang, size: { width: number; height: number }): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  const decimals = chart.unit.unit === 'count' || chart.unit.unit === 'rank' ? 0 : chart.unit.decimals;
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: FONTS },
      title: { text: chart.title[lang] + UNIT_CAPTIONS[chart.unit.unit][lang], left: 'center', textStyle: { fontSize: 13, fontWeight: 'bold' } },
      // ECharts 6 keeps the axis labels inside the chart by itself (outerBounds 'auto').
      grid: { left: 36, right: 12, top: 48, bottom: 24 },
      xAxis: { type: 'category', data: chart.categories.map((c) => c[lang]), axisLabel: { fontSize: 10, interval: 0, rotate: chart.categories.length > 6 ? 35 : 0 } },
      yAxis: { type: 'value', inverse: chart.unit.unit === 'rank', axisLabel: { fontSize: 10 } },
      series: chart.series.map((s) => ({
        type: chart.kind,
        name: s.name[lang],
        data: s.figures.map((f) => chartValue(f.value, f, lang)),
        itemStyle: { color: '#1d5fa8' },
        label: { show: true, position: 'top', fontSize: 9, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value, decimals, lang) : '') },
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

function tableHtml(echarts: ECharts, t: ReportTable, year: number, lang: Lang): string {
  const head = t.columns.map((c) => `<th>${escapeHtml(c[lang])}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${r.map((c) => cellHtml(c, lang)).join('')}</tr>`).join('\n');
  const wide = t.charts.length === 1;
  const charts = t.charts.map((c) => `<figure class="chart${wide ? ' wide' : ''}">${chartSvg(echarts, c, lang, wide ? WIDE_CHART : CHART)}</figure>`).join('\n');
  const source = lang === 'zh' ? `来源：${t.source.zh}；统计年度：${year} 年` : `Source: ${t.source.en}; statistical year ${year}`;
  return `<section id="${escapeHtml(t.key)}">
<h2>${escapeHtml(t.title[lang])}</h2>
${t.note ? `<p class="note">${escapeHtml(t.note[lang])}</p>` : ''}
${charts ? `<div class="charts">${charts}</div>` : ''}
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
<p class="source">${escapeHtml(source)}</p>
</section>`;
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: ${FONTS}; color: #1f2329; font-size: 10.5pt; line-height: 1.5; margin: 0 auto; max-width: 760px; padding: 12px; }
h1 { font-size: 20pt; margin: 0 0 4px; color: #0b3d75; }
h2 { font-size: 13.5pt; margin: 18px 0 6px; color: #0b3d75; border-bottom: 2px solid #0b3d75; padding-bottom: 2px; break-after: avoid; }
.meta { color: #555; margin: 0 0 12px; }
.commentary { background: #f3f7fc; border-left: 4px solid #1d5fa8; padding: 8px 14px; }
.commentary li { margin: 3px 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #c9d2de; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #e8eef7; }
td:first-child { width: 32%; }
tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.source, .note { color: #555; font-size: 8.5pt; margin: 3px 0; }
.charts { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
figure.chart { margin: 0; break-inside: avoid; }
section { break-inside: auto; }
`;

/** The whole report in one language. */
export async function renderReportHtml(model: ReportModel, lang: Lang): Promise<string> {
  const echarts = await loadCharts();
  const meta =
    lang === 'zh'
      ? `统计年度：${model.year} 年；计算数据截至 ${model.asOf}；生成时间 ${model.generatedAt}`
      : `Statistical year ${model.year}; computed figures as of ${model.asOf}; generated ${model.generatedAt}`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(model.title[lang])}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(model.title[lang])}</h1>
<p class="meta">${escapeHtml(meta)}</p>
<section id="commentary">
<h2>${lang === 'zh' ? '报告要点' : 'Highlights'}</h2>
<ul class="commentary">
${model.commentary.map((m) => `<li>${escapeHtml(m[lang])}</li>`).join('\n')}
</ul>
</section>
${model.tables.map((t) => tableHtml(echarts, t, model.year, lang)).join('\n')}
</body>
</html>
`;
}
