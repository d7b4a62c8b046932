import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import { problem } from '../contracts/common.js';
import { permissionLabels } from '../domain/permissions.js';
import type { AccountsContext } from '../modules/accounts/context.js';
import { clearSessionCookie, readCookie, SESSION_COOKIE } from '../modules/accounts/cookies.js';
import { resolveSession } from '../modules/accounts/sessions.js';
import { resolveToken } from '../modules/accounts/tokens.js';
import { unauthenticated } from '../modules/shared/accessErrors.js';
import { AppError } from '../modules/shared/errors.js';
import { anonymousPrincipal, authorize, CITY_WIDE, requireSignedIn, type Access, type Principal } from '../modules/shared/principal.js';

/**
 * Authentication and the first authorization step, before anything else of a request:
 * 1. every request: `Authorization: Bearer …` (an API token) or the session cookie → `req.principal`
 *    (anonymous when there is neither; a bad token is a 401 at once, a stale cookie is dropped);
 * 2. every route declares its access in `config.access` (a write route that does not is refused
 *    when it is registered); a guard checks the role-level permission before the body is read;
 * 3. the route or service checks the record itself (an organization's, a district's) with
 *    `authorize(principal, permission, scope)`.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a browser sent this request from another site: an `Origin` that is not this host, or
 * `null` (sandboxed frames, some redirects); without an `Origin`, the browser's own
 * `Sec-Fetch-Site` saying it did not come from this origin. Clients other than browsers send
 * neither and are not refused.
 */
function crossSite(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || origin === '') {
    const site = req.headers['sec-fetch-site'];
    return site !== undefined && site !== 'same-origin' && site !== 'none';
  }
  try {
    return origin === 'null' || new URL(origin).host !== req.host;
  } catch {
    return true;
  }
}

/** Sign-in from another site would sign the browser into the attacker's account (login CSRF). */
const LOGIN_PATH = '/api/v1/auth/login';

const crossSiteRefused = () =>
  new AppError('forbidden', { zh: '跨站请求被拒绝', en: 'Cross-site request refused' }, [
    { field: 'Origin', code: 'auth.cross_site', message: { zh: '登录和登录后的写请求只接受本站发出的', en: 'Sign-in, and writes in a signed-in session, are accepted from this site only' } },
  ]);

async function authenticate(ctx: AccountsContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  req.principal = anonymousPrincipal;
  // The web UI's files, health probes: public, and no database lookup for each asset the browser fetches.
  if (!req.url.startsWith('/api/')) return;
  const authorization = req.headers.authorization;
  if (authorization !== undefined && authorization !== '') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw unauthenticated('token_invalid');
    const resolved = await resolveToken(ctx, m[1]!);
    if (!resolved.ok) throw unauthenticated(resolved.failure);
    req.principal = resolved.principal;
    return;
  }
  if (req.method === 'POST' && req.url.split('?')[0] === LOGIN_PATH && crossSite(req)) throw crossSiteRefused();
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (!cookie) return;
  const resolved = await resolveSession(ctx, cookie);
  if (!resolved.ok) {
    // The browser drops the dead cookie; the request goes on as anonymous (public pages still load).
    reply.header('set-cookie', clearSessionCookie(req));
    req.principal = { ...anonymousPrincipal, failure: resolved.failure };
    return;
  }
  if (!SAFE_METHODS.has(req.method) && crossSite(req)) throw crossSiteRefused();
  req.principal = resolved.principal;
}

/** The guard a route's access declaration stands for (nothing for public routes). */
export function accessGuard(access: Access): onRequestHookHandler | null {
  if (access === 'public') return null;
  if (access === 'signed_in') return async (req) => requireSignedIn(req.principal);
  if (typeof access === 'object') return async (req) => authorize(req.principal, access.permission, CITY_WIDE);
  return async (req) => authorize(req.principal, access);
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Who may use a read route that declares nothing. In the API, the registry's readers: default
 * closed (issue 16), so a new read is never public by oversight; a route for anyone says `public`.
 * Outside it, anyone: the web UI's files and the API's documentation page, which plugins
 * (@fastify/static, @fastify/swagger-ui) add without a way to declare.
 */
const undeclaredReadAccess = (url: string): Access => (url.startsWith('/api/v1/') ? 'registry.read' : 'public');
const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);

/** What the OpenAPI document says of a route's access. */
function documentAccess(route: RouteOptions, access: Access): void {
  const schema = route.schema as (Record<string, unknown> & { hide?: boolean; response?: Record<string, unknown>; description?: string }) | undefined;
  if (!schema || schema.hide) return;
  if (access === 'public') {
    schema.security = [];
    return;
  }
  schema.security = [{ session: [] }, { bearer: [] }];
  const permission = typeof access === 'object' ? access.permission : access;
  const who =
    permission === 'signed_in'
      ? 'any signed-in account'
      : `the permission \`${permission}\` (${permissionLabels[permission].en}${typeof access === 'object' ? ', reaching the whole city' : ''}; see docs/security.md)`;
  schema.description = [schema.description, `Requires ${who}: 401 without credentials, 403 without the permission or outside the caller's organizations or districts.`].filter(Boolean).join('\n\n');
  schema.response = { ...schema.response, 401: problem, 403: problem };
}

/**
 * Installs authentication on every request and a guard on every route that is not public. Must be
 * registered before the routes, so that each route's declaration is seen as it is added.
 */
export function registerAuth(app: FastifyInstance, ctx: AccountsContext): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (req, reply) => authenticate(ctx, req, reply));
  app.addHook('onRoute', (route) => {
    const declared = route.config?.access;
    const reads = methodsOf(route).every((m) => READ_METHODS.has(m));
    if (declared === undefined && !reads) throw new Error(`${methodsOf(route).join(',')} ${route.url} declares no access (config.access): every write route must`);
    const access = declared ?? undeclaredReadAccess(route.url);
    const guard = accessGuard(access);
    if (guard) route.onRequest = [...(route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]), guard];
    documentAccess(route, access);
  });
}

/** OpenAPI components: the two ways to authenticate. */
export const securitySchemes = {
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie set by POST /api/v1/auth/login (HttpOnly, SameSite=Lax)' },
  bearer: { type: 'http', scheme: 'bearer', description: 'An API token (sc_…) created with POST /api/v1/tokens or `starcity token create`' },
} as const;
