import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FieldProblem } from '../../contracts/common.js';
import { fileNameProblem } from '../../http/multipart.js';
import { issuesToProblems } from '../../http/validation.js';

/**
 * Multipart uploads of the import API (上传): the text fields and the one `file` part, read in
 * order. The file is either spooled to a temporary file while it is hashed (an import runs
 * after the request has ended) or handed to a reader that takes only what it needs (a preview).
 */

/** Largest file an upload may carry; larger ones are refused with 413 as soon as they pass it. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export const multipartLimits = { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 100 };

/** An upload in a temporary file, with what the import record wants to know of it. */
export interface SpooledFile {
  path: string;
  fileName: string;
  size: number;
  sha256: string;
}

/** The file part under any other name: not ours to read, reported as an unknown field. */
const unknownPart = (name: string): FieldProblem => ({ field: name, code: 'unknown_field', message: { zh: `未知字段“${name}”`, en: `Unknown field "${name}"` } });

const missingFile: FieldProblem = { field: 'file', code: 'required', message: { zh: '请选择要上传的文件', en: 'A file is required' } };

/** "A file is required", unless a file came and a problem already says what is wrong with it. */
export const fileMissing = (problems: readonly FieldProblem[]): FieldProblem[] => (problems.some((p) => p.field === 'file') ? [] : [missingFile]);

/** Names at most 255 characters long; a part without a file name gets a neutral one. */
export const uploadName = (part: MultipartFile) => (part.filename || 'upload').slice(0, 255);

/** Streams the part to a file in the system's temporary directory, hashing it on the way. */
export async function spool(part: MultipartFile): Promise<SpooledFile> {
  const path = join(tmpdir(), `starcity-upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      part.file,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(path),
    );
  } catch (err) {
    await removeSpooled(path);
    throw err;
  }
  // The parser stops a file at the limit and ends it as if whole: refused, not imported cut short.
  if ((part.file as Readable & { truncated?: boolean }).truncated) {
    await removeSpooled(path);
    throw new UploadTooLarge();
  }
  return { path, fileName: uploadName(part), size, sha256: hash.digest('hex') };
}

/** The file passed {@link MAX_UPLOAD_BYTES}. */
export class UploadTooLarge extends Error {
  readonly code = 'FST_REQ_FILE_TOO_LARGE';
  constructor() {
    super('request file too large');
  }
}

export const removeSpooled = (path: string) => rm(path, { force: true });

/** Reads and discards what is left of a part, so the parser moves on to the next part. */
export function drain(file: Readable): Promise<void> {
  if (file.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    file.once('end', resolve).once('close', resolve).once('error', () => resolve());
    file.resume();
  });
}

/** The text fields judged by their contract: the value, or the bilingual problems naming each field. */
export function parseFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): { ok: true; value: z.output<S> } | { ok: false; problems: FieldProblem[] } {
  const parsed = schema.safeParse(fields, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: issuesToProblems(parsed.error.issues, 'body') };
}

/**
 * Reads an upload's parts in order: text fields are collected, the `file` part goes to `onFile`
 * with the fields sent before it (the wizard sends them first). Returns the fields, what
 * `onFile` gave (null when no file came, or one whose name is refused) and the problems of parts
 * that are not ours or not acceptable.
 */
export async function readUpload<T>(
  req: FastifyRequest,
  onFile: (part: MultipartFile, fieldsBefore: Record<string, string>) => Promise<T>,
  /** Undoes what `onFile` made when a later part fails the request. */
  discard: (file: T) => Promise<void> = async () => {},
): Promise<{ fields: Record<string, string>; file: T | null; problems: FieldProblem[] }> {
  const fields: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  let file: T | null = null;
  try {
    for await (const part of req.parts({ limits: multipartLimits })) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else if (part.fieldname !== 'file') {
        problems.push(unknownPart(part.fieldname));
        await drain(part.file);
      } else {
        const badName = fileNameProblem(part.filename);
        if (badName) {
          problems.push(badName);
          await drain(part.file);
        } else file = await onFile(part, { ...fields });
      }
    }
  } catch (err) {
    if (file !== null) await discard(file);
    throw err;
  }
  return { fields, file, problems };
}
