import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem, type ListQuery } from '../../contracts/common.js';
import type { Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { ListPage } from '../../db/list/sql.js';
import type { Message } from '../../domain/message.js';
import type { Permission, RecordScope } from '../../domain/permissions.js';
import { listQueryFor, withBodyRules, type BodyRules } from '../../http/validation.js';
import { requestActor } from '../audit/trail.js';
import type { AppContext, ServiceContext } from './context.js';
import { authorize, limitedReach, type Access, type Principal } from './principal.js';
import { expectedVersion } from './records.js';
import { etag, write, type RecordLock, type Versioned } from './write.js';

const readErrors = { 400: problem, 500: problem } as const;
const writeErrors = { 400: problem, 404: problem, 409: problem, 412: problem, 413: problem, 415: problem, 428: problem, 500: problem } as const;

/** One registry resource: its contracts and its use cases. Every resource gets the same five routes. */
export interface CrudResource<Item extends { id: number; version: number }, Create, Patch extends { version?: number | undefined }, Row extends Versioned> {
  /** The app the use cases run on; each write goes through `write` (shared/write.ts). */
  ctx: AppContext;
  /** The table behind the resource, named in the audit log. */
  table: string;
  /** What a 404 calls the record. */
  entity: Message;
  path: string;
  tag: string;
  noun: string;
  schemas: { create: z.ZodType<Create>; patch: z.ZodType<Patch>; item: z.ZodType; list: z.ZodType };
  rules?: BodyRules;
  /** What the list may filter, sort and group on, so the route reports query problems with shape problems. */
  listSpec: ListSpec;
  /** The caller is given for records that are not public (`readAccess`): its reach decides what it sees. */
  list(ctx: ServiceContext, query: ListQuery, principal: Principal): Promise<ListPage<Item>>;
  get(ctx: ServiceContext, id: number, principal: Principal): Promise<Item>;
  /**
   * Who may read: the registry's readers (`registry.read`) unless said — a permission of its own
   * when the records are someone's business (a contract is its seller's), `public` for notices.
   */
  readAccess?: Access;
  /** The stored row, locked for the write that reads it: the one read of the record a write makes. */
  lock(db: Queryable, id: number): Promise<Row | undefined>;
  present(row: Row): Item;
  /** The item as this caller may see it in a reply (a talent introduction masks personal data); the item itself by default. */
  shownTo?(item: Item, principal: Principal): Item;
  /** The item as the audit log keeps it (personal data masked: the log is kept for ever); the item itself by default. */
  audited?(item: Item): unknown;
  create(ctx: ServiceContext, input: Create): Promise<Item>;
  update(ctx: ServiceContext, id: number, version: number, patch: Patch, current: Row): Promise<Item>;
  remove(ctx: ServiceContext, id: number, version: number | undefined): Promise<void>;
  /** The permission each write needs (src/domain/permissions.ts). */
  access: { create: Permission; update: Permission; remove: Permission };
  /**
   * What a caller of limited reach may not do beyond where the record lies (an organization user
   * edits drafts only): throws. Given the stored row (none for a create) and the body (none for a delete).
   */
  restrict?(principal: Principal, current: Row | undefined, body: Record<string, unknown> | undefined): void;
  /** Whose a record is and where, for the record-level check (an org user's organizations, an officer's area). */
  scope: {
    /** A stored record's scope, read off its locked row. */
    of(row: Row): RecordScope;
    /** The scope a new record, or a stored one (`current`) changed by the body, will have. */
    after(db: Queryable, body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope>;
  };
}

/**
 * list / get / create / update (If-Match) / delete — thin: validate, authorize, call the service,
 * shape the reply. Reads need `registry.read` unless `readAccess` says otherwise; each write needs its
 * permission (checked before the body is read) and must reach the record as it is and as it will
 * be (checked on the locked row), and is recorded in the audit log in its own transaction.
 */
export function crudRoutes<Item extends { id: number; version: number }, Create, Patch extends { version?: number | undefined }, Row extends Versioned>(res: CrudResource<Item, Create, Patch, Row>) {
  const body = <T extends z.ZodType>(s: T) => (res.rules ? withBodyRules(s, res.rules) : s);
  const a = /^[aeiou]/i.test(res.noun) ? `an ${res.noun}` : `a ${res.noun}`;
  const shown = (item: Item, principal: Principal) => (res.shownTo ? res.shownTo(item, principal) : item);
  const audited = (item: Item) => (res.audited ? res.audited(item) : item);
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = [res.tag];
    const one = `${res.path}/:id`;
    const record = (id: number, permission: Permission, body?: Record<string, unknown>, also?: (db: Queryable, current: RecordScope) => Promise<unknown>) => (principal: Principal, version: () => number | undefined): RecordLock<Row> => ({
      id,
      noun: res.entity,
      lock: res.lock,
      expectedVersion: version,
      // An administrator or a city-wide officer reaches every record: nothing to look at.
      guard: async (row: Row, db: Queryable) => {
        if (!limitedReach(principal, permission)) return;
        const current = res.scope.of(row);
        authorize(principal, permission, current);
        res.restrict?.(principal, row, body);
        await also?.(db, current);
      },
    });

    const read = { config: { access: res.readAccess ?? ('registry.read' as const) } };
    r.get(res.path, { ...read, schema: { tags, summary: `List ${res.noun}s`, querystring: listQueryFor(res.listSpec), response: { 200: res.schemas.list, ...readErrors } } }, (req) => res.list(res.ctx, req.query, req.principal));

    r.get(one, { ...read, schema: { tags, summary: `Get ${a}`, params: idParams, response: { 200: res.schemas.item, 404: problem, ...readErrors } } }, async (req, reply) => {
      const item = await res.get(res.ctx, req.params.id, req.principal);
      return reply.headers(etag(item.version)).send(item);
    });

    r.post(res.path, { config: { access: res.access.create }, schema: { tags, summary: `Create ${a}`, body: body(res.schemas.create), response: { 201: res.schemas.item, ...writeErrors } } }, async (req, reply) => {
      const input = req.body as Create;
      const item = await write(res.ctx, requestActor(req), { action: 'create', entity: res.table }, async (tx) => {
        if (limitedReach(req.principal, res.access.create)) {
          authorize(req.principal, res.access.create, await res.scope.after(tx.db, input as Record<string, unknown>));
          res.restrict?.(req.principal, undefined, input as Record<string, unknown>);
        }
        const created = await res.create(tx, input);
        return { result: created, after: audited(created), recordId: created.id };
      });
      return reply
        .code(201)
        .headers({ ...etag(item.version), location: `/api/v1${res.path}/${item.id}` })
        .send(shown(item, req.principal));
    });

    r.patch(
      one,
      {
        config: { access: res.access.update },
        schema: { tags, summary: `Update ${a} (send its version as If-Match)`, params: idParams, body: body(res.schemas.patch), response: { 200: res.schemas.item, ...writeErrors } },
      },
      async (req, reply) => {
        const patch = req.body as Patch;
        const id = req.params.id;
        // As the patch would leave it, too: an officer cannot move a record out of its area.
        const movedTo = async (db: Queryable, current: RecordScope) => authorize(req.principal, res.access.update, await res.scope.after(db, patch as Record<string, unknown>, current));
        const lock = record(id, res.access.update, patch as Record<string, unknown>, movedTo)(req.principal, () => expectedVersion(req.headers['if-match'], patch.version));
        const item = await write(res.ctx, requestActor(req), { action: 'update', entity: res.table, record: lock }, async (tx: ServiceContext, row: Row) => {
          const before = res.present(row);
          const after = await res.update(tx, id, row.version, patch, row);
          return { result: after, before: audited(before), after: audited(after) };
        });
        return reply.headers(etag(item.version)).send(shown(item, req.principal));
      },
    );

    r.delete(one, { config: { access: res.access.remove }, schema: { tags, summary: `Delete ${a}`, params: idParams, response: { 204: z.null().describe('Deleted'), ...writeErrors } } }, async (req, reply) => {
      const ifMatch = req.headers['if-match'];
      const lock = record(req.params.id, res.access.remove)(req.principal, () => (ifMatch === undefined ? undefined : expectedVersion(ifMatch, undefined)));
      await write(res.ctx, requestActor(req), { action: 'delete', entity: res.table, record: lock }, async (tx: ServiceContext, row: Row) => {
        await res.remove(tx, req.params.id, row.version);
        return { result: null, before: audited(res.present(row)) };
      });
      return reply.code(204).send(null);
    });
  };
}
