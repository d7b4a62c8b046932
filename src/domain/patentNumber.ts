import { violation, type CodeList, type RuleViolation } from './message.js';

/**
 * Chinese patent application numbers (专利申请号, CNIPA): the 8-digit form used until 2003
 * (YY + type + 5-digit serial) and the 12-digit form since (YYYY + type + 7-digit serial), each
 * followed by a check character. A granted patent's number is ZL + the application number. The
 * check character is Σ digitᵢ × weightᵢ mod 11 with weights 2, 3, …, 9, 2, 3, … from the left;
 * a remainder of 10 is written X.
 */

export const patentTypes = {
  invention: { zh: '发明', en: 'Invention' },
  utility_model: { zh: '实用新型', en: 'Utility model' },
  design: { zh: '外观设计', en: 'Design' },
  pct_invention: { zh: '进入中国国家阶段的 PCT 发明', en: 'PCT invention (Chinese national phase)' },
  pct_utility_model: { zh: '进入中国国家阶段的 PCT 实用新型', en: 'PCT utility model (Chinese national phase)' },
} as const satisfies CodeList<string>;
export type PatentType = keyof typeof patentTypes;

const typeByDigit: Readonly<Record<string, PatentType>> = { '1': 'invention', '2': 'utility_model', '3': 'design', '8': 'pct_invention', '9': 'pct_utility_model' };

export interface PatentNumber {
  form: 'eight_digit' | 'twelve_digit';
  year: number;
  type: PatentType;
  serial: string;
  check: string;
  /** The application number as CNIPA prints it: digits, a dot, the check character ("201780002397.X"). */
  application: string;
  /** The granted patent's number ("ZL201780002397.X"). */
  patent: string;
}

/** The check character of the 8 or 12 digits before it; null when they are not such digits. */
export function patentCheckCharacter(digits: string): string | null {
  if (!/^(\d{8}|\d{12})$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (2 + (i % 8));
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/**
 * The number as typed, reduced to digits and check character: full-width characters folded,
 * spaces dropped (CNIPA allows one between year, type and serial), a leading ZL or CN removed,
 * and the dot before the check character (., ·, or none) taken out; a dot anywhere else stays, and fails.
 */
export function normalizePatentNumber(input: string): string {
  const folded = input.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
  return folded.replace(/^(ZL|CN)/, '').replace(/[.·](?=[\dX]$)/, '');
}

/** The 8-digit form's two-digit year: 85–99 are 1985–1999 (the Patent Law took effect in 1985), 00–03 are 2000–2003. */
function eightDigitYear(yy: number): number | null {
  if (yy >= 85) return 1900 + yy;
  return yy <= 3 ? 2000 + yy : null;
}

const formatProblem = (input: string) =>
  violation(
    'patent.format',
    `“${input}”不是专利申请号或专利号：应为 12 位数字（2003 年起，如 ZL201780002397.X）或 8 位数字（2003 年前，如 ZL95115608.X）加校验位`,
    `"${input}" is not a patent application or patent number: 12 digits (since 2003, e.g. ZL201780002397.X) or 8 digits (before 2003, e.g. ZL95115608.X) and a check character`,
    { value: input },
  );

/** Parses, checks and names a patent (application) number, or says what is wrong with it. */
export function parsePatentNumber(input: string): PatentNumber | RuleViolation {
  const s = normalizePatentNumber(input);
  const m = /^(\d{8}|\d{12})([\dX])$/.exec(s);
  if (!m) return formatProblem(input);
  const [, digits = '', check = ''] = m;
  const twelve = digits.length === 12;
  const year = twelve ? Number(digits.slice(0, 4)) : eightDigitYear(Number(digits.slice(0, 2)));
  if (year === null || year < (twelve ? 2003 : 1985))
    return violation('patent.year', `“${input}”的申请年份无效`, `"${input}" has no valid application year`, { value: input });
  const typeDigit = digits.charAt(twelve ? 4 : 2);
  const type = typeByDigit[typeDigit];
  if (!type)
    return violation('patent.type', `“${input}”的专利类型代码 ${typeDigit} 无效（应为 1、2、3、8 或 9）`, `"${input}" has an unknown patent type code ${typeDigit} (1, 2, 3, 8 or 9)`, { value: input, type: typeDigit });
  const expected = patentCheckCharacter(digits)!;
  if (check !== expected)
    return violation('patent.check_digit', `“${input}”的校验位应为 ${expected}，而不是 ${check}`, `The check character of "${input}" should be ${expected}, not ${check}`, { value: input, expected });
  const application = `${digits}.${check}`;
  return { form: twelve ? 'twelve_digit' : 'eight_digit', year, type, serial: digits.slice(twelve ? 5 : 3), check, application, patent: `ZL${application}` };
}

export const isPatentNumber = (v: PatentNumber | RuleViolation): v is PatentNumber => 'application' in v;
