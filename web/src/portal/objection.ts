import type { Problem } from '../../../src/contracts/common';
import { placeProblems } from '../form/problemFields';

/**
 * The portal's objection form (异议): name, contact and the objection, sent to the existing
 * POST /notices/{id}/objections. Its problems — a blank field found before sending, or the
 * server's problem+json — show next to their fields, as the workspace's forms show them.
 */
export const OBJECTION_FIELDS = ['name', 'contact', 'text'] as const;
export type ObjectionField = (typeof OBJECTION_FIELDS)[number];
export type ObjectionValues = Record<ObjectionField, string>;

export interface ObjectionProblems {
  fields: Partial<Record<ObjectionField, string[]>>;
  /** What no field of the form holds: another field's problem, or the reply's title when it names none. */
  general: string[];
}

export const NO_PROBLEMS: ObjectionProblems = { fields: {}, general: [] };
export const EMPTY_OBJECTION: ObjectionValues = { name: '', contact: '', text: '' };

/** The values as sent: without the spaces around them. */
export function trimmed(values: ObjectionValues): ObjectionValues {
  return { name: values.name.trim(), contact: values.contact.trim(), text: values.text.trim() };
}

/** Every blank field, each with the "fill this in" text; none when the form can be sent. */
export function missingProblems(values: ObjectionValues, required: string): ObjectionProblems {
  const blank = OBJECTION_FIELDS.filter((f) => values[f].trim() === '');
  return { fields: Object.fromEntries(blank.map((f) => [f, [required]])), general: [] };
}

export function hasProblems(problems: ObjectionProblems): boolean {
  return problems.general.length > 0 || Object.values(problems.fields).some((m) => m.length > 0);
}

/** A refused objection's problems in the language asked for, each field's next to it. */
export function serverProblems(problem: Problem, side: 'zh' | 'en'): ObjectionProblems {
  const placed = placeProblems(problem.errors, OBJECTION_FIELDS, side);
  const fields = Object.fromEntries(placed.fields.map((f) => [String(f.name[0]), f.errors]));
  const general = placed.general.map((g) => (g.field ? `${g.field}: ${g.message}` : g.message));
  if (problem.errors.length === 0) general.push(side === 'zh' ? problem.title_zh : problem.title);
  return { fields, general };
}

/** An edit answers its field's problems; the others stay until the next send. */
export function afterEdit(problems: ObjectionProblems, field: ObjectionField): ObjectionProblems {
  if (!problems.fields[field]) return problems;
  return { ...problems, fields: Object.fromEntries(Object.entries(problems.fields).filter(([f]) => f !== field)) };
}
