import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { limitEveryClient, type AnonymousRateLimit } from './rateLimit.js';

/**
 * CORS of the public API alone: any site may read it (GET and HEAD, no credentials), see its ETag
 * and Retry-After, and send If-None-Match — which makes the browser ask first (OPTIONS). The
 * registry API keeps to its own origin.
 */
export const PUBLIC_CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Cache-Control, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
};
const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'If-None-Match, Accept, Accept-Language',
  'access-control-max-age': '86400',
};

/** Registers the public API's routes in a scope of their own: CORS, and a rate limit for every client. */
export function publicApi(routes: FastifyPluginAsync, limit: AnonymousRateLimit): FastifyPluginAsync {
  return async (api: FastifyInstance) => {
    api.addHook('onRequest', async (_req, reply) => {
      reply.headers(PUBLIC_CORS_HEADERS);
    });
    await limitEveryClient(api, limit);
    api.options('/*', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) => reply.code(204).headers(PREFLIGHT_HEADERS).send());
    await api.register(routes);
  };
}
