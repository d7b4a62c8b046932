import { violation } from '../../domain/message.js';
import { ImportFileError } from './problems.js';
import type { TextEncoding } from './rawRows.js';

/**
 * Bytes → text for CSV and JSON Lines, streaming. Chinese Excel saves CSV in GB18030 (GBK), other
 * tools in UTF-8 with or without a BOM; when the caller does not say, the first 64 KiB decide.
 */

export const SAMPLE_BYTES = 64 * 1024;

/** Reads until `size` bytes (or the end), then replays them ahead of the rest of the source. */
export async function peek(source: AsyncIterable<Uint8Array>, size: number): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, rest: rest() };
}

const hasUtf8Bom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
const hasUtf16Bom = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * The encoding of a file from its first bytes: a BOM means UTF-8; otherwise the sample must be
 * strict UTF-8 (a multi-byte sequence cut at the sample's end is fine), else GB18030.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding {
  if (hasUtf8Bom(sample)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

const utf16Refused = violation(
  'encoding.utf16',
  '文件为 UTF-16 编码，不受支持；请另存为“CSV UTF-8”或 GB18030 编码',
  'The file is UTF-16, which is not supported; save it as "CSV UTF-8" or in GB18030',
);

function invalidUtf8(offset: number) {
  return violation(
    'encoding.invalid_utf8',
    `文件第 ${offset} 字节附近的内容不是有效的 UTF-8；若文件为 GB18030/GBK 编码，请指定编码 gb18030`,
    `The bytes near offset ${offset} are not valid UTF-8; if the file is GB18030/GBK, give the encoding gb18030`,
    { offset },
  );
}

/**
 * Decodes a byte stream chunk by chunk. UTF-8 is decoded strictly: a file that turns out not to be
 * UTF-8 after the sample stops with a file problem rather than importing mangled text.
 */
export async function* decodeText(
  source: AsyncIterable<Uint8Array>,
  encoding: TextEncoding | undefined,
  onEncoding: (encoding: TextEncoding) => void = () => {},
): AsyncGenerator<string> {
  const { head, rest } = await peek(source, SAMPLE_BYTES);
  if (encoding === undefined && hasUtf16Bom(head)) throw new ImportFileError(utf16Refused);
  const chosen = encoding ?? detectEncoding(head, head.length < SAMPLE_BYTES);
  onEncoding(chosen);
  const decoder = new TextDecoder(chosen, { fatal: chosen === 'utf-8' });
  let offset = 0;
  try {
    for await (const chunk of rest) {
      const text = decoder.decode(chunk, { stream: true });
      offset += chunk.length;
      if (text !== '') yield text;
    }
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw new ImportFileError(invalidUtf8(offset));
    throw error;
  }
}
