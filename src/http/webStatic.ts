import { basename, dirname } from 'node:path';
import type { FastifyStaticOptions, SetHeadersResponse } from '@fastify/static';

/** Vite names what it builds into assets/ after its content (`index-CsV4jQ92.js`): a new build, a new name. */
const HASHED_ASSET = /-[\w-]{8,}\.\w+(\.(br|gz))?$/;

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files (favicon) may change with any release: revalidate every time (ETag). */
const REVALIDATE = 'no-cache';

/** How long a browser may keep a file of the built UI without asking again. */
export function webCacheControl(file: string): string {
  return basename(dirname(file)) === 'assets' && HASHED_ASSET.test(basename(file)) ? IMMUTABLE : REVALIDATE;
}

function setWebHeaders(res: SetHeadersResponse, file: string): void {
  res.setHeader('cache-control', webCacheControl(file));
  // The same URL answers brotli, gzip or plain by Accept-Encoding; caches must key on it.
  res.setHeader('vary', 'accept-encoding');
}

/**
 * @fastify/static options for the built web UI: the .br/.gz copies written at build time
 * (scripts/precompress.mjs) are sent as they are when the browser accepts them.
 */
export function webStaticOptions(root: string): FastifyStaticOptions {
  return { root, wildcard: false, index: ['index.html'], preCompressed: true, cacheControl: false, setHeaders: setWebHeaders };
}

/**
 * Whether a page request is a visitor's (no session cookie) for `/`, which goes to the public
 * portal: the overview is for accounts (issue 16), and the portal's own entry loads none of the
 * workspace. A stale cookie gets the workspace, which sends the visitor on itself.
 */
export function visitorAtHome(url: string, sessionCookie: string | undefined): boolean {
  return (url.split('?')[0] ?? '') === '/' && !sessionCookie;
}

/** The page a client-side route of the web UI loads from: the public portal has an entry of its own (web/portal.html). */
export function pageFor(url: string): 'portal.html' | 'index.html' {
  const path = url.split('?')[0] ?? '';
  return path === '/portal' || path.startsWith('/portal/') ? 'portal.html' : 'index.html';
}
