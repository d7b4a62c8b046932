import { createHash } from 'node:crypto';
import type { Message } from '../domain/message.js';

/**
 * The backup file of the embedded database (`starcity backup`): one header line, one manifest
 * line, then the payload (PGlite's data directory as a gzipped tar).
 *
 *     STARCITY-BACKUP 1 <SHA-256 of the manifest line>\n
 *     {"format":1,"engine":"pglite",…,"payload":{"bytes":…,"sha256":"…"}}\n
 *     <payload bytes>
 *
 * The header's hash guards the manifest and the manifest's hash guards the payload, so a flipped
 * byte anywhere, or a cut-off file, is found before anything is restored.
 */

export const BACKUP_FORMAT = 1;
const MAGIC = 'STARCITY-BACKUP';
const NEWLINE = 0x0a;
// The header and the manifest are a few hundred bytes; a file whose first lines run longer is not ours.
const MAX_HEAD = 64 * 1024;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  engine: 'pglite';
  /** The PostgreSQL version inside PGlite that wrote the data directory (`SHOW server_version`); restoring needs the same major version. */
  postgres: string;
  starcity: string;
  /** The last migration applied in the backed-up database, e.g. `0011`. */
  migration: string | null;
  created_at: string;
  payload: { compression: 'gzip'; bytes: number; sha256: string };
}

export type BackupProblem = 'backup.not_a_backup' | 'backup.unsupported_format' | 'backup.manifest_damaged' | 'backup.truncated' | 'backup.payload_damaged';

/** A file that is not a whole, intact backup: nothing may be restored from it. */
export class BackupFileError extends Error {
  constructor(
    readonly code: BackupProblem,
    readonly problem: Message,
  ) {
    super(`${problem.en} (${problem.zh})`);
    this.name = 'BackupFileError';
  }
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The whole backup file for a payload and what it came from. */
export function encodeBackup(payload: Uint8Array, about: Omit<BackupManifest, 'format' | 'engine' | 'payload'>): { file: Buffer; manifest: BackupManifest } {
  const manifest: BackupManifest = { format: BACKUP_FORMAT, engine: 'pglite', ...about, payload: { compression: 'gzip', bytes: payload.byteLength, sha256: sha256(payload) } };
  const line = JSON.stringify(manifest);
  const head = `${MAGIC} ${BACKUP_FORMAT} ${sha256(line)}\n${line}\n`;
  return { file: Buffer.concat([Buffer.from(head, 'utf8'), payload]), manifest };
}

/** Checks a backup file end to end and returns its manifest and payload; throws {@link BackupFileError} otherwise. */
export function decodeBackup(file: Uint8Array): { manifest: BackupManifest; payload: Uint8Array } {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = headerEnd > 0 && headerEnd < MAX_HEAD ? bytes.subarray(0, headerEnd).toString('utf8').split(' ') : [];
  if (header[0] !== MAGIC) throw fail('backup.not_a_backup', '该文件不是 StarCity 备份文件', 'The file is not a StarCity backup');
  if (header[1] !== String(BACKUP_FORMAT))
    throw fail('backup.unsupported_format', `不支持的备份格式版本“${header[1] ?? ''}”（本版本读取版本 ${BACKUP_FORMAT}）`, `Unsupported backup format "${header[1] ?? ''}" (this version reads format ${BACKUP_FORMAT})`);
  const manifestEnd = bytes.indexOf(NEWLINE, headerEnd + 1);
  if (manifestEnd < 0) throw truncated();
  const line = bytes.subarray(headerEnd + 1, manifestEnd).toString('utf8');
  if (sha256(line) !== header[2]) throw fail('backup.manifest_damaged', '备份文件的清单已损坏（校验和不符）', 'The backup’s manifest is damaged (checksum mismatch)');
  const manifest = JSON.parse(line) as BackupManifest;
  const payload = bytes.subarray(manifestEnd + 1);
  if (payload.byteLength < manifest.payload.bytes) throw truncated();
  if (payload.byteLength > manifest.payload.bytes || sha256(payload) !== manifest.payload.sha256)
    throw fail('backup.payload_damaged', '备份文件的数据已损坏（SHA-256 校验和不符）', 'The backup’s data is damaged (SHA-256 checksum mismatch)');
  return { manifest, payload };
}

const fail = (code: BackupProblem, zh: string, en: string) => new BackupFileError(code, { zh, en });
const truncated = () => fail('backup.truncated', '备份文件不完整（被截断）', 'The backup file is incomplete (truncated)');
