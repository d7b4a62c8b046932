import type { FieldProblem } from '../../../src/contracts/common';

/**
 * Where each server validation problem is shown: next to its form field (the API names fields
 * with dotted paths such as `four_global.global_tasks.confirmed_on`, which are antd name paths
 * split on dots), or — for fields the form does not have — in a list above the form.
 */

export interface FieldErrors {
  name: NamePath;
  errors: string[];
}

export interface GeneralProblem {
  /** The API's field name ('' for the whole body). */
  field: string;
  message: string;
}

export interface PlacedProblems {
  fields: FieldErrors[];
  general: GeneralProblem[];
}

export type NamePath = Array<string | number>;

/**
 * A dotted API path as antd's name path: an index of a Form.List item is a number there
 * (`pledged_items.0.number` → ['pledged_items', 0, 'number']), and antd matches names strictly.
 */
export const namePath = (field: string): NamePath => field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Splits problems between the form's fields (by dotted path) and the list above the form. */
export function placeProblems(errors: readonly FieldProblem[], formFields: readonly string[], side: 'zh' | 'en'): PlacedProblems {
  const known = new Set(formFields);
  const byField = new Map<string, string[]>();
  const general: GeneralProblem[] = [];
  for (const e of errors) {
    const message = e.message[side];
    if (known.has(e.field)) byField.set(e.field, [...(byField.get(e.field) ?? []), message]);
    else general.push({ field: e.field, message });
  }
  return { fields: [...byField].map(([field, msgs]) => ({ name: namePath(field), errors: msgs })), general };
}

/** Dotted paths of the leaves of antd's `changedValues` (nested for grouped fields). */
export function changedPaths(changed: object, prefix = ''): string[] {
  return Object.entries(changed).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? changedPaths(value as object, path) : [path];
  });
}

/** Problems still standing after the user edited `paths` (an edit answers its field's problems). */
export function withoutFields(errors: readonly FieldProblem[], paths: readonly string[]): FieldProblem[] {
  return errors.filter((e) => !paths.some((p) => e.field === p || e.field.startsWith(`${p}.`)));
}

/**
 * Problems the API names by list item (`districts.0`, `scopes.2`) moved onto the list's own field
 * (`districts`), for forms that edit the whole list in one control (a multi-select).
 */
export function foldListItems(errors: readonly FieldProblem[], listFields: readonly string[]): FieldProblem[] {
  return errors.map((e) => {
    const list = listFields.find((f) => new RegExp(`^${f.replace(/\./g, '\\.')}\\.\\d+$`).test(e.field));
    return list ? { ...e, field: list } : e;
  });
}
