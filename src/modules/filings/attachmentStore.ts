import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';

/**
 * Where application documents are kept, by content: the SHA-256 of a file is its key, so the same
 * file uploaded twice is stored once and a stored file cannot change under its record. A
 * directory by default, or an S3-compatible bucket (AWS S3, MinIO, Ceph, OSS/COS in S3 mode).
 */
export interface AttachmentStore {
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Promise<Readable>;
}

const keyOf = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;

/**
 * Files under `dir`, by hash prefix; written to a temporary name, then renamed (never half a file).
 * Each save has its own temporary name: two uploads of the same document at once (one file for two
 * checklist items) would otherwise rename one temporary file twice.
 */
export function directoryStore(dir: string): AttachmentStore {
  const pathOf = (sha256: string) => join(dir, keyOf(sha256));
  const exists = (path: string) => stat(path).then(() => true, () => false);
  return {
    async put(sha256, bytes) {
      const target = pathOf(sha256);
      if (await exists(target)) return;
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${randomUUID()}.tmp`;
      await writeFile(temporary, bytes);
      try {
        await rename(temporary, target);
      } catch (err) {
        // Where a rename may not replace a file (Windows), the other save's copy is the same bytes.
        await rm(temporary, { force: true });
        if (!(await exists(target))) throw err;
      }
    },
    get: async (sha256) => createReadStream(pathOf(sha256)),
  };
}

export interface S3Settings {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn or http://minio.local:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Key prefix inside the bucket, e.g. `starcity/`. */
  prefix: string;
}

/**
 * Objects in an S3-compatible bucket, path-style (`endpoint/bucket/key`, which every
 * S3-compatible server answers), signed with AWS Signature V4. An object's key is its hash, so a
 * PUT of an existing object rewrites the same bytes.
 */
export function s3Store(s: S3Settings): AttachmentStore {
  const client = new AwsClient({ accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, service: 's3', region: s.region, retries: 2 });
  const url = (sha256: string) => `${s.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(s.bucket)}/${s.prefix}${keyOf(sha256)}`;
  const failed = async (what: string, res: Response) => new Error(`S3 ${what} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return {
    async put(sha256, bytes) {
      const res = await client.fetch(url(sha256), { method: 'PUT', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
      if (!res.ok) throw await failed(`PUT ${sha256}`, res);
    },
    async get(sha256) {
      const res = await client.fetch(url(sha256));
      if (!res.ok || !res.body) throw await failed(`GET ${sha256}`, res);
      return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
    },
  };
}
