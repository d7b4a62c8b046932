import { orgCodeCheckCharacter, usccCheckCharacter } from '../../domain/uscc.js';

/** 登记管理部门 + 机构类别 (characters 1–2) the demo uses: 机关, 事业单位, 民办非企业单位, 企业. */
export type RegistrationType = '11' | '12' | '52' | '91';

/** Characters 9–11 of every demo code: no real organisation code starts with "DEM". */
const DEMO_MARK = 'DEM';

/**
 * A synthetic unified social credit code (统一社会信用代码): valid checksum and GB 11714 check
 * character, but an organisation code `DEM` + serial that belongs to no real organisation —
 * including the demo records of real, named organisations.
 */
export function demoUscc(type: RegistrationType, areaCode: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 99_999) throw new Error(`demo serial out of range: ${serial}`);
  const orgBase = `${DEMO_MARK}${String(serial).padStart(5, '0')}`;
  const first17 = `${type}${areaCode}${orgBase}${orgCodeCheckCharacter(orgBase) ?? ''}`;
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error(`not a code: ${first17}`);
  return first17 + check;
}
