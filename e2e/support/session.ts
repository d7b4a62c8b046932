import type { Page } from 'playwright-core';

/**
 * An account signed in over the API with its session cookie, as the browser would be: for a test's
 * setup and the steps it does not take on a page. A body is sent as JSON, or a FormData as a multipart upload.
 */
export interface ApiSession {
  call<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export interface Account {
  username: string;
  password: string;
}

/** Signs in through POST /api/v1/auth/login and keeps the session cookie for the calls that follow. */
export async function apiSignIn(url: string, account: Account): Promise<ApiSession> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  if (res.status !== 200) throw new Error(`sign-in of ${account.username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return {
    async call<T>(method: string, path: string, body?: unknown) {
      // fetch writes a FormData's multipart content type, boundary included.
      const json = body !== undefined && !(body instanceof FormData);
      const reply = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { cookie, ...(json ? { 'content-type': 'application/json' } : {}) },
        ...(body instanceof FormData ? { body } : json ? { body: JSON.stringify(body) } : {}),
      });
      const text = await reply.text();
      return { status: reply.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/** Signs a page's browser context in as `account` (the session cookie is the context's). */
export async function signInAs(page: Page, url: string, account: Account): Promise<void> {
  const res = await page.request.post(`${url}/api/v1/auth/login`, { data: account });
  if (!res.ok()) throw new Error(`sign-in of ${account.username} failed: ${res.status()} ${await res.text()}`);
}
