// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the built web UI, once at
// build time, so the server sends them as they are (@fastify/static `preCompressed`) instead of
// compressing the same bytes again on every request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Binary formats (images, fonts) are compressed already; only text is worth it. */
const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.webmanifest']);
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

const ENCODERS = [
  ['.br', (bytes) => brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })],
  ['.gz', (bytes) => gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION })],
];

/**
 * Compresses every text file under `dir` (recursively); a copy that is not smaller than the
 * original is not written, so the server falls back to the original.
 * @param {string} dir
 * @returns {Promise<string[]>} the files written
 */
export async function precompress(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && TEXT.has(extname(e.name))).map((e) => join(e.parentPath, e.name));
  const written = await Promise.all(files.map(compressFile));
  return written.flat();
}

/** @param {string} file */
async function compressFile(file) {
  const bytes = await readFile(file);
  if (bytes.length < MIN_BYTES) return [];
  const written = [];
  for (const [suffix, encode] of ENCODERS) {
    const packed = await encode(bytes);
    if (packed.length >= bytes.length) continue;
    await writeFile(file + suffix, packed);
    written.push(file + suffix);
  }
  return written;
}
