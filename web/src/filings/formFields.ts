import type { FormField } from '../../../src/domain/workflow/definition';

/**
 * An application form generated from its filing type's `form` definition: which control each
 * field type gets, and the values between the API's `data` and antd's form store. A draft may
 * leave anything empty; the server judges what is filled in and, on submit, what is missing.
 */

export type FormValue = string | number | boolean | null;
export type ApplicationData = Record<string, FormValue>;
/** The form store: one entry per field, undefined or null or '' when empty. */
export type FormValues = Record<string, FormValue | undefined>;

export type Control =
  | { kind: 'text' }
  | { kind: 'longtext' }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'yesNo' }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'cityCode'; list: 'district' | 'zone' };

/** The control of a field type; `bool` is a yes/no choice, so "not answered" stays distinct from "no". */
export function controlOf(field: FormField): Control {
  switch (field.type) {
    case 'text':
      return { kind: 'text' };
    case 'longtext':
      return { kind: 'longtext' };
    case 'number':
      return { kind: 'number' };
    case 'date':
      return { kind: 'date' };
    case 'bool':
      return { kind: 'yesNo' };
    case 'code':
      return { kind: 'codes', codes: Object.keys(field.codes ?? {}) };
    case 'district':
    case 'zone':
      return { kind: 'cityCode', list: field.type };
  }
}

/** The form's starting values from what the server keeps (a number kept as text is read as a number). */
export function formValues(fields: readonly FormField[], data: Readonly<ApplicationData>): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = data[f.key];
    if (v === undefined || v === null) out[f.key] = f.type === 'text' || f.type === 'longtext' ? '' : null;
    else if (f.type === 'number' && typeof v === 'string') out[f.key] = v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
    else out[f.key] = v;
  }
  return out;
}

const isEmpty = (v: FormValue | undefined): v is null | undefined | '' => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The `data` to save: only filled fields of the form (whitespace-only text is empty), nothing else. */
export function formDataOf(fields: readonly FormField[], values: FormValues): ApplicationData {
  const out: ApplicationData = {};
  for (const f of fields) {
    const v = values[f.key];
    if (!isEmpty(v)) out[f.key] = v;
  }
  return out;
}

/** Required fields still empty: while any is, submitting is refused. */
export function missingRequired(fields: readonly FormField[], values: FormValues): string[] {
  return fields.filter((f) => f.required && isEmpty(values[f.key])).map((f) => f.key);
}

/** Whether the form holds something other than what the server has. */
export function dataChanged(fields: readonly FormField[], saved: Readonly<ApplicationData>, values: FormValues): boolean {
  const before = formDataOf(fields, formValues(fields, saved));
  const after = formDataOf(fields, values);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].some((k) => before[k] !== after[k]);
}

/** The least value a number should reach, for the hint under it (null when the criterion has none). */
export function minimumOf(field: FormField): { min: number; unit: FormField['unit'] | null } | null {
  return field.type === 'number' && field.min !== undefined ? { min: field.min, unit: field.unit ?? null } : null;
}

/** The form store's path of a field: problems the server names `data.<key>` show on it. */
export const fieldPath = (key: string): string => `data.${key}`;
