import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

/**
 * The anonymous rate limit (docs/security.md): per client address, over every API route an
 * anonymous caller reaches; 429 problem+json with Retry-After past it; signed-in callers are
 * not counted. A limit of 3 a minute, so the test sends a handful of requests.
 */
const LIMIT = { max: 3, windowMs: 60_000 };
const { anonymous, actAs } = await createTestApp({ today: '2026-12-04', anonymousRateLimit: LIMIT });

const figures = { staff: 100, st_staff: 30, sales: '50000000.00', total_assets: '80000000.00', rd_expenditure: '3000000.00', total_costs: '45000000.00', class_one_ip: 1, class_two_ip: 0, declarations: { resident_enterprise: true, permitted_industry: true, clean_record: true } };
const evaluate = (remoteAddress: string) => anonymous({ method: 'POST', url: '/api/v1/tech-sme-evaluation', payload: figures, remoteAddress });

describe('the anonymous rate limit', () => {
  it('answers the (N+1)-th anonymous request of a window 429 with Retry-After, naming the limit in both languages', async () => {
    for (let i = 0; i < LIMIT.max; i++) expect((await evaluate('203.0.113.7')).statusCode).toBe(200);
    const res = await evaluate('203.0.113.7');
    const p = expectProblem(res, 429, ['request']);
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(errorAt(p, 'request')).toMatchObject({ code: 'rate_limit.exceeded', params: { max: LIMIT.max, window_seconds: 60, retry_after_seconds: retryAfter } });
    // The limit is the client's, over every route open to it: a public read is refused too.
    expectProblem(await anonymous({ method: 'GET', url: '/api/v1/notices', remoteAddress: '203.0.113.7' }), 429);
    // A route closed to it answers 401 first: the guard comes before the count.
    expectProblem(await anonymous({ method: 'GET', url: '/api/v1/organizations', remoteAddress: '203.0.113.7' }), 401);
  });

  it('counts each client on its own', async () => {
    expect((await evaluate('203.0.113.8')).statusCode).toBe(200);
  });

  it('does not limit a signed-in officer from the same address, nor count its requests', async () => {
    const officer = await actAs('officer');
    for (let i = 0; i <= LIMIT.max * 2; i++) {
      const res = await anonymous({ method: 'GET', url: '/api/v1/organizations', headers: officer.headers, remoteAddress: '203.0.113.7' });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (let i = 0; i < LIMIT.max * 2; i++) expect((await anonymous({ method: 'GET', url: '/api/v1/organizations', headers: officer.headers, remoteAddress: '203.0.113.9' })).statusCode).toBe(200);
    expect((await evaluate('203.0.113.9')).statusCode).toBe(200);
  });
});
