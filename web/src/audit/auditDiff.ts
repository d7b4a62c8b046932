/**
 * The field-by-field difference between an audit entry's `before` and `after` (the record as the
 * API showed it). Pure, so the drawer only renders what this decides.
 */

export type DiffKind = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  /** The record's field name; '' when the entry holds a single value rather than a record. */
  field: string;
  kind: DiffKind;
  /** The value as text (nested values as JSON); null when the field is absent on that side. */
  before: string | null;
  after: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values; object key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => k in a && k in b && sameValue(a[k], b[k]));
  }
  return a === b;
}

/** A value as one line of text: strings as they are, everything else as JSON (`null` included). */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

function row(field: string, before: unknown, after: unknown, hasBefore: boolean, hasAfter: boolean): DiffRow {
  const kind: DiffKind = !hasBefore ? 'added' : !hasAfter ? 'removed' : sameValue(before, after) ? 'same' : 'changed';
  return { field, kind, before: hasBefore ? showValue(before) : null, after: hasAfter ? showValue(after) : null };
}

/**
 * One row per field: in `before`'s order, then the fields only `after` has. A created record
 * (no before) is all `added`, a deleted one all `removed`. Entries that hold something other than
 * a record (a list, a number) compare as one value under the field ''.
 */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  const recordLike = (!hasBefore || isRecord(before)) && (!hasAfter || isRecord(after));
  if (!recordLike) return [row('', before, after, hasBefore, hasAfter)];
  const b = hasBefore ? (before as Record<string, unknown>) : {};
  const a = hasAfter ? (after as Record<string, unknown>) : {};
  const fields = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
  return fields.map((f) => row(f, b[f], a[f], f in b, f in a));
}

/** True when any row differs (an entry with only unchanged fields shows them all). */
export const hasChanges = (rows: readonly DiffRow[]): boolean => rows.some((r) => r.kind !== 'same');
