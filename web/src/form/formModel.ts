/**
 * Between antd form values and API bodies. Forms hold text inputs as strings ('' when empty),
 * dates as `YYYY-MM-DD` strings and cleared selects as null/undefined; the API wants null for
 * "absent" and, on PATCH, only what changed.
 */

/** '' and whitespace become null: an optional text left empty is absent, not an empty string. */
export function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/** A cleared select or date (undefined) is null. */
export function valueOrNull<T>(value: T | null | undefined): T | null {
  return value === undefined ? null : value;
}

/** A record's nullable text as a form value. */
export const textValue = (value: string | null | undefined): string => value ?? '';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return a === b;
}

/**
 * The PATCH body: the keys of `after` whose value differs from `before`. For a nested group
 * (e.g. four_global) only the changed members are sent, each whole.
 */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (isPlainObject(a) && isPlainObject(b)) {
      const inner = Object.fromEntries(Object.keys(b).filter((k) => !same(a[k], b[k])).map((k) => [k, b[k]]));
      if (Object.keys(inner).length) out[key] = inner;
    } else if (!same(a, b)) out[key] = b;
  }
  return out as Partial<T>;
}

/** Leaves out required fields the user left empty, so the server reports them as "required". */
export function withoutEmpty<T extends Record<string, unknown>>(body: T, keys: readonly (keyof T)[]): T {
  const out = { ...body };
  for (const k of keys) if (out[k] === null || out[k] === undefined) delete out[k];
  return out;
}
