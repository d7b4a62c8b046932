import type { FieldProblem, Problem } from '../../../src/contracts/common';

/**
 * A failed API call, carrying the server's RFC 9457 problem document. Calls that never got a
 * problem back (network down, a proxy's HTML error page) get one synthesised here, so the UI
 * handles exactly one error shape.
 */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Languages a problem carries text in. */
export type ProblemLanguage = 'zh' | 'en';

export function synthesizedProblem(status: number, title: { zh: string; en: string }, detail?: string): Problem {
  return { type: 'about:blank', title: title.en, title_zh: title.zh, status, errors: [], ...(detail ? { detail } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts a parsed body as a problem document when it has the fields the UI relies on. */
export function asProblem(body: unknown, status: number): Problem {
  if (isRecord(body) && typeof body.title === 'string' && typeof body.status === 'number') {
    const errors = Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [];
    return { ...(body as Problem), title_zh: typeof body.title_zh === 'string' ? body.title_zh : body.title, errors };
  }
  return synthesizedProblem(status, { zh: `请求失败（HTTP ${status}）`, en: `Request failed (HTTP ${status})` });
}

/** The problem's title in the given language. */
export function problemTitle(problem: Problem, lang: ProblemLanguage): string {
  return lang === 'zh' ? problem.title_zh : problem.title;
}
