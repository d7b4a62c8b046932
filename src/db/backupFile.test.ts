import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BackupFileError, decodeBackup, encodeBackup, type BackupProblem } from './backupFile.js';

const about = { postgres: '17.5', starcity: '1.0.0', migration: '0011', created_at: '2026-12-04T10:00:00.000Z' };
const payload = randomBytes(4096);
const { file, manifest } = encodeBackup(payload, about);

function refusal(bytes: Uint8Array): BackupProblem {
  try {
    decodeBackup(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(BackupFileError);
    expect((err as BackupFileError).problem.zh && (err as BackupFileError).problem.en).toBeTruthy();
    return (err as BackupFileError).code;
  }
  throw new Error('a damaged backup was accepted');
}

const flipped = (at: number) => {
  const copy = Buffer.from(file);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe('backup file', () => {
  it('gives back the payload and the manifest it was written with', () => {
    const read = decodeBackup(file);
    expect(Buffer.from(read.payload).equals(payload)).toBe(true);
    expect(read.manifest).toEqual(manifest);
    expect(read.manifest).toMatchObject({ format: 1, engine: 'pglite', ...about, payload: { bytes: payload.length } });
  });

  it('refuses a flipped byte in the header, the manifest or the payload', () => {
    const manifestStart = file.indexOf(0x0a) + 1;
    const payloadStart = file.indexOf(0x0a, manifestStart) + 1;
    expect(refusal(flipped(0))).toBe('backup.not_a_backup');
    expect(refusal(flipped(manifestStart - 2))).toBe('backup.manifest_damaged');
    expect(refusal(flipped(manifestStart + 5))).toBe('backup.manifest_damaged');
    for (const at of [payloadStart, payloadStart + 1000, file.length - 1]) expect(refusal(flipped(at))).toBe('backup.payload_damaged');
  });

  it('refuses a cut-off file, wherever it was cut', () => {
    for (const length of [0, 10, file.indexOf(0x0a) + 20, file.length - 4096, file.length - 1]) expect(refusal(file.subarray(0, length))).toMatch(/^backup\.(truncated|not_a_backup)$/);
    expect(refusal(file.subarray(0, file.length - 1))).toBe('backup.truncated');
  });

  it('refuses bytes appended after the payload', () => {
    expect(refusal(Buffer.concat([file, Buffer.from('x')]))).toBe('backup.payload_damaged');
  });

  it('refuses another format version and a file that is not a backup', () => {
    expect(refusal(Buffer.from(file.toString('latin1').replace('STARCITY-BACKUP 1 ', 'STARCITY-BACKUP 2 '), 'latin1'))).toBe('backup.unsupported_format');
    expect(refusal(Buffer.from('PGDMP\u0001\u000e\u0000'))).toBe('backup.not_a_backup');
  });
});
