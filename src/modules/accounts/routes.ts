import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiToken,
  apiTokenCreated,
  apiTokenList,
  demoAccounts,
  loginBody,
  me,
  passwordChangeBody,
  tokenCreate,
  user,
  userCreate,
  userList,
  userPatch,
} from '../../contracts/accounts.js';
import { idParams, problem } from '../../contracts/common.js';
import { requestActor } from '../audit/trail.js';
import { requireSignedIn } from '../shared/principal.js';
import { expectedVersion } from '../shared/records.js';
import { etag } from '../shared/write.js';
import type { AccountsContext } from './context.js';
import { clearSessionCookie, sessionCookie } from './cookies.js';
import { changePassword, describeCaller, login, logout } from './sessions.js';
import { createToken, listTokens, revokeToken } from './tokens.js';
import { createUser, getUser, listUsers, unlockUser, updateUser } from './users.js';

/** What the login page may say about demo accounts; the demo module provides it when the server runs the demo. */
export type DemoAccountsSource = () => Promise<z.output<typeof demoAccounts>>;

const errors = { 400: problem, 500: problem } as const;
const writeErrors = { 400: problem, 404: problem, 409: problem, 412: problem, 413: problem, 415: problem, 428: problem, 500: problem } as const;

const signedInUser = (req: FastifyRequest) => {
  requireSignedIn(req.principal);
  return req.principal;
};

/** /api/v1/auth — sign in and out, whoami, password change. */
export const authRoutes = (ctx: AccountsContext, demo: DemoAccountsSource) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const maxAge = Math.floor(ctx.sessions.absoluteMs / 1000);

  r.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with a username and password: sets the session cookie',
        description: 'Five failed sign-ins within 15 minutes lock the account for 15 minutes (429 with Retry-After); an administrator can unlock it sooner.',
        body: loginBody,
        response: { 200: me, 401: problem, 403: problem, 429: problem, ...errors },
      },
    },
    async (req, reply) => {
      if (req.principal.sessionId) await logout(ctx, req.principal.sessionId, requestActor(req));
      const signed = await login(ctx, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }, requestActor(req));
      reply.header('set-cookie', sessionCookie(req, signed.secret, maxAge)).header('cache-control', 'no-store');
      return describeCaller(ctx, signed.principal);
    },
  );

  r.post(
    '/auth/logout',
    { config: { access: 'public' }, schema: { tags, summary: 'Sign out: ends the session and clears its cookie', response: { 204: z.null().describe('Signed out'), ...errors } } },
    async (req, reply) => {
      if (req.principal.sessionId) await logout(ctx, req.principal.sessionId, requestActor(req));
      return reply.code(204).header('set-cookie', clearSessionCookie(req)).send(null);
    },
  );

  r.get('/auth/me', { config: { access: 'public' }, schema: { tags, summary: 'Whom the request acts as and everything it may do (anonymous: nothing)', response: { 200: me, ...errors } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return describeCaller(ctx, req.principal);
  });

  r.post(
    '/auth/password',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: "Change one's own password (the current one is required); one's other sessions end",
        description:
          'In a signed-in session only: an API token gets 403 (auth.session_required). A wrong current password counts toward the lock-out like a failed sign-in; the fifth within 15 minutes locks the account (429 with Retry-After).',
        body: passwordChangeBody,
        response: { 204: z.null().describe('Changed'), 403: problem, 429: problem, ...errors },
      },
    },
    async (req, reply) => {
      await changePassword(ctx, signedInUser(req), req.body, requestActor(req));
      return reply.code(204).send(null);
    },
  );

  r.get('/auth/demo', { config: { access: 'public' }, schema: { tags, summary: 'The demo accounts, when this server runs the demo (the login page lists them)', response: { 200: demoAccounts, ...errors } } }, () => demo());
};

/** /api/v1/tokens — one's own API tokens (with a session: a token cannot make tokens). */
export const tokenRoutes = (ctx: AccountsContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tokens'];
  const config = { access: 'tokens.manage' as const };

  r.get('/tokens', { config, schema: { tags, summary: 'Your API tokens (never the tokens themselves)', response: { 200: apiTokenList, ...errors } } }, async (req) => ({
    results: await listTokens(ctx, signedInUser(req).userId),
  }));

  r.post(
    '/tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API token; the reply shows it this once',
        description: 'Scopes are a subset of your own permissions; the token also never does more than you can do at the time it is used.',
        body: tokenCreate,
        response: { 201: apiTokenCreated, ...errors },
      },
    },
    async (req, reply) => reply.code(201).header('cache-control', 'no-store').send(await createToken(ctx, signedInUser(req), req.body, requestActor(req))),
  );

  r.delete(
    '/tokens/:id',
    { config, schema: { tags, summary: 'Revoke one of your API tokens (another user’s token is 404)', params: idParams, response: { 200: apiToken, 404: problem, ...errors } } },
    async (req) => revokeToken(ctx, signedInUser(req).userId, req.params.id, requestActor(req)),
  );
};

/** /api/v1/users — user management (administrators). */
export const userRoutes = (ctx: AccountsContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const config = { access: 'users.manage' as const };

  r.get('/users', { config, schema: { tags, summary: 'List users', response: { 200: userList, ...errors } } }, async () => ({ results: await listUsers(ctx) }));

  r.post('/users', { config, schema: { tags, summary: 'Create a user', body: userCreate, response: { 201: user, ...writeErrors } } }, async (req, reply) => {
    const created = await createUser(ctx, req.body, requestActor(req));
    return reply.code(201).headers({ ...etag(created.version), location: `/api/v1/users/${created.id}` }).send(created);
  });

  r.get('/users/:id', { config, schema: { tags, summary: 'Get a user', params: idParams, response: { 200: user, 404: problem, ...errors } } }, async (req, reply) => {
    const found = await getUser(ctx, req.params.id);
    return reply.headers(etag(found.version)).send(found);
  });

  r.patch(
    '/users/:id',
    {
      config,
      schema: { tags, summary: 'Change a user: role, districts, organizations, active, password (send its version as If-Match)', params: idParams, body: userPatch, response: { 200: user, ...writeErrors } },
    },
    async (req, reply) => {
      const changed = await updateUser(ctx, req.params.id, expectedVersion(req.headers['if-match'], req.body.version), req.body, requestActor(req));
      return reply.headers(etag(changed.version)).send(changed);
    },
  );

  r.post('/users/:id/unlock', { config, schema: { tags, summary: 'Lift a lock-out before it ends', params: idParams, response: { 200: user, 404: problem, ...errors } } }, (req) =>
    unlockUser(ctx, req.params.id, requestActor(req)),
  );
};
