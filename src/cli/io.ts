import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where a command reads and writes: the process's own streams when `starcity` runs, a test's when
 * the suite runs a command in-process (`runCli` in main.ts) — which spares a Node start and a module
 * load per command, and lets several commands run in one process without sharing a stream.
 */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** The status the command ends with when it returns normally (an audit chain that is broken: 1). */
  exitCode: number;
}

const current = new AsyncLocalStorage<CliIo>();

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, exitCode: 0 };
}

/** The streams of the command that is running. */
export function cliIo(): CliIo {
  return current.getStore() ?? fallback;
}
const fallback = processIo();

export function withCliIo<T>(io: CliIo, run: () => Promise<T>): Promise<T> {
  return current.run(io, run);
}

/** A line to standard output (the command's result). */
export function say(line: string): void {
  cliIo().stdout.write(`${line}\n`);
}

/** A line to standard error (what the command tells the person running it). */
export function tell(line: string): void {
  cliIo().stderr.write(`${line}\n`);
}

/** Ends the command with this status once it returns (it still finishes what it is doing). */
export function failWith(status: number): void {
  cliIo().exitCode = status;
}
