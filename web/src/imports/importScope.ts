import type { Me } from '../../../src/contracts/accounts';
import type { CodeLabels } from '../i18n/useCodeLabels';

/** The districts and zones an import is limited to, as the import record keeps them (`options`); both empty: the whole city. */
export interface ImportArea {
  districts: readonly string[];
  zones: readonly string[];
}

/**
 * The area the caller's imports are limited to: an officer's districts and zones, when the grant
 * to import reaches its area only (src/domain/permissions.ts); empty for the whole city. The server
 * judges every row (src/modules/imports/areaScope.ts); the wizard says so before the upload.
 */
export function importArea(me: Me | undefined): ImportArea {
  if (me?.permissions['imports.write'] !== 'area') return { districts: [], zones: [] };
  return { districts: [...(me.user?.districts ?? [])], zones: [...(me.user?.zones ?? [])] };
}

/**
 * The area's names, districts then zones, as one phrase of the UI language, as the server's
 * messages write them: 岳麓区、长沙高新区 / Yuelu District, Changsha High-tech Zone.
 */
export function areaPhrase(area: ImportArea, label: CodeLabels['label'], side: CodeLabels['side']): string {
  const names = [...area.districts.map((code) => label('district', code)), ...area.zones.map((code) => label('zone', code))];
  return names.join(side === 'zh' ? '、' : ', ');
}
