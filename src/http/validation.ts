import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { listQuery, type FieldProblem } from '../contracts/common.js';
import { parseListQuery } from '../db/list/parse.js';
import type { ListSpec } from '../db/list/spec.js';
import type { RuleViolation } from '../domain/message.js';

/** Where a request value came from; field names of query and header problems say so. */
type Part = 'body' | 'querystring' | 'params' | 'headers';

/** A request that fails its contract; the error handler turns it into one 400 problem. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly problems: FieldProblem[]) {
    super('Request validation failed');
  }
}

/** Fastify validator: parse with the route's zod schema, keep every issue. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(issuesToProblems(result.error.issues, (httpPart ?? 'body') as Part)) };
  };

type Issue = z.core.$ZodIssue;

/** Translates zod issues into bilingual field problems; unknown keys become one problem each. */
export function issuesToProblems(issues: readonly Issue[], part: Part = 'body'): FieldProblem[] {
  const out: FieldProblem[] = [];
  const shapeFailed = new Set(issues.filter((i) => !isRuleIssue(i)).map((i) => i.path.map(String).join('.')));
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (isRuleIssue(issue) && shapeFailed.has(base)) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = base ? `${base}.${key}` : key;
        out.push({ field, code: 'unknown_field', message: { zh: `未知字段“${field}”`, en: `Unknown field "${field}"` } });
      }
      continue;
    }
    out.push(translate(issue, base || part));
  }
  return out;
}

function isRuleIssue(issue: Issue): boolean {
  return issue.code === 'custom' && (issue.params as { rule?: boolean } | undefined)?.rule === true;
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  // A path or query value coerced to a number arrives as NaN (or Infinity) when it was not one.
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return typeof input;
}

function translate(issue: Issue, field: string): FieldProblem {
  switch (issue.code) {
    case 'custom': {
      const v = (issue.params as { violation?: RuleViolation } | undefined)?.violation;
      if (v) return { field, code: v.code, message: v.message, ...(v.params ? { params: v.params } : {}) };
      return { field, code: 'invalid', message: { zh: '取值无效', en: issue.message } };
    }
    case 'invalid_type':
      if (issue.input === undefined) return { field, code: 'required', message: { zh: '必填', en: 'Required' } };
      return {
        field,
        code: 'invalid_type',
        message: { zh: `类型应为 ${issue.expected}，实为 ${describe(issue.input)}`, en: `Expected ${issue.expected}, got ${describe(issue.input)}` },
        params: { expected: issue.expected },
      };
    case 'too_big':
      return sizeProblem(field, 'too_long', issue.origin, Number(issue.maximum), 'max');
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { field, code: 'required', message: { zh: '不能为空', en: 'Must not be empty' } };
      return sizeProblem(field, 'too_short', issue.origin, Number(issue.minimum), 'min');
    case 'invalid_value': {
      // zod reports a missing enum field as a bad value; to the client it is simply missing.
      if (issue.input === undefined) return { field, code: 'required', message: { zh: '必填', en: 'Required' } };
      const allowed = issue.values.map(String).join(' | ');
      return { field, code: 'invalid_code', message: { zh: `取值无效，可选：${allowed}`, en: `Invalid value; allowed: ${allowed}` }, params: { allowed: issue.values.map(String) } };
    }
    case 'invalid_format':
      return { field, code: 'invalid_format', message: { zh: `格式无效（应为 ${issue.format}）`, en: `Invalid format (expected ${issue.format})` }, params: { format: issue.format } };
    default:
      return { field, code: 'invalid', message: { zh: '取值无效', en: issue.message } };
  }
}

function sizeProblem(field: string, code: string, origin: string, limit: number, side: 'min' | 'max'): FieldProblem {
  const isText = origin === 'string';
  const zhSide = side === 'max' ? '不能超过' : '不能少于';
  const enSide = side === 'max' ? 'at most' : 'at least';
  const code2 = isText ? code : side === 'max' ? 'too_big' : 'too_small';
  return {
    field,
    code: code2,
    message: isText
      ? { zh: `长度${zhSide} ${limit} 个字符`, en: `Must be ${enSide} ${limit} characters` }
      : { zh: `${zhSide} ${limit}`, en: `Must be ${enSide} ${limit}` },
    params: { [side]: limit },
  };
}

/** A domain check over a whole request body, reporting problems by field name. */
export type BodyRules = (input: Record<string, unknown>) => Array<RuleViolation & { field: string }>;

/**
 * Runs the domain rules in the same pass as the shape checks, so a reply lists every problem at
 * once. Rules see the body even when some fields failed, but not those fields: a null or a number
 * where text belongs is the shape check's to report, and would break a rule that expects text.
 */
export function withBodyRules<T extends z.ZodType>(schema: T, rules: BodyRules): T {
  return schema.superRefine(
    (value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      const checked = textOnly(value as Record<string, unknown>);
      for (const issue of ctx.issues) if (issue.code !== 'unrecognized_keys') dropPath(checked, issue.path ?? []);
      for (const v of rules(checked)) {
        ctx.addIssue({ code: 'custom', message: v.message.en, path: v.field.split('.'), params: { violation: v, rule: true } });
      }
    },
    { when: () => true },
  ) as T;
}

/**
 * Rules read text fields only; values of the wrong type are the shape check's to report. No
 * contract nests deeper than body → four_global → claim, so neither do the rules: a hostile,
 * deeply nested value must not exhaust the stack.
 */
function textOnly(value: Record<string, unknown>, depth = 3): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || v === null) out[k] = v;
    else if (depth > 1 && typeof v === 'object' && !Array.isArray(v)) out[k] = textOnly(v as Record<string, unknown>, depth - 1);
  }
  return out;
}

function dropPath(value: Record<string, unknown>, path: readonly PropertyKey[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const key = String(head);
  const inner = value[key];
  if (rest.length === 0) delete value[key];
  else if (typeof inner === 'object' && inner !== null) dropPath(inner as Record<string, unknown>, rest);
}

/**
 * The list query of one resource: its shape, and the fields its filter, sort and group_by name,
 * judged in one pass so that `per_page=500&filter=colour:red` reports both problems.
 */
export function listQueryFor(spec: ListSpec) {
  return listQuery.superRefine(
    (value, ctx) => {
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const page = Number.isInteger(value.page) ? value.page : undefined;
      const parsed = parseListQuery(spec, { filter: text(value.filter), sort: text(value.sort), group_by: text(value.group_by), cursor: text(value.cursor), page, per_page: 25 });
      if (parsed.ok) return;
      for (const p of parsed.problems) {
        ctx.addIssue({ code: 'custom', message: p.message.en, path: p.field.split('.'), params: { violation: p, rule: true } });
      }
    },
    { when: () => true },
  );
}
