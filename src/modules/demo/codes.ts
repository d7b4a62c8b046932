import { orgCodeCheckCharacter, usccCheckCharacter } from '../../domain/uscc.js';

/** 登记管理部门 + 机构类别 (characters 1–2) the demo uses: 机关, 事业单位, 民办非企业单位, 企业. */
export type RegistrationType = '11' | '12' | '52' | '91';

/** Characters 9–11 of every demo code: no real organisation code starts with "DEM". */
const DEMO_MARK = 'DEM';
/** Letters of the credit-code alphabet (I, O, S, V, Z never occur). */
const LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';
const ALPHABET = `0123456789${LETTERS}`;
const DECIMAL_SERIALS = 100_000;
const MAX_SERIAL = DECIMAL_SERIALS + LETTERS.length * ALPHABET.length ** 4 - 1;

/**
 * Characters 12–16 of a demo code: five digits up to 99,999 (the 1× registry), then a letter and
 * four alphabet characters, so the 100× registry's 1.4 million organizations still get distinct codes.
 */
function serialCharacters(serial: number): string {
  if (serial < DECIMAL_SERIALS) return String(serial).padStart(5, '0');
  let rest = serial - DECIMAL_SERIALS;
  let tail = '';
  for (let i = 0; i < 4; i++) {
    tail = ALPHABET.charAt(rest % ALPHABET.length) + tail;
    rest = Math.floor(rest / ALPHABET.length);
  }
  return LETTERS.charAt(rest) + tail;
}

/**
 * A synthetic unified social credit code (统一社会信用代码): valid checksum and GB 11714 check
 * character, but an organisation code `DEM` + serial that belongs to no real organisation —
 * including the demo records of real, named organisations.
 */
export function demoUscc(type: RegistrationType, areaCode: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) throw new Error(`demo serial out of range: ${serial}`);
  const orgBase = `${DEMO_MARK}${serialCharacters(serial)}`;
  const first17 = `${type}${areaCode}${orgBase}${orgCodeCheckCharacter(orgBase) ?? ''}`;
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error(`not a code: ${first17}`);
  return first17 + check;
}
