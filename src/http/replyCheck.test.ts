import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { strictReplySerializer } from './replyCheck.js';
import { zodValidatorCompiler } from './validation.js';

const user = z.object({ id: z.number(), username: z.string(), organizations: z.array(z.object({ id: z.number() })) });

async function appReplying(data: unknown) {
  const app = Fastify();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(strictReplySerializer);
  app.get('/user', { schema: { response: { 200: user } } }, () => data);
  await app.ready();
  return app;
}

describe('strictReplySerializer', () => {
  it('lets a reply that matches its schema through unchanged', async () => {
    const app = await appReplying({ id: 1, username: 'a', organizations: [{ id: 2 }] });
    const res = await app.inject('/user');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 1, username: 'a', organizations: [{ id: 2 }] });
  });

  it('fails a reply with a field the schema does not declare, naming it, at any depth', async () => {
    for (const [data, path] of [
      [{ id: 1, username: 'a', organizations: [], password_hash: 'x' }, '.password_hash'],
      [{ id: 1, username: 'a', organizations: [{ id: 2 }, { id: 3, secret: 1 }] }, '.organizations[1].secret'],
    ] as const) {
      const app = await appReplying(data);
      const res = await app.inject('/user');
      expect(res.statusCode).toBe(500);
      expect(res.json().message).toContain(`has a field its schema does not declare: ${path}`);
    }
  });

  it('fails a reply that does not match its schema', async () => {
    const app = await appReplying({ id: 'one', username: 'a', organizations: [] });
    const res = await app.inject('/user');
    expect(res.statusCode).toBe(500);
    expect(res.json().message).toContain('does not match its schema');
  });
});
