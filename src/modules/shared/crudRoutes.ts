import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem, type ListQuery } from '../../contracts/common.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { ListPage } from '../../db/list/sql.js';
import type { Permission, RecordScope } from '../../domain/permissions.js';
import { listQueryFor, withBodyRules, type BodyRules } from '../../http/validation.js';
import { appendAudit, requestActor, type AuditActor } from '../audit/trail.js';
import type { AppContext, ServiceContext } from './context.js';
import { authorize, limitedReach } from './principal.js';
import { expectedVersion } from './records.js';

/** The version travels as a strong ETag so clients can send it back as If-Match. */
const versionHeaders = (version: number) => ({ etag: `"${version}"` });
const readErrors = { 400: problem, 500: problem } as const;
const writeErrors = { 400: problem, 404: problem, 409: problem, 412: problem, 413: problem, 415: problem, 428: problem, 500: problem } as const;

/** One registry resource: its contracts and its use cases. Every resource gets the same five routes. */
export interface CrudResource<Item extends { id: number; version: number }, Create, Patch extends { version?: number | undefined }> {
  /** The database and city the use cases run on; each write runs in a transaction of it. */
  ctx: AppContext;
  /** The table behind the resource: its row is locked while a write reads it for the audit log. */
  table: string;
  path: string;
  tag: string;
  noun: string;
  schemas: { create: z.ZodType<Create>; patch: z.ZodType<Patch>; item: z.ZodType; list: z.ZodType };
  rules?: BodyRules;
  /** What the list may filter, sort and group on, so the route reports query problems with shape problems. */
  listSpec: ListSpec;
  list(ctx: ServiceContext, query: ListQuery): Promise<ListPage<Item>>;
  get(ctx: ServiceContext, id: number): Promise<Item>;
  create(ctx: ServiceContext, input: Create): Promise<Item>;
  update(ctx: ServiceContext, id: number, version: number, patch: Patch): Promise<Item>;
  remove(ctx: ServiceContext, id: number, version: number | undefined): Promise<void>;
  /** The permission each write needs (src/domain/permissions.ts). */
  access: { create: Permission; update: Permission; remove: Permission };
  /** Whose a record is and where, for the record-level check (an org user's organizations, an officer's area). */
  scope: {
    /** A stored record's scope; undefined when there is no such record (the use case then answers 404). */
    of(id: number): Promise<RecordScope | undefined>;
    /** The scope a new record, or a stored one (`current`) changed by the body, will have. */
    after(body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope>;
  };
}

/**
 * Runs one write and its audit entry in one transaction: the record as it was (its row locked, so
 * no other writer slips in between) and as it is after. A failed write leaves no entry.
 */
async function auditedWrite<Item extends { id: number; version: number }>(
  res: Pick<CrudResource<Item, never, never>, 'ctx' | 'table' | 'get'>,
  actor: AuditActor,
  action: 'create' | 'update' | 'delete',
  id: number | null,
  write: (ctx: ServiceContext) => Promise<Item | null>,
): Promise<Item | null> {
  return res.ctx.db.transaction(async (tx) => {
    const ctx = { ...res.ctx, db: tx };
    let before: Item | undefined;
    if (id !== null) {
      const { rows } = await tx.query(`SELECT 1 FROM ${res.table} WHERE id = $1 FOR UPDATE`, [id]);
      if (rows.length) before = await res.get(ctx, id);
    }
    const after = await write(ctx);
    await appendAudit(tx, actor, { action, entity: res.table, recordId: after?.id ?? id, before, after: after ?? undefined });
    return after;
  });
}

/**
 * list / get / create / update (If-Match) / delete — thin: validate, authorize, call the service,
 * shape the reply. Reads are public; each write needs its permission (checked before the body is
 * read) and must reach the record as it is and as it will be (checked after validation), and is
 * recorded in the audit log in its own transaction.
 */
export function crudRoutes<Item extends { id: number; version: number }, Create, Patch extends { version?: number | undefined }>(res: CrudResource<Item, Create, Patch>) {
  const body = <T extends z.ZodType>(s: T) => (res.rules ? withBodyRules(s, res.rules) : s);
  const a = /^[aeiou]/i.test(res.noun) ? `an ${res.noun}` : `a ${res.noun}`;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = [res.tag];
    const one = `${res.path}/:id`;

    r.get(res.path, { schema: { tags, summary: `List ${res.noun}s`, querystring: listQueryFor(res.listSpec), response: { 200: res.schemas.list, ...readErrors } } }, (req) => res.list(res.ctx, req.query));

    r.get(one, { schema: { tags, summary: `Get ${a}`, params: idParams, response: { 200: res.schemas.item, 404: problem, ...readErrors } } }, async (req, reply) => {
      const item = await res.get(res.ctx, req.params.id);
      return reply.headers(versionHeaders(item.version)).send(item);
    });

    r.post(res.path, { config: { access: res.access.create }, schema: { tags, summary: `Create ${a}`, body: body(res.schemas.create), response: { 201: res.schemas.item, ...writeErrors } } }, async (req, reply) => {
      if (limitedReach(req.principal, res.access.create)) authorize(req.principal, res.access.create, await res.scope.after(req.body as Record<string, unknown>));
      const item = (await auditedWrite(res, requestActor(req), 'create', null, (ctx) => res.create(ctx, req.body as Create)))!;
      return reply
        .code(201)
        .headers({ ...versionHeaders(item.version), location: `/api/v1${res.path}/${item.id}` })
        .send(item);
    });

    r.patch(
      one,
      {
        config: { access: res.access.update },
        schema: { tags, summary: `Update ${a} (send its version as If-Match)`, params: idParams, body: body(res.schemas.patch), response: { 200: res.schemas.item, ...writeErrors } },
      },
      async (req, reply) => {
        const patch = req.body as Patch;
        const current = limitedReach(req.principal, res.access.update) ? await res.scope.of(req.params.id) : undefined;
        if (current) {
          authorize(req.principal, res.access.update, current);
          authorize(req.principal, res.access.update, await res.scope.after(patch as Record<string, unknown>, current));
        }
        const version = expectedVersion(req.headers['if-match'], patch.version);
        const item = (await auditedWrite(res, requestActor(req), 'update', req.params.id, (ctx) => res.update(ctx, req.params.id, version, patch)))!;
        return reply.headers(versionHeaders(item.version)).send(item);
      },
    );

    r.delete(one, { config: { access: res.access.remove }, schema: { tags, summary: `Delete ${a}`, params: idParams, response: { 204: z.null().describe('Deleted'), ...writeErrors } } }, async (req, reply) => {
      const current = limitedReach(req.principal, res.access.remove) ? await res.scope.of(req.params.id) : undefined;
      if (current) authorize(req.principal, res.access.remove, current);
      const ifMatch = req.headers['if-match'];
      const version = ifMatch === undefined ? undefined : expectedVersion(ifMatch, undefined);
      await auditedWrite(res, requestActor(req), 'delete', req.params.id, async (ctx) => {
        await res.remove(ctx, req.params.id, version);
        return null;
      });
      return reply.code(204).send(null);
    });
  };
}
