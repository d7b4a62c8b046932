import { PassThrough, Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  status: number;
  stdout: string;
  /** Standard output as bytes (an XLSX export). */
  stdoutBytes: Buffer;
  stderr: string;
}

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/**
 * Runs `starcity ARGS…` in this process, as the command would run (the same commander program and
 * commands), with its own standard streams and environment: only `env` (no DATABASE_URL unless
 * given), so a test names its data directory with `--data-dir` or STARCITY_DATA_DIR.
 */
export async function starcity(args: string[], { input = '', env = {} }: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const out = collector();
  const err = collector();
  const stdin = input ? Readable.from([input]) : new PassThrough().end();
  const status = await runCli(['node', 'starcity', ...args], { stdout: out.stream, stderr: err.stream, stdin, env: { LOG_LEVEL: 'warn', ...env }, exitCode: 0 });
  return { status, stdout: out.bytes().toString('utf8'), stdoutBytes: out.bytes(), stderr: err.bytes().toString('utf8') };
}
