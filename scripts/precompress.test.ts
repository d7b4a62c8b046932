import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompress } from './precompress.mjs';

function builtUi() {
  const dir = mkdtempSync(join(tmpdir(), 'starcity-precompress-'));
  mkdirSync(join(dir, 'assets'));
  const script = 'export const districts = ["芙蓉区", "天心区", "岳麓区"];\n'.repeat(200);
  writeFileSync(join(dir, 'assets', 'index-AbC123xy.js'), script);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>星城</title>');
  writeFileSync(join(dir, 'assets', 'logo-AbC123xy.png'), Buffer.alloc(4096, 7));
  return { dir, script };
}

describe('precompress (build step of the web UI)', () => {
  it('writes brotli and gzip copies of text files that decode to the original', async () => {
    const { dir, script } = builtUi();
    await precompress(dir);
    const file = join(dir, 'assets', 'index-AbC123xy.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(readFileSync(`${file}.br`).length).toBeLessThan(script.length / 5);
  });

  it('leaves out binary formats and files too small to gain', async () => {
    const { dir } = builtUi();
    await precompress(dir);
    for (const file of ['index.html', 'assets/logo-AbC123xy.png']) {
      expect(existsSync(join(dir, `${file}.br`)), file).toBe(false);
      expect(existsSync(join(dir, `${file}.gz`)), file).toBe(false);
    }
  });
});
