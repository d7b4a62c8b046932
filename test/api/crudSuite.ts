import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Queryable } from '../../src/db/client.js';
import { errorAt, expectProblem, rowCount, snapshot, storedRow, type Table } from './helpers.js';

/**
 * The behaviour every registry resource shares through crudRoutes: create/get/list replies that
 * satisfy their contracts, ids checked, optimistic concurrency on update and delete, and nothing
 * written by a refused request. Each resource file runs it with its own factory.
 */
export interface CrudSuite {
  app: FastifyInstance;
  db: Queryable;
  /** URL segment under /api/v1, e.g. 'rd-institutions'. */
  path: string;
  table: Table;
  item: z.ZodType<{ id: number; version: number }>;
  list: z.ZodType<{ meta: { count: number }; results: Array<{ id: number }> }>;
  /** A valid create body (a fresh one per call, unique natural key). */
  input: () => Promise<Record<string, unknown>>;
  /** A valid change, and how to read it back from the item. */
  change: { body: Record<string, unknown>; field: string };
}

const BAD_IDS = ['abc', '0', '-1', '1.5', '2147483648'];
const MISSING_ID = 2_147_483_647;

export function crudSuite(s: CrudSuite) {
  const base = `/api/v1/${s.path}`;
  const post = (payload: unknown) => s.app.inject({ method: 'POST', url: base, payload: payload as object });
  const patch = (id: number | string, payload: unknown, ifMatch?: string) =>
    s.app.inject({ method: 'PATCH', url: `${base}/${id}`, payload: payload as object, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
  const remove = (id: number | string, ifMatch?: string) => s.app.inject({ method: 'DELETE', url: `${base}/${id}`, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
  const get = (id: number | string) => s.app.inject({ method: 'GET', url: `${base}/${id}` });
  const make = async () => {
    const res = await post(await s.input());
    expect(res.statusCode, res.body).toBe(201);
    return s.item.parse(res.json());
  };
  const read = (item: unknown) => (item as Record<string, unknown>)[s.change.field];

  describe(`${s.path}: shared CRUD behaviour`, () => {
    it('creates: 201 with the record, ETag "1" and its Location; GET returns the same', async () => {
      const before = await rowCount(s.db, s.table);
      const res = await post(await s.input());
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const created = s.item.parse(res.json());
      expect(created.version).toBe(1);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`${base}/${created.id}`);
      expect(await rowCount(s.db, s.table)).toBe(before + 1);

      const again = await get(created.id);
      expect(again.statusCode).toBe(200);
      expect(again.headers.etag).toBe('"1"');
      expect(s.item.parse(again.json())).toEqual(created);
    });

    it('answers 404 problem+json for an id that does not exist', async () => {
      const p = expectProblem(await get(MISSING_ID), 404, []);
      expect(p.detail).toContain(String(MISSING_ID));
    });

    it.each(BAD_IDS)('answers 400 naming id for the bad id %j on GET, PATCH and DELETE', async (bad) => {
      const before = await snapshot(s.db);
      for (const res of [await get(bad), await patch(bad, s.change.body, '"1"'), await remove(bad)]) {
        errorAt(expectProblem(res, 400, ['id']), 'id');
      }
      expect(await snapshot(s.db)).toEqual(before);
    });

    it('lists records in the list envelope', async () => {
      const created = await make();
      const res = await s.app.inject({ method: 'GET', url: `${base}?per_page=200` });
      expect(res.statusCode).toBe(200);
      const page = s.list.parse(res.json());
      expect(page.meta.count).toBe(await rowCount(s.db, s.table));
      expect(page.results.map((r) => r.id)).toContain(created.id);
    });

    it('updates with If-Match: version + 1, the change stored and a new ETag', async () => {
      const created = await make();
      const res = await patch(created.id, s.change.body, `"${created.version}"`);
      expect(res.statusCode, res.body).toBe(200);
      const updated = s.item.parse(res.json());
      expect(updated.version).toBe(created.version + 1);
      expect(res.headers.etag).toBe(`"${updated.version}"`);
      expect(read(updated)).toEqual(s.change.body[s.change.field]);
      expect(s.item.parse((await get(created.id)).json())).toEqual(updated);
    });

    it('takes the version from the body, or a weak ETag, instead of a strong If-Match', async () => {
      const created = await make();
      const viaBody = await patch(created.id, { ...s.change.body, version: created.version });
      expect(viaBody.statusCode, viaBody.body).toBe(200);
      const viaWeak = await patch(created.id, s.change.body, `W/"${created.version + 1}"`);
      expect(viaWeak.statusCode, viaWeak.body).toBe(200);
      expect(s.item.parse(viaWeak.json()).version).toBe(created.version + 2);
    });

    it('refuses a stale If-Match with 412 naming the current version, and changes nothing', async () => {
      const created = await make();
      expect((await patch(created.id, s.change.body, '"1"')).statusCode).toBe(200);
      const stored = await storedRow(s.db, s.table, created.id);
      const p = expectProblem(await patch(created.id, s.change.body, '"1"'), 412, ['version']);
      expect(errorAt(p, 'version')).toMatchObject({ code: 'version.stale', params: { current: 2 } });
      expect(await storedRow(s.db, s.table, created.id)).toEqual(stored);
    });

    it('refuses a stale body version with 412 as well', async () => {
      const created = await make();
      expect((await patch(created.id, s.change.body, '"1"')).statusCode).toBe(200);
      const stored = await storedRow(s.db, s.table, created.id);
      expectProblem(await patch(created.id, { ...s.change.body, version: 1 }), 412, ['version']);
      expect(await storedRow(s.db, s.table, created.id)).toEqual(stored);
    });

    it('refuses an update that names no version with 428, and changes nothing', async () => {
      const created = await make();
      const stored = await storedRow(s.db, s.table, created.id);
      const p = expectProblem(await patch(created.id, s.change.body), 428, ['If-Match']);
      expect(errorAt(p, 'If-Match').code).toBe('version.required');
      expectProblem(await patch(created.id, s.change.body, 'not-a-version'), 428, ['If-Match']);
      expect(await storedRow(s.db, s.table, created.id)).toEqual(stored);
    });

    it('answers 404 for an update of a record that does not exist', async () => {
      expectProblem(await patch(MISSING_ID, s.change.body, '"1"'), 404, []);
    });

    it('refuses an unknown field on create and on update, naming it, and writes nothing', async () => {
      const before = await snapshot(s.db);
      errorAt(expectProblem(await post({ ...(await s.input()), colour: 'red' }), 400, ['colour']), 'colour');
      const afterInput = await snapshot(s.db);
      const created = await make();
      const stored = await storedRow(s.db, s.table, created.id);
      expect(errorAt(expectProblem(await patch(created.id, { ...s.change.body, colour: 'red' }, '"1"'), 400, ['colour']), 'colour').code).toBe('unknown_field');
      expect(await storedRow(s.db, s.table, created.id)).toEqual(stored);
      // The factory may have created a host organization for the refused input; nothing else.
      expect(afterInput[s.table]).toBe(before[s.table]);
    });

    it('refuses a body version that is not a positive integer, naming version', async () => {
      const created = await make();
      for (const version of [0, -1, 1.5, '1', 99_999_999_999]) {
        errorAt(expectProblem(await patch(created.id, { ...s.change.body, version }), 400, ['version']), 'version');
      }
      expect((await storedRow(s.db, s.table, created.id))?.version).toBe(1);
    });

    it('deletes: 204 with no body, then 404 on GET and on a second DELETE', async () => {
      const created = await make();
      const res = await remove(created.id);
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
      expectProblem(await get(created.id), 404, []);
      expectProblem(await remove(created.id), 404, []);
      expect(await storedRow(s.db, s.table, created.id)).toBeUndefined();
    });

    it('honours If-Match on delete: stale → 412 and the row stays; current → 204', async () => {
      const created = await make();
      expect((await patch(created.id, s.change.body, '"1"')).statusCode).toBe(200);
      expect(errorAt(expectProblem(await remove(created.id, '"1"'), 412, ['version']), 'version').params).toEqual({ current: 2 });
      expect(await storedRow(s.db, s.table, created.id)).toBeDefined();
      expect((await remove(created.id, '"2"')).statusCode).toBe(204);
    });

    it('lets exactly one of two concurrent updates of the same version win', async () => {
      const created = await make();
      const [a, b] = await Promise.all([patch(created.id, s.change.body, '"1"'), patch(created.id, s.change.body, '"1"')]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      const loser = a.statusCode === 412 ? a : b;
      expect(errorAt(expectProblem(loser, 412, ['version']), 'version').params).toEqual({ current: 2 });
      expect((await storedRow(s.db, s.table, created.id))?.version).toBe(2);
    });
  });
}
