import { afterAll, beforeAll, expect, test } from 'vitest';
import { validUscc } from '../test/support/factories.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Uploads over a real socket. In-process injection hands the server the whole body at once, so
 * only a real connection shows whether a preview that stops after its first rows still lets the
 * rest of a large upload through and answers.
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
  const res = await fetch(`${server.url}/api/v1/imports/preview`, { method: 'POST', body: form, signal: AbortSignal.timeout(15_000) });
  expect(res.status).toBe(200);
  const preview = (await res.json()) as { rows: unknown[]; columns: Array<{ key: string | null }> };
  expect(preview.rows).toHaveLength(20);
  expect(preview.columns.map((c) => c.key)).toEqual(['uscc', 'name', 'kind', 'district_code']);
});
