import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem } from '../contracts/common.js';
import { AppError } from '../modules/shared/errors.js';

/** How many API requests one anonymous client (one address) may send in a window. */
export interface AnonymousRateLimit {
  max: number;
  windowMs: number;
}

/**
 * 120 a minute: a person working the self-evaluation calculator or paging public lists stays far
 * below it; a script hammering the anonymous routes does not. Signed-in callers are not counted.
 */
export const defaultAnonymousRateLimit: AnonymousRateLimit = { max: 120, windowMs: 60_000 };

/**
 * 300 a minute per client of the public API (/api/v1/public): a portal page asks for a handful of
 * replies, most of them 304s; a harvester that wants everything takes the bulk downloads.
 */
export const defaultPublicRateLimit: AnonymousRateLimit = { max: 300, windowMs: 60_000 };

/** Whose requests a limit counts: anonymous ones on the registry API, everyone's on the public API. */
type Counted = 'anonymous' | 'public';

/** The 429 a client gets past its limit, with when to try again. */
export function tooManyRequests(limit: AnonymousRateLimit, retryAfterSeconds: number, counted: Counted = 'anonymous'): AppError {
  const seconds = Math.max(1, retryAfterSeconds);
  const window = Math.ceil(limit.windowMs / 1000);
  const message =
    counted === 'anonymous'
      ? {
          zh: `未登录的请求过于频繁（每 ${window} 秒最多 ${limit.max} 次），请 ${seconds} 秒后再试，或登录后继续`,
          en: `Too many requests without signing in (at most ${limit.max} in ${window} s); try again in ${seconds} s, or sign in`,
        }
      : {
          zh: `开放数据接口的请求过于频繁（每个客户端每 ${window} 秒最多 ${limit.max} 次），请 ${seconds} 秒后再试；整批数据请用下载文件`,
          en: `Too many requests to the public API (at most ${limit.max} in ${window} s per client); try again in ${seconds} s, or take the bulk downloads`,
        };
  return new AppError('locked', { zh: '请求过于频繁', en: 'Too many requests' }, [{ field: 'request', code: 'rate_limit.exceeded', message, params: { max: limit.max, window_seconds: window, retry_after_seconds: seconds } }], message.en, {
    'retry-after': String(seconds),
  });
}

/**
 * Limits the anonymous requests of the routes registered after it in `api`'s scope, per client
 * address (Fastify's `request.ip`: behind a proxy, what STARCITY_TRUST_PROXY lets it believe).
 * It runs after authentication (an app-wide hook, before any route's), so a signed-in caller —
 * session or API token — is let through uncounted. The OpenAPI document lists the 429 on every
 * route it limits.
 */
export async function limitAnonymous(api: FastifyInstance, limit: AnonymousRateLimit): Promise<void> {
  await limitClients(api, limit, 'anonymous');
}

/** Limits every request of the routes registered after it in `api`'s scope, signed in or not, per client address. */
export async function limitEveryClient(api: FastifyInstance, limit: AnonymousRateLimit): Promise<void> {
  await limitClients(api, limit, 'public');
}

async function limitClients(api: FastifyInstance, limit: AnonymousRateLimit, counted: Counted): Promise<void> {
  api.addHook('onRoute', (route) => {
    if (route.schema && !route.schema.hide) route.schema.response = { ...(route.schema.response as object | undefined), 429: problem };
  });
  await api.register(rateLimit, {
    max: limit.max,
    timeWindow: limit.windowMs,
    ...(counted === 'anonymous' ? { allowList: (req: FastifyRequest) => req.principal.credential !== 'anonymous' } : {}),
    errorResponseBuilder: (_req, context) => tooManyRequests(limit, Math.ceil(context.ttl / 1000), counted),
  });
}
