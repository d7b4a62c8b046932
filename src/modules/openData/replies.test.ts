import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { conditionalReplies, matchesIfNoneMatch } from './replies.js';

describe('If-None-Match (RFC 9110 §13.1.2)', () => {
  const tag = '"abc"';
  it('matches the tag, among others, weak or strong, and *', () => {
    expect(matchesIfNoneMatch('"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('"x", "abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('W/"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch(' * ', tag)).toBe(true);
  });
  it('does not match another tag, a bare value or no header', () => {
    expect(matchesIfNoneMatch('"abd"', tag)).toBe(false);
    expect(matchesIfNoneMatch('abc', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
  });
});

describe('conditionalReplies', () => {
  it('sends a 304 and a stored reply once, also behind an onSend hook that takes a turn (as the rate limit’s does)', async () => {
    const logged: string[] = [];
    const app = Fastify({ logger: { level: 'warn', stream: { write: (line: string) => logged.push(line) } } });
    let sends = 0;
    app.addHook('onSend', async () => {
      sends += 1;
      await new Promise((r) => setImmediate(r));
    });
    // No tables: the ETag needs no counters, so the database is never asked.
    const conditional = conditionalReplies({} as Database, { today: () => '2026-06-30' }, 'test');
    app.get('/x', (req, reply) => conditional(req, reply, [], () => ({ ok: true })));
    const first = await app.inject({ url: '/x' });
    const stored = await app.inject({ url: '/x' });
    const notModified = await app.inject({ url: '/x', headers: { 'if-none-match': first.headers.etag as string } });
    expect([first.statusCode, stored.statusCode, notModified.statusCode]).toEqual([200, 200, 304]);
    expect(stored.body).toBe(first.body);
    expect(sends).toBe(3);
    expect(logged).toEqual([]);
    await app.close();
  });
});
