import type { Me } from '../../../src/contracts/accounts';

/**
 * The districts the caller's imports are limited to: an officer's, when the grant to import
 * reaches its area only (src/domain/permissions.ts); empty for the whole city. The server judges
 * every row (src/modules/imports/districtScope.ts); the wizard says so before the upload.
 */
export function importDistricts(me: Me | undefined): string[] {
  return me?.permissions['imports.write'] === 'area' ? [...(me.user?.districts ?? [])] : [];
}

/** District names as one phrase of the UI language, as the server's messages write them: 岳麓区、芙蓉区 / Yuelu District, Furong District. */
export const districtPhrase = (names: readonly string[], side: 'zh' | 'en'): string => names.join(side === 'zh' ? '、' : ', ');
