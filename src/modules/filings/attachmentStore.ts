import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where application documents are kept, by content: the SHA-256 of a file is its key, so the same
 * file uploaded twice is stored once and a stored file cannot change under its record. A
 * directory by default; another store (S3-compatible object storage) implements the same two calls.
 */
export interface AttachmentStore {
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Readable;
}

/** Files under `dir`, two levels of directories by hash prefix; written to a temporary name, then renamed (never half a file). */
export function directoryStore(dir: string): AttachmentStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  return {
    async put(sha256, bytes) {
      const target = pathOf(sha256);
      if (await stat(target).then(() => true, () => false)) return;
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    },
    get: (sha256) => createReadStream(pathOf(sha256)),
  };
}
