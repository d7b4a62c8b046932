import type { CodeList, Message } from './message.js';
import { atLeastPercent, percentOf, yuan, type Exact } from './yuan.js';

/**
 * Tech-based SME self-evaluation (科技型中小企业评价, MOST 2017 No.115; domain guide §3): the
 * eligibility checks, the three scoring items with their bands, and the two ways to qualify —
 * a score of at least 60 with a non-zero S&T-staff score, or a direct-qualification route.
 * Pure: the API, the web page and the stored results all use this one calculator.
 */

export const directRoutes = {
  high_tech_enterprise: { zh: '拥有有效期内的高新技术企业资格证书', en: 'Holds a valid high-tech enterprise certificate' },
  national_st_award: { zh: '近五年内获得过国家级科技奖励，并在获奖单位中排在前三名', en: 'Won a national S&T award in the last five years, among the top three units' },
  provincial_rd_institution: { zh: '拥有经认定的省部级以上研发机构', en: 'Has a recognised provincial- or ministerial-level R&D institution' },
  led_standard: { zh: '近五年内主导制定过国际标准、国家标准或行业标准', en: 'Led an international, national or industry standard in the last five years' },
} as const satisfies CodeList<string>;
export type DirectRoute = keyof typeof directRoutes;

/** The enterprise's own statements the calculator cannot check (all must be true to be eligible). */
export interface Declarations {
  /** 在中国境内（不包括港、澳、台地区）注册的居民企业 */
  resident_enterprise: boolean;
  /** Not in a prohibited, restricted or eliminated industry. */
  permitted_industry: boolean;
  /** No major accident, serious violation, misconduct, abnormal-operation or dishonesty listing this year or last. */
  clean_record: boolean;
}

/** An enterprise's figures for the year; amounts in yuan as exact decimal text. */
export interface TechSmeFigures {
  /** 职工总数, including part-time and temporary staff who worked at least six months. */
  staff: number;
  /** 科技人员数 */
  st_staff: number;
  sales: string;
  total_assets: string;
  rd_expenditure: string;
  /** 成本费用总额 */
  total_costs: string;
  /** Invention patents, plant varieties, national crop varieties, national new drugs, first-grade protected TCM varieties, IC layout designs. */
  class_one_ip: number;
  /** Utility models, design patents, software copyrights (trademarks do not count). */
  class_two_ip: number;
  declarations: Declarations;
  direct_routes: DirectRoute[];
}

export const eligibilityLimits = { staff: 500, sales: '200000000', total_assets: '200000000' } as const;

export interface EligibilityCheck {
  code: 'resident_enterprise' | 'staff' | 'sales' | 'total_assets' | 'permitted_industry' | 'clean_record';
  passed: boolean;
  explanation: Message;
}

export interface ScoreItem {
  code: 'st_staff' | 'rd_input' | 'st_results';
  points: number;
  max: number;
  /** The band the figures fall in, e.g. "[25%, 30%)". */
  band: string;
  /** For the R&D item, which ratio gave the points. */
  basis?: 'sales' | 'total_costs';
  explanation: Message;
}

export interface TechSmeEvaluation {
  eligibility: EligibilityCheck[];
  eligible: boolean;
  items: ScoreItem[];
  total: number;
  /** `score`: at least 60 with S&T staff scoring; `direct`: a direct-qualification route; null: does not qualify. */
  route: 'score' | 'direct' | null;
  qualifies: boolean;
  explanation: Message;
}

/** A band starts at `from` (percent or count, inclusive) and scores `points` up to the next band's start. */
interface Band {
  from: number;
  points: number;
}

const PASS_SCORE = 60;
const stStaffBands: Band[] = [
  { from: 30, points: 20 },
  { from: 25, points: 16 },
  { from: 20, points: 12 },
  { from: 15, points: 8 },
  { from: 10, points: 4 },
];
const rdOfSalesBands: Band[] = [
  { from: 6, points: 50 },
  { from: 5, points: 40 },
  { from: 4, points: 30 },
  { from: 3, points: 20 },
  { from: 2, points: 10 },
];
const rdOfCostsBands: Band[] = [
  { from: 30, points: 50 },
  { from: 25, points: 40 },
  { from: 20, points: 30 },
  { from: 15, points: 20 },
  { from: 10, points: 10 },
];
const classTwoBands: Band[] = [
  { from: 4, points: 24 },
  { from: 3, points: 18 },
  { from: 2, points: 12 },
  { from: 1, points: 6 },
];

interface BandHit {
  points: number;
  band: string;
}

/** The band a ratio falls in; a zero whole (no staff, no sales) scores nothing. */
function percentBand(part: Exact, whole: Exact, bands: Band[]): BandHit {
  const i = whole.isZero() ? -1 : bands.findIndex((b) => atLeastPercent(part, whole, b.from));
  if (i === -1) return { points: 0, band: `<${bands.at(-1)!.from}%` };
  const hit = bands[i]!;
  return { points: hit.points, band: i === 0 ? `≥${hit.from}%` : `[${hit.from}%, ${bands[i - 1]!.from}%)` };
}

function countBand(count: number, bands: Band[]): BandHit {
  const hit = bands.find((b) => count >= b.from);
  if (!hit) return { points: 0, band: '0' };
  return { points: hit.points, band: hit === bands[0] ? `≥${hit.from}` : String(hit.from) };
}

const pct = (part: Exact, whole: Exact): string => (whole.isZero() ? '—' : `${percentOf(part, whole)}%`);

function stStaffItem(f: TechSmeFigures): ScoreItem {
  const [part, whole] = [yuan(String(f.st_staff)), yuan(String(f.staff))];
  const hit = percentBand(part, whole, stStaffBands);
  return {
    code: 'st_staff',
    max: 20,
    ...hit,
    explanation: {
      zh: `科技人员 ${f.st_staff} 人 ÷ 职工总数 ${f.staff} 人 = ${pct(part, whole)}，落在 ${hit.band} 档，得 ${hit.points} 分（满分 20）`,
      en: `S&T staff ${f.st_staff} ÷ all staff ${f.staff} = ${pct(part, whole)}, band ${hit.band}: ${hit.points} of 20 points`,
    },
  };
}

/** The better of R&D ÷ sales and R&D ÷ total costs; on a tie, sales is named. */
function rdInputItem(f: TechSmeFigures): ScoreItem {
  const rd = yuan(f.rd_expenditure);
  const [sales, costs] = [yuan(f.sales), yuan(f.total_costs)];
  const bySales = percentBand(rd, sales, rdOfSalesBands);
  const byCosts = percentBand(rd, costs, rdOfCostsBands);
  const basis = byCosts.points > bySales.points ? 'total_costs' : 'sales';
  const hit = basis === 'sales' ? bySales : byCosts;
  const chosen = { zh: basis === 'sales' ? '按销售收入计' : '按成本费用总额计', en: basis === 'sales' ? 'counting by sales' : 'counting by total costs' };
  return {
    code: 'rd_input',
    max: 50,
    ...hit,
    basis,
    explanation: {
      zh: `研发费用 ÷ 销售收入 = ${pct(rd, sales)}（${bySales.band}，${bySales.points} 分）；研发费用 ÷ 成本费用总额 = ${pct(rd, costs)}（${byCosts.band}，${byCosts.points} 分）；取较高者，${chosen.zh}得 ${hit.points} 分（满分 50）`,
      en: `R&D ÷ sales = ${pct(rd, sales)} (${bySales.band}, ${bySales.points} points); R&D ÷ total costs = ${pct(rd, costs)} (${byCosts.band}, ${byCosts.points} points); the better one, ${chosen.en}: ${hit.points} of 50 points`,
    },
  };
}

function stResultsItem(f: TechSmeFigures): ScoreItem {
  if (f.class_one_ip >= 1) {
    return {
      code: 'st_results',
      max: 30,
      points: 30,
      band: 'I≥1',
      explanation: { zh: `拥有 ${f.class_one_ip} 项 I 类知识产权，得 30 分（满分 30）`, en: `${f.class_one_ip} class-I IP right(s): 30 of 30 points` },
    };
  }
  const hit = countBand(f.class_two_ip, classTwoBands);
  return {
    code: 'st_results',
    max: 30,
    points: hit.points,
    band: `II ${hit.band}`,
    explanation: {
      zh: `没有 I 类知识产权，II 类知识产权 ${f.class_two_ip} 项，得 ${hit.points} 分（满分 30）`,
      en: `No class-I IP; ${f.class_two_ip} class-II IP right(s): ${hit.points} of 30 points`,
    },
  };
}

function declared(code: 'resident_enterprise' | 'permitted_industry' | 'clean_record', passed: boolean): EligibilityCheck {
  const what = {
    resident_enterprise: { zh: '在中国境内（不含港、澳、台地区）注册的居民企业', en: 'a resident enterprise registered in mainland China' },
    permitted_industry: { zh: '不属于国家禁止、限制和淘汰类产业', en: 'not in a prohibited, restricted or eliminated industry' },
    clean_record: { zh: '当年和上一年无重大安全、质量、环境事故，无严重违法、科研严重失信行为，未列入经营异常名录和严重违法失信名单', en: 'no major accident, serious violation, misconduct, abnormal-operation or serious-dishonesty listing this year or last' },
  }[code];
  return {
    code,
    passed,
    explanation: passed ? { zh: `已声明：${what.zh}`, en: `Declared: ${what.en}` } : { zh: `未声明：${what.zh}`, en: `Not declared: ${what.en}` },
  };
}

/** A limit holds when the figure is at most the limit (limits are inclusive). */
function withinLimit(code: 'staff' | 'sales' | 'total_assets', value: Exact, shown: string): EligibilityCheck {
  const limit = yuan(String(eligibilityLimits[code]));
  const passed = value.lte(limit);
  const name = { staff: { zh: '职工总数', en: 'Staff' }, sales: { zh: '年销售收入', en: 'Annual sales' }, total_assets: { zh: '资产总额', en: 'Total assets' } }[code];
  const cap = code === 'staff' ? { zh: '500 人', en: '500' } : { zh: '2 亿元', en: '200,000,000 yuan' };
  return {
    code,
    passed,
    explanation: {
      zh: `${name.zh} ${shown}${passed ? '不超过' : '超过'} ${cap.zh}`,
      en: `${name.en} ${shown} ${passed ? 'is within' : 'exceeds'} ${cap.en}`,
    },
  };
}

function eligibilityChecks(f: TechSmeFigures): EligibilityCheck[] {
  return [
    declared('resident_enterprise', f.declarations.resident_enterprise),
    withinLimit('staff', yuan(String(f.staff)), String(f.staff)),
    withinLimit('sales', yuan(f.sales), f.sales),
    withinLimit('total_assets', yuan(f.total_assets), f.total_assets),
    declared('permitted_industry', f.declarations.permitted_industry),
    declared('clean_record', f.declarations.clean_record),
  ];
}

function verdict(eligible: boolean, total: number, stStaffPoints: number, routes: DirectRoute[]): Pick<TechSmeEvaluation, 'route' | 'qualifies' | 'explanation'> {
  if (!eligible) return { route: null, qualifies: false, explanation: { zh: '不满足基本条件，不能评价为科技型中小企业', en: 'The basic conditions are not met: not a tech-based SME' } };
  if (total >= PASS_SCORE && stStaffPoints > 0) {
    return { route: 'score', qualifies: true, explanation: { zh: `综合评价得分 ${total} 分（不低于 60 分）且科技人员指标得分不为 0，符合条件`, en: `Score ${total} (at least 60) with a non-zero S&T-staff score: qualifies` } };
  }
  if (routes.length > 0) {
    const named = routes.map((r) => directRoutes[r]);
    return { route: 'direct', qualifies: true, explanation: { zh: `符合直接认定条件：${named.map((m) => m.zh).join('；')}`, en: `Qualifies directly: ${named.map((m) => m.en).join('; ')}` } };
  }
  const why =
    total < PASS_SCORE
      ? { zh: `综合评价得分 ${total} 分，低于 60 分`, en: `Score ${total} is below 60` }
      : { zh: `综合评价得分 ${total} 分，但科技人员指标得分为 0`, en: `Score ${total}, but the S&T-staff score is 0` };
  return { route: null, qualifies: false, explanation: { zh: `${why.zh}，且无直接认定条件，不符合`, en: `${why.en} and no direct-qualification route: does not qualify` } };
}

/** The whole evaluation of one enterprise's figures, every point explained. */
export function evaluateTechSme(f: TechSmeFigures): TechSmeEvaluation {
  const eligibility = eligibilityChecks(f);
  const eligible = eligibility.every((c) => c.passed);
  const items = [stStaffItem(f), rdInputItem(f), stResultsItem(f)];
  const total = items.reduce((sum, i) => sum + i.points, 0);
  return { eligibility, eligible, items, total, ...verdict(eligible, total, items[0]!.points, f.direct_routes) };
}

/** Figures that contradict each other (more S&T staff than staff); the shapes are the contract's to check. */
export function figureProblems(f: Pick<TechSmeFigures, 'staff' | 'st_staff'>): Array<{ field: string; message: Message; code: string }> {
  if (f.st_staff <= f.staff) return [];
  return [{ field: 'st_staff', code: 'tech_sme.st_staff_above_staff', message: { zh: `科技人员数（${f.st_staff}）不能多于职工总数（${f.staff}）`, en: `S&T staff (${f.st_staff}) cannot exceed all staff (${f.staff})` } }];
}
