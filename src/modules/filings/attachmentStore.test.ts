import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import aws4 from 'aws4';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryStore, s3Store, type AttachmentStore } from './attachmentStore.js';

const credentials = { accessKeyId: 'AKIDSTARCITY', secretAccessKey: 'secret/key+value' };
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * A stand-in for an S3-compatible server: keeps objects in memory and refuses any request whose
 * Signature V4 does not match the one an independent implementation (the `aws4` package)
 * computes for the same request.
 */
async function fakeS3() {
  const objects = new Map<string, Buffer>();
  const seen: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    seen.push(`${req.method} ${req.url}`);
    if (!signatureHolds(req)) return void res.writeHead(403).end('SignatureDoesNotMatch');
    if (req.method === 'PUT') {
      objects.set(req.url!, body);
      return void res.writeHead(200).end();
    }
    const object = objects.get(req.url!);
    if (!object) return void res.writeHead(404).end('NoSuchKey');
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(object);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, objects, seen, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function signatureHolds(req: IncomingMessage): boolean {
  const auth = req.headers.authorization ?? '';
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const headers = Object.fromEntries(signedHeaders.map((h) => [h, String(req.headers[h])]));
  const expected = aws4.sign({ host: req.headers.host, method: req.method, path: req.url, headers, service: 's3', region: 'cn-north-1' }, credentials);
  return signedHeaders.length > 0 && (expected.headers as Record<string, string>).Authorization === auth;
}

async function roundTrip(store: AttachmentStore) {
  const bytes = Buffer.from('%PDF-1.4 测试文件');
  await store.put(sha(bytes.toString()), bytes);
  await store.put(sha(bytes.toString()), bytes); // the same content twice: no error, one object
  expect(await text(await store.get(sha(bytes.toString())))).toBe(bytes.toString());
}

describe('directoryStore', () => {
  it('keeps a file by its hash and gives it back', async () => {
    await roundTrip(directoryStore(mkdtempSync(join(tmpdir(), 'starcity-store-'))));
  });

  it('takes the same document saved several times at once, leaving one file and no temporary one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starcity-store-'));
    const store = directoryStore(dir);
    const bytes = Buffer.alloc(2 * 1024 * 1024, '%PDF-1.4 同一份文件 ');
    const hash = sha(bytes.toString());
    await Promise.all(Array.from({ length: 6 }, () => store.put(hash, bytes)));
    expect(readdirSync(join(dir, hash.slice(0, 2)))).toEqual([hash]);
    expect(await text(await store.get(hash))).toBe(bytes.toString());
  });
});

describe('s3Store', async () => {
  const s3 = await fakeS3();
  afterAll(() => new Promise<void>((resolve) => s3.server.close(() => resolve())));
  const settings = { endpoint: `${s3.endpoint}/`, bucket: 'starcity-docs', region: 'cn-north-1', prefix: 'attachments/', ...credentials };

  it('puts and gets objects path-style under the prefix, with requests signed by Signature V4', async () => {
    await roundTrip(s3Store(settings));
    const key = sha('%PDF-1.4 测试文件');
    expect([...s3.objects.keys()]).toEqual([`/starcity-docs/attachments/${key.slice(0, 2)}/${key}`]);
  });

  it('fails plainly on a wrong key or a missing object', async () => {
    await expect(s3Store({ ...settings, secretAccessKey: 'wrong' }).put(sha('x'), Buffer.from('x'))).rejects.toThrow(/S3 PUT .* answered 403: SignatureDoesNotMatch/);
    await expect(s3Store(settings).get(sha('never stored'))).rejects.toThrow(/answered 404/);
  });
});
