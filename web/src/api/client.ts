import { ApiProblem, asProblem, synthesizedProblem } from './problem';

/** Every API path is relative to this prefix; the dev server proxies it to the API server. */
export const API_PREFIX = '/api/v1';

export type QueryParams = Record<string, string | number | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  /** Record version the write is based on; sent as `If-Match: "version"`. */
  version?: number;
  signal?: AbortSignal;
}

/** `?a=1&b=x` without the undefined and empty-string entries. */
export function queryString(query: QueryParams | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Sends one request; a network failure or a non-2xx reply becomes an ApiProblem, aborts pass through. */
async function send<T>(path: string, query: QueryParams | undefined, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    // The session cookie goes with every call (same origin only).
    res = await fetch(`${API_PREFIX}${path}${queryString(query)}`, { credentials: 'same-origin', ...init });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiProblem(synthesizedProblem(0, { zh: '无法连接服务器', en: 'Cannot reach the server' }, String(err)));
  }
  const body = await readBody(res);
  if (!res.ok) throw new ApiProblem(asProblem(body, res.status));
  return body as T;
}

const ACCEPT = 'application/json, application/problem+json';

/**
 * Calls the StarCity API with JSON in and out. A non-2xx reply throws an ApiProblem with the
 * server's problem+json; the caller states the reply type it expects (the contract's type).
 */
export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: ACCEPT };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.version !== undefined) headers['if-match'] = `"${opts.version}"`;
  return send<T>(path, opts.query, {
    method: opts.method ?? 'GET',
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

/**
 * POSTs a multipart form (text fields first, then the file, so the server knows the options
 * before the bytes stream in). The browser sets the multipart content type with its boundary.
 */
export async function apiUpload<T>(path: string, form: FormData, signal?: AbortSignal): Promise<T> {
  return send<T>(path, undefined, { method: 'POST', headers: { accept: ACCEPT }, body: form, ...(signal ? { signal } : {}) });
}
