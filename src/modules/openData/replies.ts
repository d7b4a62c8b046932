import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { versionWatchFor } from '../../db/versionWatch.js';
import type { Clock } from '../shared/context.js';

/**
 * Conditional, cached replies of the public API. A reply is a function of its URL, the counters
 * of the tables it reads (`table_versions`), the city's day and the published configuration, so
 * its strong ETag is a hash of those — known before anything is read. With the counters held in
 * memory (`VersionWatch`, kept current by LISTEN/NOTIFY), an `If-None-Match` that matches is a 304
 * and a repeated request is the stored reply, neither costing a database query.
 */

/** Shared caches may keep a reply a minute, then must ask again (a 304 is cheap). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, must-revalidate';

const validators = (tag: string) => ({ etag: tag, 'cache-control': PUBLIC_CACHE_CONTROL });

/** `*` or a list of entity tags; weak ones compare by their opaque part (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
}

/**
 * The reply `build` makes, or nothing when a 304 or the stored reply was sent instead — resolved
 * only once that reply has gone out (`await reply`): with onSend hooks (the rate limit's headers)
 * sending takes a turn, and Fastify, seeing the handler end with nothing yet sent, sends again.
 */
export type Conditional = <T>(req: FastifyRequest, reply: FastifyReply, tables: readonly string[], build: () => T | Promise<T>) => Promise<T | undefined>;

/**
 * `stamp` names what else the replies depend on (the publication, the server's version); the
 * cache keeps the `maxEntries` replies used last.
 */
export function conditionalReplies(db: Database, clock: Pick<Clock, 'today'>, stamp: string, maxEntries = 1000): Conditional {
  const watch = versionWatchFor(db);
  const stored = new Map<string, { tag: string; body: string }>();
  return async <T>(req: FastifyRequest, reply: FastifyReply, tables: readonly string[], build: () => T | Promise<T>): Promise<T | undefined> => {
    const version = tables.length ? await watch.version(tables) : '';
    const tag = `"${createHash('sha256').update(`${stamp}\n${req.url}\n${version}\n${clock.today()}`).digest('base64url').slice(0, 32)}"`;
    const stale = stored.get(req.url);
    const current = stale?.tag === tag ? stale : undefined;
    const ifNoneMatch = req.headers['if-none-match'];
    // `*` asks "do you have it?": only a reply known to exist answers yes.
    if (matchesIfNoneMatch(ifNoneMatch, tag) && (ifNoneMatch?.trim() !== '*' || current !== undefined)) {
      await reply.code(304).headers(validators(tag)).send();
      return undefined;
    }
    if (current) {
      // Used again: to the back of the eviction order.
      stored.delete(req.url);
      stored.set(req.url, current);
      await reply.headers(validators(tag)).type('application/json; charset=utf-8').send(current.body);
      return undefined;
    }
    // A failure (400, 404) throws here and carries no tag: only replies that exist are validated.
    const body = await build();
    reply.headers(validators(tag));
    stored.delete(req.url);
    stored.set(req.url, { tag, body: JSON.stringify(body) });
    if (stored.size > maxEntries) stored.delete(stored.keys().next().value as string);
    return body;
  };
}
