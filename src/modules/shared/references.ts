import { conflict } from './errors.js';

/**
 * Institutions and platforms are keyed by (host organization, name): one name per host. `other` is
 * the record of that host and name the module's own query found, if any.
 */
export function assertNameFreeUnderHost(other: { id: number } | undefined, selfId?: number): void {
  if (other && other.id !== selfId)
    throw conflict({
      field: 'name',
      code: 'name.duplicate_under_host',
      message: { zh: `该依托单位下已有同名记录（编号 ${other.id}）`, en: `The host organization already has a record of this name (id ${other.id})` },
      params: { existing_id: other.id },
    });
}
