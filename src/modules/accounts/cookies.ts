import type { FastifyRequest } from 'fastify';

/** The session cookie: its name, reading it from a request, and the Set-Cookie values that set and clear it. */

export const SESSION_COOKIE = 'starcity_session';

/** `a=1; b=2` → the value of `name`. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/** HttpOnly, SameSite=Lax, and Secure when the request came over TLS (directly, or as a trusted proxy says). */
export function sessionCookie(req: FastifyRequest, value: string, maxAgeSeconds: number): string {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export const clearSessionCookie = (req: FastifyRequest) => sessionCookie(req, '', 0);
