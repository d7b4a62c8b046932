import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** The temporary directories of one test file, removed together after its tests. */
export interface TempDirs {
  /** A new empty directory, `starcity-<what>-XXXXXX` in the system's temporary directory. */
  make(what: string): string;
  /** Takes a directory made elsewhere (such as a data template's copy) into the file's keeping. */
  keep<T extends string>(dir: T): T;
}

/**
 * Call at a test file's top level: it registers the file's own afterAll. (Test files share their
 * workers and modules — vitest's isolate: false — so the list cannot live in this module.)
 */
export function tempDirs(): TempDirs {
  const kept: string[] = [];
  afterAll(() => kept.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const keep = <T extends string>(dir: T): T => (kept.push(dir), dir);
  return { keep, make: (what) => keep(mkdtempSync(join(tmpdir(), `starcity-${what}-`))) };
}
