import type { RuleViolation } from './message.js';

/**
 * Industry codes of GB/T 4754-2017 (国民经济行业分类): a section letter (门类, A–T) and a
 * four-digit class (小类) whose first two digits are a division (大类) of that section, e.g.
 * C3514 (建筑工程用机械制造). The registry keeps an organization's class; a chain rule names a
 * section, division, group or class (C, C35, C351, C3514) and takes every code it starts.
 */

/** Each section's first and last division. */
const SECTIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

/** The section a division belongs to, or undefined for a division GB/T 4754 does not have. */
function sectionOf(division: number): string | undefined {
  return Object.keys(SECTIONS).find((s) => division >= SECTIONS[s]![0] && division <= SECTIONS[s]![1]);
}

/** Whether the digits after a section letter start with one of its divisions (none: the section alone). */
const divisionFits = (section: string, digits: string): boolean => digits === '' || sectionOf(Number(digits.slice(0, 2))) === section;

/** An organization's code as typed: trimmed, upper case, the section letter added before four bare digits (3514 → C3514). */
export function normalizeIndustryCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^\d{4}$/.test(code)) return code;
  const section = sectionOf(Number(code.slice(0, 2)));
  return section ? `${section}${code}` : code;
}

/** An organization's industry code as typed (normalised first): a class of GB/T 4754-2017 (letter and four digits, the division in the section). */
export function checkIndustryCode(code: string): RuleViolation | null {
  const m = /^([A-T])(\d{4})$/.exec(normalizeIndustryCode(code));
  if (m && divisionFits(m[1]!, m[2]!)) return null;
  return {
    code: 'industry_code.invalid',
    message: {
      zh: `“${code}”不是国民经济行业分类（GB/T 4754-2017）的小类代码：应为门类字母加四位数字，前两位是该门类的大类，例如 C3514`,
      en: `"${code}" is not a GB/T 4754-2017 industry class: a section letter and four digits whose first two are a division of that section, e.g. C3514`,
    },
    params: { value: code },
  };
}

/** Whether a rule's prefix is a section, division, group or class of GB/T 4754-2017 (C, C35, C351, C3514). */
export function isIndustryCodePrefix(prefix: string): boolean {
  const m = /^([A-T])(\d{2}\d{0,2})?$/.exec(prefix);
  return m !== null && divisionFits(m[1]!, m[2] ?? '');
}
