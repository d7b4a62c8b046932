import { afterAll, beforeAll, expect, test } from 'vitest';
import { validUscc } from '../test/support/factories.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * What only a real socket shows. In-process injection hands the server the whole body at once and
 * never goes through Node's HTTP parser: so a large upload whose preview stops after its first
 * rows, and a request line the parser refuses, are tested here against a running server.
 */
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

test('previews the first rows of a large upload and answers at once', async () => {
  const lines = ['uscc,名称,kind,district_code', ...Array.from({ length: 40_000 }, (_, i) => `${validUscc()},上传预览公司${i},企业,430104`)];
  const form = new FormData();
  form.append('entity', 'organizations');
  form.append('file', new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }), 'organizations.csv');
  const res = await fetch(`${server.url}/api/v1/imports/preview`, { method: 'POST', body: form, headers: server.auth, signal: AbortSignal.timeout(15_000) });
  expect(res.status).toBe(200);
  const preview = (await res.json()) as { rows: unknown[]; columns: Array<{ key: string | null }> };
  expect(preview.rows).toHaveLength(20);
  expect(preview.columns.map((c) => c.key)).toEqual(['uscc', 'name', 'kind', 'district_code']);
});

test('a request Node cannot parse (raw UTF-8 in the URL) still gets problem+json', async () => {
  const { connect } = await import('node:net');
  const { port } = new URL(server.url);
  const reply = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(Buffer.from('GET /api/v1/platforms?search=实验室 HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8')));
    let text = '';
    socket.on('data', (d) => (text += d.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  expect(reply).toMatch(/content-type: application\/problem\+json/i);
  expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, title_zh: '无法解析该请求' });
});
