import type { IndicatorUnit } from './indicatorUnits.js';
import type { TargetStatus } from './targetStatus.js';
import type { Message } from './message.js';

/**
 * The annual report's generated commentary (报告要点): a few bilingual sentences read off the
 * figures — how many headline indicators improved, the largest gains and the largest fall, the
 * targets met and missed. Pure: the figures come in, the sentences go out.
 */

export type Lang = keyof Message;

/** What the words need to know of a figure's indicator. */
export interface FigureUnit {
  unit: IndicatorUnit;
  decimals: number;
}

/** A headline indicator in the report's year and the year before. */
export interface HeadlineFigure extends FigureUnit {
  name: Message;
  direction: 'higher_is_better' | 'lower_is_better';
  value: number | null;
  previous: number | null;
}

/** How a target of the year ended: met, missed, still open (the year runs), or without a figure. */
export type TargetOutcome = 'met' | 'missed' | 'open' | 'no_data';

export interface TargetFigure extends FigureUnit {
  name: Message;
  comparator: '>=' | '<=' | '≈';
  target: number;
  current: number | null;
  outcome: TargetOutcome;
}

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

/** A number as the language writes it (4,344 · 511.56). */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/**
 * A figure with its unit as the dashboard writes it: 511.56 亿元 reads "CNY 51.16 bn" in English
 * (billions: a tenth of the 亿元 figure), ranks "第 44 位" / "No. 44", shares "3.36%".
 */
export function formatFigure(value: number | null, f: FigureUnit, lang: Lang): string {
  if (value === null) return '—';
  if (f.unit === 'yuan_100m') return lang === 'zh' ? `${formatNumber(value, f.decimals, lang)} 亿元` : `CNY ${formatNumber(value / 10, f.decimals, lang)} bn`;
  if (f.unit === 'rank') return lang === 'zh' ? `第 ${formatNumber(value, 0, lang)} 位` : `No. ${formatNumber(value, 0, lang)}`;
  if (f.unit === 'percent') return `${formatNumber(value, f.decimals, lang)}%`;
  return formatNumber(value, f.decimals, lang);
}

/** A signed percentage: +35.2%, −1.5%. */
export function formatChangePercent(percent: number | null, lang: Lang): string {
  if (percent === null) return '—';
  return `${new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(percent)}%`;
}

/** A rank's move in places: from No. 50 to No. 44 (a change of −6) is "上升 6 位" / "up 6 places". */
export function formatRankMove(change: number | null, lang: Lang): string {
  if (change === null) return '—';
  if (change === 0) return lang === 'zh' ? '持平' : 'unchanged';
  const places = Math.abs(change);
  if (lang === 'zh') return `${change < 0 ? '上升' : '下降'} ${places} 位`;
  return `${change < 0 ? 'up' : 'down'} ${places} place${places === 1 ? '' : 's'}`;
}

/** A headline figure's move over the year, seen from its direction (a rank improves as it falls). */
interface Move {
  figure: HeadlineFigure & { value: number; previous: number };
  /** Relative size of the move, for ranking the moves: percent of the year before. */
  size: number;
  improved: boolean;
}

function moveOf(f: HeadlineFigure): Move | null {
  if (f.value === null || f.previous === null || f.value === f.previous || f.previous === 0) return null;
  const rising = f.value > f.previous;
  return { figure: f as Move['figure'], size: Math.abs(((f.value - f.previous) / f.previous) * 100), improved: rising === (f.direction === 'higher_is_better') };
}

/** "研发机构数（+12.3%，由 120 增至 135）" — ranks move by places, not percent. */
function describeMove(m: Move, lang: Lang): string {
  const { figure: f } = m;
  const from = formatFigure(f.previous, f, lang);
  const to = formatFigure(f.value, f, lang);
  if (f.unit === 'rank') {
    const places = Math.abs(f.value - f.previous);
    if (lang === 'zh') return `${f.name.zh}（${m.improved ? '上升' : '下降'} ${places} 位，由${from}至${to}）`;
    return `${f.name.en} (${m.improved ? 'up' : 'down'} ${places} place${places === 1 ? '' : 's'}, from ${from} to ${to})`;
  }
  const percent = formatChangePercent(((f.value - f.previous) / f.previous) * 100, lang);
  if (lang === 'zh') return `${f.name.zh}（${percent}，由 ${from} ${f.value > f.previous ? '增至' : '降至'} ${to}）`;
  return `${f.name.en} (${percent}, from ${from} to ${to})`;
}

const joinList = (items: string[], lang: Lang) => (lang === 'zh' ? items.join('；') : items.join('; '));

/** How many comparable headline figures improved and declined, the three largest gains, the largest fall. */
export function movesCommentary(year: number, figures: readonly HeadlineFigure[]): Message[] {
  const moves = figures.map(moveOf).filter((m): m is Move => m !== null);
  const comparable = figures.filter((f) => f.value !== null && f.previous !== null).length;
  if (comparable === 0) return [{ zh: `${year} 年的主要指标没有可与上年比较的数值。`, en: `No headline figure of ${year} can be compared with the year before.` }];
  const gains = moves.filter((m) => m.improved).sort((a, b) => b.size - a.size);
  const falls = moves.filter((m) => !m.improved).sort((a, b) => b.size - a.size);
  const out: Message[] = [
    {
      zh: `${year} 年，${comparable} 项可与上年比较的主要指标中，${gains.length} 项向好，${falls.length} 项回落，${comparable - gains.length - falls.length} 项持平。`,
      en: `In ${year}, ${gains.length} of the ${comparable} headline indicators comparable with the year before improved, ${falls.length} declined and ${comparable - gains.length - falls.length} held level.`,
    },
  ];
  const top = gains.slice(0, 3);
  if (top.length) out.push({ zh: `向好幅度最大的是：${joinList(top.map((m) => describeMove(m, 'zh')), 'zh')}。`, en: `The largest improvements: ${joinList(top.map((m) => describeMove(m, 'en')), 'en')}.` });
  const worst = falls[0];
  if (worst) out.push({ zh: `回落幅度最大的是${describeMove(worst, 'zh')}。`, en: `The largest decline: ${describeMove(worst, 'en')}.` });
  return out;
}

const COMPARATOR_WORDS: Record<TargetFigure['comparator'], Message> = { '>=': { zh: '不低于', en: 'at least' }, '<=': { zh: '不高于', en: 'at most' }, '≈': { zh: '约', en: 'about' } };

function describeTarget(t: TargetFigure, lang: Lang): string {
  const goal = `${COMPARATOR_WORDS[t.comparator][lang]} ${formatFigure(t.target, t, lang)}`;
  const actual = formatFigure(t.current, t, lang);
  return lang === 'zh' ? `${t.name.zh}（目标${goal}，实际 ${actual}）` : `${t.name.en} (target ${goal}, actual ${actual})`;
}

/** Which of the year's targets were met and which missed, each with its goal and figure. */
export function targetsCommentary(year: number, targets: readonly TargetFigure[]): Message[] {
  if (targets.length === 0) return [{ zh: `${year} 年未设定目标。`, en: `No targets were set for ${year}.` }];
  const group = (outcome: TargetOutcome) => targets.filter((t) => t.outcome === outcome);
  const [met, missed, open, none] = (['met', 'missed', 'open', 'no_data'] as const).map(group) as [TargetFigure[], TargetFigure[], TargetFigure[], TargetFigure[]];
  const list = (items: TargetFigure[], lang: Lang) => joinList(items.map((t) => describeTarget(t, lang)), lang);
  const out: Message[] = [{ zh: `${year} 年设定的 ${targets.length} 项目标中，已完成 ${met.length} 项，未完成 ${missed.length} 项。`, en: `Of the ${targets.length} targets set for ${year}, ${met.length} were met and ${missed.length} missed.` }];
  if (met.length) out.push({ zh: `已完成：${list(met, 'zh')}。`, en: `Met: ${list(met, 'en')}.` });
  if (missed.length) out.push({ zh: `未完成：${list(missed, 'zh')}。`, en: `Missed: ${list(missed, 'en')}.` });
  if (open.length) out.push({ zh: `年度尚未结束、仍在推进：${list(open, 'zh')}。`, en: `Still open while the year runs: ${list(open, 'en')}.` });
  if (none.length) out.push({ zh: `尚无数值：${none.map((t) => t.name.zh).join('、')}。`, en: `No figure yet: ${none.map((t) => t.name.en).join(', ')}.` });
  return out;
}

/** The whole commentary: the year's moves, then its targets. */
export function reportCommentary(year: number, figures: readonly HeadlineFigure[], targets: readonly TargetFigure[]): Message[] {
  return [...movesCommentary(year, figures), ...targetsCommentary(year, targets)];
}

/**
 * A target's standing read as the report's outcome: achieved is met; a year that is over and did
 * not achieve it missed it; while the year runs it is open (on track or not).
 */
export function targetOutcome(status: TargetStatus, elapsed: number): TargetOutcome {
  if (status === 'achieved') return 'met';
  if (status === 'no_data') return 'no_data';
  return elapsed >= 1 ? 'missed' : 'open';
}
