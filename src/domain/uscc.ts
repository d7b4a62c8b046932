import { violation, type CodeList, type Message, type RuleViolation } from './message.js';

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters —
 * [1] registering authority, [2] organisation type, [3–8] area code of the registering
 * authority (not the firm's location), [9–17] organisation code (GB 11714), [18] check character.
 */

/** The 31 characters a code may use, in value order (I, O, Z, S, V never occur). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Character code → value in ALPHABET, or -1: the checks run on every imported row. */
const ALPHABET_VALUES = Int8Array.from({ length: 128 }, (_, c) => ALPHABET.indexOf(String.fromCharCode(c)));
const alphabetValue = (charCode: number) => (charCode < 128 ? (ALPHABET_VALUES[charCode] ?? -1) : -1);
const LENGTH = 18;
/** W_i = 3^(i−1) mod 31 for i = 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 weights over characters 9–16. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The agreed [1–2] codes (登记管理部门 + 机构类别); other codes exist and are accepted undecoded. */
export const usccTypes = {
  '11': { zh: '机关', en: 'Government organ' },
  '12': { zh: '事业单位', en: 'Public institution' },
  '13': { zh: '群众团体', en: 'Mass organisation' },
  '19': { zh: '其他（机构编制）', en: 'Other (establishment administration)' },
  '51': { zh: '社会团体', en: 'Social organisation' },
  '52': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
  '53': { zh: '基金会', en: 'Foundation' },
  '59': { zh: '其他（民政）', en: 'Other (civil affairs)' },
  '91': { zh: '企业', en: 'Enterprise' },
  '92': { zh: '个体工商户', en: 'Individual business' },
  '93': { zh: '农民专业合作社', en: "Farmers' co-operative" },
  Y1: { zh: '其他', en: 'Other' },
} as const satisfies CodeList<string>;

/** Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ), as typed with a Chinese input method. */
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

/** A code already in normal form: the common case, returned without building new strings. */
const NORMAL = /^[0-9A-Z]*$/;

/** Trims, drops every whitespace (incl. U+3000), maps full-width letters/digits to ASCII, upper-cases. */
export function normalizeUscc(raw: string): string {
  if (NORMAL.test(raw)) return raw;
  return raw
    .replace(/[\s\u3000]+/g, '')
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The expected 18th character for 17 characters, or null if any is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== LENGTH - 1) return null;
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const value = alphabetValue(first17.charCodeAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 check digit for characters 9–16 (digits as value, A=10 … Z=35); null if not alphanumeric. */
export function orgCodeCheckCharacter(first8: string): string | null {
  if (first8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (value < 0) return null;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export interface UsccResult {
  normalized: string;
  /** Problems that make the code unacceptable. */
  violations: RuleViolation[];
  /** Problems a person should look at but that do not block saving. */
  warnings: RuleViolation[];
}

/**
 * Checks a code after normalising it. `allowChecksumOverride` is the administrator override for
 * early pilot codes that were legally issued but fail the checksum: the failure becomes a warning.
 */
export function validateUscc(raw: string, opts: { allowChecksumOverride?: boolean } = {}): UsccResult {
  const normalized = normalizeUscc(raw);
  const violations: RuleViolation[] = [];
  const warnings: RuleViolation[] = [];
  const lengthProblem = checkLength(normalized);
  const alphabetProblem = checkAlphabet(normalized);
  if (lengthProblem) violations.push(lengthProblem);
  if (alphabetProblem) violations.push(alphabetProblem);
  if (lengthProblem || alphabetProblem) return { normalized, violations, warnings };

  const checksumProblem = checkChecksum(normalized, opts.allowChecksumOverride === true);
  if (checksumProblem?.code === 'uscc.checksum') violations.push(checksumProblem);
  else if (checksumProblem) warnings.push(checksumProblem);
  const orgCodeProblem = checkOrgCode(normalized);
  if (orgCodeProblem) warnings.push(orgCodeProblem);
  return { normalized, violations, warnings };
}

function checkLength(code: string): RuleViolation | null {
  if (code.length === LENGTH) return null;
  return violation(
    'uscc.length',
    `统一社会信用代码应为18位，实为${code.length}位`,
    `A unified social credit code has 18 characters, not ${code.length}`,
    { length: code.length },
  );
}

/**
 * A wrong 18th character alone is left to the checksum check, which can name the right one
 * (the published vector 91350100M000100Y4Z is a checksum failure, not an alphabet one).
 */
function checkAlphabet(code: string): RuleViolation | null {
  // The check character (18th) is the checksum's to judge.
  const judged = code.length === LENGTH ? LENGTH - 1 : code.length;
  let clean = true;
  for (let i = 0; i < judged && clean; i++) clean = alphabetValue(code.charCodeAt(i)) >= 0;
  if (clean) return null;
  const bad = [...code].map((c, i) => ({ c, position: i + 1 })).filter(({ c }) => !ALPHABET.includes(c));
  const onlyCheckCharacter = code.length === LENGTH && bad.length === 1 && bad[0]?.position === LENGTH;
  if (bad.length === 0 || onlyCheckCharacter) return null;
  const chars = [...new Set(bad.map(({ c }) => c))];
  const positions = bad.map(({ position }) => position);
  return violation(
    'uscc.alphabet',
    `统一社会信用代码含有不允许的字符 ${chars.join('、')}（第${positions.join('、')}位）；字母 I、O、Z、S、V 不会出现`,
    `The unified social credit code contains characters that are not allowed: ${chars.join(', ')} ` +
      `(position ${positions.join(', ')}); the letters I, O, Z, S and V never occur`,
    { chars: chars.join(''), positions: positions.join(',') },
  );
}

/** Expects a code of the right length and alphabet. */
function checkChecksum(code: string, overridden: boolean): RuleViolation | null {
  const expected = usccCheckCharacter(code.slice(0, LENGTH - 1));
  const actual = code.charAt(LENGTH - 1);
  if (expected === null || expected === actual) return null;
  const params = { expected, actual };
  return overridden
    ? violation(
        'uscc.checksum_overridden',
        `统一社会信用代码校验位应为 ${expected}，实为 ${actual}；已由管理员确认放行`,
        `Unified social credit code: check character should be ${expected}, not ${actual}; accepted by an administrator override`,
        params,
      )
    : violation(
        'uscc.checksum',
        `统一社会信用代码校验位应为 ${expected}，实为 ${actual}`,
        `Unified social credit code: check character should be ${expected}, not ${actual}`,
        params,
      );
}

/** The GB 11714 organisation-code check on characters 9–17; a warning only, since sources disagree. */
function checkOrgCode(code: string): RuleViolation | null {
  const expected = orgCodeCheckCharacter(code.slice(8, 16));
  const actual = code.charAt(16);
  if (expected === null || expected === actual) return null;
  return violation(
    'uscc.org_code_check',
    `第9–17位组织机构代码的校验码应为 ${expected}，实为 ${actual}，请核对`,
    `The organisation code in characters 9–17 should end in ${expected}, not ${actual}; please verify`,
    { expected, actual },
  );
}

export interface DecodedUscc {
  /** [1] 登记管理部门代码. */
  registeringAuthority: string;
  /** [2] 机构类别代码. */
  organisationType: string;
  /** Label of the agreed [1–2] code, or null for codes the sources disagree on. */
  typeLabel: Message | null;
  /** [3–8] area code of the registering authority — not where the organisation is. */
  areaCode: string;
  /** [9–17] organisation code (组织机构代码), its check digit included. */
  organisationCode: string;
}

/** Splits a code into its parts; meant for codes that passed `validateUscc`. */
export function decodeUscc(code: string): DecodedUscc {
  const normalized = normalizeUscc(code);
  const type = normalized.slice(0, 2);
  return {
    registeringAuthority: normalized.slice(0, 1),
    organisationType: normalized.slice(1, 2),
    typeLabel: Object.hasOwn(usccTypes, type) ? usccTypes[type as keyof typeof usccTypes] : null,
    areaCode: normalized.slice(2, 8),
    organisationCode: normalized.slice(8, 17),
  };
}
