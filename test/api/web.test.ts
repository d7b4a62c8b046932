import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/testApp.js';

// A stand-in for the built web UI: what matters here is how the server serves it.
const webRoot = mkdtempSync(join(tmpdir(), 'starcity-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>星城 StarCity</title>');
writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');

const { app } = await createTestApp({ webRoot });
const html = { accept: 'text/html,application/xhtml+xml' };

describe('serving the web UI beside the API', () => {
  it('serves the app at / and its assets', async () => {
    const root = await app.inject({ url: '/', headers: html });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('星城 StarCity');
    const asset = await app.inject({ url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('answers client-side routes with index.html so a reload works', async () => {
    const page = await app.inject({ url: '/organizations/42/edit?tab=x', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('星城 StarCity');
  });

  it('keeps problem+json 404s for the API, for missing assets and for non-HTML clients', async () => {
    for (const [url, headers] of [['/api/v1/nothing', html], ['/assets/missing.js', {}], ['/organizations', { accept: 'application/json' }]] as const) {
      const res = await app.inject({ url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
  });

  it('still serves the API', async () => {
    expect((await app.inject({ url: '/api/v1/organizations' })).statusCode).toBe(200);
  });
});
