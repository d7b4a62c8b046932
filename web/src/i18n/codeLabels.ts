import type { RegistryMeta } from '../../../src/contracts/meta';

/**
 * Code lists the UI labels from /api/v1/meta: the city's districts and zones, and the registry's
 * enumerations (same names as `code_lists` in the meta reply).
 */
export type CodeListName =
  | 'district'
  | 'zone'
  | 'organization_kind'
  | 'qualification'
  | 'rd_institution_category'
  | 'level'
  | 'platform_type'
  | 'platform_status'
  | 'four_global_feature'
  | 'talent_category'
  | 'talent_mode'
  | 'recruitment_call_status'
  | 'contract_type'
  | 'contract_sub_type'
  | `contract_sub_type.${string}`
  | 'contract_flow'
  | 'contract_status'
  | 'not_registered_reason'
  | 'technology_field'
  | 'programme'
  | 'achievement_type'
  | 'achievement_flag'
  | 'project_status'
  | 'transfer_mode';

export interface CodeOption {
  value: string;
  label: string;
}

type Entry = RegistryMeta['code_lists'][string][number];

function entriesOf(meta: RegistryMeta, list: CodeListName): Entry[] {
  if (list === 'district') return meta.city.districts;
  if (list === 'zone') return meta.city.zones;
  return meta.code_lists[list] ?? [];
}

/** Options for a select, in the server's display order. */
export function codeOptions(meta: RegistryMeta | undefined, list: CodeListName, side: 'zh' | 'en'): CodeOption[] {
  return meta ? entriesOf(meta, list).map((e) => ({ value: e.code, label: e.label[side] })) : [];
}

/**
 * The label of a code; a retired district says so, and an unknown code (or meta not yet loaded)
 * shows the code itself rather than nothing.
 */
export function codeLabel(meta: RegistryMeta | undefined, list: CodeListName, code: string, side: 'zh' | 'en'): string {
  if (!meta) return code;
  const entry = entriesOf(meta, list).find((e) => e.code === code);
  if (entry) return entry.label[side];
  const retired = list === 'district' ? meta.city.retired_districts.find((d) => d.code === code) : undefined;
  return retired ? `${retired.label[side]} (${code})` : code;
}
