// `npm test`: the whole suite — unit, API on PGlite, API on PostgreSQL (when TEST_DATABASE_URL is
// set) and the browser test in Debian Chromium. Extra arguments go to vitest unchanged
// (`npm test -- test/api/organizations.test.ts`). The exit status is vitest's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const chromium = process.env.STARCITY_CHROMIUM ?? '/usr/bin/chromium';
const e2eOff = ['0', 'false', 'no', 'off'].includes((process.env.STARCITY_E2E ?? '').toLowerCase());

function note(text) {
  console.log(`» ${text}`);
}

/**
 * Whether the browser test may run, so the build it needs is due: not when it is excluded, nor when
 * every positional argument is an existing file or folder outside e2e/ (`npm test -- test/api`).
 * Anything less clear builds — a no-op when the build is fresh.
 */
function e2eMayRun() {
  if (args.some((a) => /^(--project=)?!e2e$/.test(a))) return false;
  const positional = args.filter((a) => !a.startsWith('-'));
  const outsideE2e = (a) => existsSync(resolve(root, a)) && !relative(root, resolve(root, a)).split(sep).includes('e2e');
  return positional.length === 0 || !positional.every(outsideE2e);
}

const vitestArgs = ['run', ...args];
if (!process.env.TEST_DATABASE_URL)
  note('The PostgreSQL run (api-postgres) is not part of this run: `.ci/run` does it, or set TEST_DATABASE_URL to an admin URL of a throwaway PostgreSQL server.');
if (e2eOff) {
  note('STARCITY_E2E=0: the browser test (e2e) is left out of this run.');
  vitestArgs.push('--project=!e2e');
} else if (e2eMayRun()) {
  if (!existsSync(chromium))
    note(`Chromium is missing at ${chromium}: the e2e test will fail. Install Debian's chromium (apt-get install chromium), set STARCITY_CHROMIUM to its path, or leave e2e out with STARCITY_E2E=0.`);
  // The browser test runs the built server and UI, so build whatever is older than its sources.
  const build = spawnSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('npm test: the build the e2e test needs failed (see above).');
    process.exit(build.status ?? 1);
  }
}

const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), ...vitestArgs], { cwd: root, stdio: 'inherit' });
if (vitest.error) {
  console.error(`npm test: could not run vitest: ${vitest.error.message}`);
  process.exit(1);
}
process.exit(vitest.status ?? 1);
