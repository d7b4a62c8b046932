import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress.mjs';
import { tempDirs } from '../support/tempDirs.js';
import { createTestApp } from '../support/testApp.js';

// A stand-in for the built web UI: what matters here is how the server serves it.
const webRoot = tempDirs().make('web');
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>星城 StarCity</title>');
writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
const script = 'export const districts = ["芙蓉区", "天心区", "岳麓区"];\n'.repeat(200);
writeFileSync(join(webRoot, 'assets', 'index-CsV4jQ92.js'), script);
await precompress(webRoot);

const { app, anonymous } = await createTestApp({ webRoot });
const html = { accept: 'text/html,application/xhtml+xml' };

describe('serving the web UI beside the API', () => {
  it('serves the app at / (to a browser with a session) and its assets', async () => {
    const root = await app.inject({ url: '/', headers: { ...html, cookie: 'starcity_session=x' } });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('星城 StarCity');
    const asset = await app.inject({ url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('sends a visitor (no session cookie) from / to the public portal: the overview is for accounts', async () => {
    const visitor = await anonymous({ url: '/?lang=en', headers: html });
    expect(visitor.statusCode).toBe(302);
    expect(visitor.headers.location).toBe('/portal');
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

describe('web UI delivery: compression and caching', () => {
  const hashed = '/assets/index-CsV4jQ92.js';

  it('sends the brotli copy to a browser that accepts br, else gzip', async () => {
    const br = await app.inject({ url: hashed, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await app.inject({ url: hashed, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const plain = await app.inject({ url: hashed, headers });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(script);
    }
  });

  it('lets browsers keep hashed assets for a year, and revalidate index.html and unhashed files', async () => {
    const asset = await app.inject({ url: hashed, headers: { 'accept-encoding': 'br' } });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/organizations/42', '/assets/app.js']) {
      const res = await app.inject({ url, headers: { ...html, 'accept-encoding': 'br, gzip', cookie: 'starcity_session=x' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
