import { describe, expect, it } from 'vitest';
import { ApiProblem, asProblem, problemTitle } from './problem';

describe('asProblem', () => {
  it('keeps a server problem document as it is', () => {
    const body = { type: 'urn:starcity:problem:stale', title: 'Stale', title_zh: '已被修改', status: 412, errors: [{ field: 'version', code: 'version.stale', message: { zh: '当前版本为 3', en: 'The current version is 3' } }] };
    expect(asProblem(body, 412)).toEqual(body);
  });

  it('makes a bilingual problem out of a reply that is not one', () => {
    const p = asProblem('<html>Bad Gateway</html>', 502);
    expect(p.status).toBe(502);
    expect(problemTitle(p, 'zh')).toBe('请求失败（HTTP 502）');
    expect(problemTitle(p, 'en')).toBe('Request failed (HTTP 502)');
    expect(p.errors).toEqual([]);
  });

  it('fills in what a partial problem lacks', () => {
    const p = asProblem({ title: 'Not Found', status: 404 }, 404);
    expect(p.title_zh).toBe('Not Found');
    expect(p.errors).toEqual([]);
  });
});

describe('ApiProblem', () => {
  it('exposes the status and the English title as its message', () => {
    const err = new ApiProblem(asProblem({ title: 'Conflict', title_zh: '冲突', status: 409, errors: [] }, 409));
    expect(err.status).toBe(409);
    expect(err.message).toBe('Conflict');
  });
});
