import type { FastifyInstance } from 'fastify';

/**
 * Headers every reply carries — the web UI's pages, the API, downloads, /api/docs. The policy
 * allows what the built UI needs and nothing more: its own scripts only (Vite emits no inline
 * script), inline styles (Ant Design's CSS-in-JS writes <style> tags, ECharts style attributes),
 * images and fonts from itself or data:/blob: URLs (icons, exported charts), and calls to itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // For browsers that predate frame-ancestors.
  'x-frame-options': 'DENY',
  // A download or an upload served back is never run as script or styles because of its content.
  'x-content-type-options': 'nosniff',
  // Record ids and filters in our URLs stay on this site.
  'referrer-policy': 'same-origin',
};

/** Adds the security headers to every reply, errors and 404s included. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });
}
