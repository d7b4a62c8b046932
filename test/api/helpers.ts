import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { problem, type FieldProblem, type Problem } from '../../src/contracts/common.js';
import type { Queryable } from '../../src/db/client.js';

/** Assertions every API test file shares: problem replies and "nothing was written". */

/**
 * Checks a reply is an RFC 9457 problem of `status` with bilingual titles and messages, and that
 * it names exactly the fields `fields` when given (order-free; a field may carry several
 * problems); returns the parsed problem.
 */
export function expectProblem(res: LightMyRequestResponse, status: number, fields?: string[]): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = problem.parse(res.json());
  expect(body.status).toBe(status);
  expect(body.title).not.toBe('');
  expect(body.title_zh).not.toBe('');
  for (const e of body.errors) {
    expect(e.message.zh, `zh message of ${e.field}`).not.toBe('');
    expect(e.message.en, `en message of ${e.field}`).not.toBe('');
  }
  if (fields) expect([...new Set(body.errors.map((e) => e.field))].sort()).toEqual([...fields].sort());
  return body;
}

/** The one problem about `field` (fails if there is none, or more than one). */
export function errorAt(p: Problem, field: string): FieldProblem {
  const found = p.errors.filter((e) => e.field === field);
  expect(found, `problems at ${field}: ${JSON.stringify(p.errors)}`).toHaveLength(1);
  return found[0]!;
}

export type Table = 'organizations' | 'qualifications' | 'rd_institutions' | 'platforms' | 'tech_contracts';

export async function rowCount(db: Queryable, table: Table): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

/** Row counts of every registry table, to show a rejected write left the database as it was. */
export async function snapshot(db: Queryable): Promise<Record<Table, number>> {
  const tables: Table[] = ['organizations', 'qualifications', 'rd_institutions', 'platforms', 'tech_contracts'];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await rowCount(db, t)] as const))) as Record<Table, number>;
}

/** One stored row as the database holds it, to show a rejected update changed nothing. */
export async function storedRow(db: Queryable, table: Table, id: number): Promise<Record<string, unknown> | undefined> {
  const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  return rows[0];
}

/** POST and PATCH on one resource, and a POST that must be refused without writing anything. */
export function resourceClient(app: FastifyInstance, db: Queryable, path: string) {
  const post = (payload: unknown) => app.inject({ method: 'POST', url: `/api/v1/${path}`, payload: payload as object });
  const patch = (id: number, payload: unknown, version = 1) =>
    app.inject({ method: 'PATCH', url: `/api/v1/${path}/${id}`, payload: payload as object, headers: { 'if-match': `"${version}"` } });
  const refused = async (payload: unknown, status: number, fields: string[]) => {
    const before = await snapshot(db);
    const p = expectProblem(await post(payload), status, fields);
    expect(await snapshot(db)).toEqual(before);
    return p;
  };
  return { post, patch, refused };
}

/**
 * The routes Fastify actually serves, read from its route tree (one line per node, four
 * characters of indentation per level), so a route added without documentation is caught.
 */
export function servedRoutes(app: FastifyInstance): Array<{ path: string; method: string }> {
  const stack: string[] = [];
  const routes: Array<{ path: string; method: string }> = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2];
    stack.push(path);
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) routes.push({ path, method: method.toLowerCase() });
  }
  return routes;
}
