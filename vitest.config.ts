import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.js';

/**
 * Test projects:
 * - unit: pure code beside its source (src/**, web/src/**).
 * - api-pglite / api-postgres: the HTTP API on a real database; the PostgreSQL run needs
 *   TEST_DATABASE_URL (an admin URL of a throwaway server, as .ci/run provides).
 * - cli: the `starcity` commands run in-process (test/support/cli.ts), each test on a data
 *   directory of its own; templates (an empty migrated registry, the demo) are made once per run and copied (dataTemplates.ts).
 * - e2e: the built UI in Debian Chromium through playwright-core, and the compiled command's
 *   process-level behaviour; files run two at a time (their servers and browsers wait on each other).
 */
const api = (engine: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `api-${engine}`,
    include: ['test/api/**/*.test.ts'],
    env: { STARCITY_TEST_ENGINE: engine },
    globalSetup: ['test/support/globalSetup.ts', 'test/support/dataTemplates.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // Test files share their workers and the modules they import (isolate: false): no file leans on
    // module state another may leave (each builds its own app on its own database), and starting a
    // process and loading the app anew for each of ~180 files was a third of the suite's time
    // (unit: 81 s → 32 s; api-pglite: 292 s → 217 s, measured alone on this 2-core machine).
    isolate: false,
    // Both cores: vitest's default is one fewer than the CPUs, which is one worker here; the tests
    // spend much of their time waiting on a database, a server process or a browser.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      // Timeouts only catch a hang (speed is measured in bench/): the worker-thread and 200,000-key
      // tests take 1–2 s alone and more than vitest's default 5 s on a loaded 2-core machine.
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts'], testTimeout: 20_000 } },
      { extends: true, test: { name: 'cli', include: ['test/cli/**/*.test.ts'], globalSetup: ['test/support/dataTemplates.ts'], testTimeout: 120_000, hookTimeout: 600_000 } },
      api('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [api('postgres')] : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['test/support/dataTemplates.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          // vitest's default of 1 s is no bound for a page under a full run's load (a poll waits on
          // list requests that take longer then). Playwright's own waits are 15 s
          // (page.setDefaultTimeout); polls get the same.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
