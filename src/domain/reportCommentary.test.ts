import { describe, expect, it } from 'vitest';
import { formatChangePercent, formatFigure, formatRankMove, movesCommentary, reportCommentary, targetOutcome, targetsCommentary, type HeadlineFigure, type TargetFigure } from './reportCommentary.js';

const count = (zh: string, en: string, previous: number | null, value: number | null): HeadlineFigure => ({ name: { zh, en }, unit: 'count', decimals: 0, direction: 'higher_is_better', value, previous });
const rank = (previous: number, value: number): HeadlineFigure => ({ name: { zh: '全球创新指数科技集群排名', en: 'GII cluster rank' }, unit: 'rank', decimals: 0, direction: 'lower_is_better', value, previous });
const target = (outcome: TargetFigure['outcome'], current: number | null): TargetFigure => ({ name: { zh: '科技型中小企业', en: 'Tech SMEs' }, unit: 'count', decimals: 0, comparator: '>=', target: 12_500, current, outcome });

describe('figures in words', () => {
  it('writes money in 亿元 in Chinese and in billions in English, ranks by place, shares with a percent sign', () => {
    expect(formatFigure(511.56, { unit: 'yuan_100m', decimals: 2 }, 'zh')).toBe('511.56 亿元');
    expect(formatFigure(511.56, { unit: 'yuan_100m', decimals: 2 }, 'en')).toBe('CNY 51.16 bn');
    expect(formatFigure(44, { unit: 'rank', decimals: 0 }, 'zh')).toBe('第 44 位');
    expect(formatFigure(44, { unit: 'rank', decimals: 0 }, 'en')).toBe('No. 44');
    expect(formatFigure(3.3598, { unit: 'percent', decimals: 2 }, 'en')).toBe('3.36%');
    expect(formatFigure(12345, { unit: 'count', decimals: 0 }, 'zh')).toBe('12,345');
    expect(formatFigure(null, { unit: 'count', decimals: 0 }, 'zh')).toBe('—');
  });

  it('moves a rank by places, a smaller number being up', () => {
    expect(formatRankMove(-6, 'zh')).toBe('上升 6 位');
    expect(formatRankMove(-6, 'en')).toBe('up 6 places');
    expect(formatRankMove(1, 'en')).toBe('down 1 place');
    expect(formatRankMove(0, 'zh')).toBe('持平');
    expect(formatRankMove(null, 'en')).toBe('—');
  });

  it('signs a change, and leaves a missing one a dash', () => {
    expect(formatChangePercent(35.24, 'en')).toBe('+35.2%');
    expect(formatChangePercent(-1.5, 'zh')).toBe('-1.5%');
    expect(formatChangePercent(0, 'en')).toBe('0.0%');
    expect(formatChangePercent(null, 'en')).toBe('—');
  });
});

describe('the year’s moves', () => {
  const figures = [
    count('研发机构', 'R&D institutions', 100, 150), // +50 %
    count('新增研发机构', 'New R&D institutions', 40, 30), // −25 %
    count('国家级平台', 'National platforms', 20, 21), // +5 %
    count('概念验证中心', 'Concept verification centers', 10, 10), // level
    rank(50, 44), // up 6 places: +12 % better
    count('人才', 'Talent', null, 7), // not comparable
  ];

  it('counts the comparable figures that improved, declined and held level, a rank improving as it falls', () => {
    const [overview] = movesCommentary(2025, figures);
    expect(overview!.zh).toBe('2025 年，5 项可与上年比较的主要指标中，3 项向好，1 项回落，1 项持平。');
    expect(overview!.en).toBe('In 2025, 3 of the 5 headline indicators comparable with the year before improved, 1 declined and 1 held level.');
  });

  it('names the three largest improvements in order of their relative size, and the largest decline', () => {
    const [, gains, fall] = movesCommentary(2025, figures);
    expect(gains!.zh).toBe('向好幅度最大的是：研发机构（+50.0%，由 100 增至 150）；全球创新指数科技集群排名（上升 6 位，由第 50 位至第 44 位）；国家级平台（+5.0%，由 20 增至 21）。');
    expect(gains!.en).toBe('The largest improvements: R&D institutions (+50.0%, from 100 to 150); GII cluster rank (up 6 places, from No. 50 to No. 44); National platforms (+5.0%, from 20 to 21).');
    expect(fall!.en).toBe('The largest decline: New R&D institutions (-25.0%, from 40 to 30).');
    expect(fall!.zh).toBe('回落幅度最大的是新增研发机构（-25.0%，由 40 降至 30）。');
  });

  it('says so when nothing can be compared, and adds no gains or falls it does not have', () => {
    expect(movesCommentary(2016, [count('研发机构', 'R&D institutions', null, 5)])).toEqual([
      { zh: '2016 年的主要指标没有可与上年比较的数值。', en: 'No headline figure of 2016 can be compared with the year before.' },
    ]);
    expect(movesCommentary(2025, [count('研发机构', 'R&D institutions', 5, 6)])).toHaveLength(2);
  });
});

describe('the year’s targets', () => {
  it('reads a target’s standing as met, missed (year over) or open (year running)', () => {
    expect(targetOutcome('achieved', 0.5)).toBe('met');
    expect(targetOutcome('on_track', 1)).toBe('missed');
    expect(targetOutcome('off_track', 1)).toBe('missed');
    expect(targetOutcome('on_track', 0.9)).toBe('open');
    expect(targetOutcome('no_data', 1)).toBe('no_data');
  });

  it('lists the targets met and missed with goal and figure', () => {
    const lines = targetsCommentary(2025, [target('met', 13_000), target('missed', 12_000), target('no_data', null)]);
    expect(lines.map((l) => l.en)).toEqual([
      'Of the 3 targets set for 2025, 1 were met and 1 missed.',
      'Met: Tech SMEs (target at least 12,500, actual 13,000).',
      'Missed: Tech SMEs (target at least 12,500, actual 12,000).',
      'No figure yet: Tech SMEs.',
    ]);
    expect(lines[2]!.zh).toBe('未完成：科技型中小企业（目标不低于 12,500，实际 12,000）。');
  });

  it('says when no target was set', () => {
    expect(targetsCommentary(2025, [])).toEqual([{ zh: '2025 年未设定目标。', en: 'No targets were set for 2025.' }]);
  });

  it('puts the moves before the targets', () => {
    const all = reportCommentary(2025, [count('研发机构', 'R&D institutions', 1, 2)], [target('open', 100)]);
    expect(all.map((m) => m.en)).toEqual([
      'In 2025, 1 of the 1 headline indicators comparable with the year before improved, 0 declined and 0 held level.',
      'The largest improvements: R&D institutions (+100.0%, from 1 to 2).',
      'Of the 1 targets set for 2025, 0 were met and 0 missed.',
      'Still open while the year runs: Tech SMEs (target at least 12,500, actual 100).',
    ]);
  });
});
