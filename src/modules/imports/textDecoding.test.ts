import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, streamOf } from '../../../test/fixtures/imports/helpers.js';
import { ImportFileError } from './problems.js';
import { decodeText, detectEncoding, peek, SAMPLE_BYTES } from './textDecoding.js';

const collect = async (it: AsyncIterable<string>) => {
  let out = '';
  for await (const s of it) out += s;
  return out;
};

describe('detectEncoding', () => {
  const gb = readFileSync(fixture('organizations-gb18030.csv'));
  it('takes a BOM as UTF-8', () => expect(detectEncoding(Buffer.from('\uFEFF名称', 'utf8'), true)).toBe('utf-8'));
  it('takes strict UTF-8 as UTF-8', () => expect(detectEncoding(Buffer.from('名称,uscc', 'utf8'), true)).toBe('utf-8'));
  it('forgives a character cut at the end of a sample, but not of a whole file', () => {
    const cut = Buffer.from('名称', 'utf8').subarray(0, 4);
    expect(detectEncoding(cut, false)).toBe('utf-8');
    expect(detectEncoding(cut, true)).toBe('gb18030');
  });
  it('falls back to GB18030', () => expect(detectEncoding(gb, true)).toBe('gb18030'));
});

describe('decodeText', () => {
  it('decodes UTF-8 split inside characters, dropping the BOM', async () => {
    let seen: string | undefined;
    expect(await collect(decodeText(streamOf('\uFEFF长沙,岳麓区', 1), undefined, (e) => (seen = e)))).toBe('长沙,岳麓区');
    expect(seen).toBe('utf-8');
  });

  it('decodes GB18030, detected or given as gbk', async () => {
    const bytes = readFileSync(fixture('organizations-gb18030.csv'));
    expect(await collect(decodeText(streamOf(bytes, 3), undefined))).toContain('统一社会信用代码,名称');
    expect(await collect(decodeText(streamOf(bytes, 3), 'gbk'))).toContain('长沙星城科技有限公司');
  });

  it('refuses bytes that are not UTF-8 after a UTF-8 sample, naming the offset', async () => {
    const bytes = Buffer.concat([Buffer.from('a'.repeat(SAMPLE_BYTES + 10)), Buffer.from([0xc4, 0xe3])]);
    await expect(collect(decodeText(streamOf(bytes), undefined))).rejects.toMatchObject({ violation: { code: 'encoding.invalid_utf8' } });
  });

  it('refuses UTF-16', async () => {
    await expect(collect(decodeText(streamOf(Buffer.from([0xff, 0xfe, 0x41, 0])), undefined))).rejects.toBeInstanceOf(ImportFileError);
  });
});

describe('peek', () => {
  it('replays the head before the rest', async () => {
    const { head, rest } = await peek(streamOf('abcdefgh', 3), 4);
    expect(Buffer.from(head).toString()).toBe('abcdef');
    const chunks: string[] = [];
    for await (const c of rest) chunks.push(Buffer.from(c).toString());
    expect(chunks.join('')).toBe('abcdefgh');
  });
});
