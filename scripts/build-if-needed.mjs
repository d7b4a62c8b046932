// `npm start` runs this first: it rebuilds the server or the web UI only when their sources are
// newer than the last build, so a second start is ready in seconds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(paths) {
  let max = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else max = Math.max(max, s.mtimeMs);
  };
  paths.forEach((p) => visit(join(root, p)));
  return max;
}

function builtAt(stamp) {
  const file = join(root, stamp);
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function run(label, args, stamp) {
  const t = Date.now();
  console.log(`Building ${label}…`);
  try {
    execFileSync(args[0], args.slice(1), { cwd: root, stdio: 'inherit' });
  } catch (err) {
    console.error(`Building ${label} failed.`);
    process.exit(err.status ?? 1);
  }
  writeFileSync(join(root, stamp), new Date().toISOString());
  console.log(`Built ${label} in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
}

const shared = ['src', 'package-lock.json'];
if (newest([...shared, 'tsconfig.json', 'tsconfig.build.json']) > builtAt('dist/server/.built'))
  run('the server', [process.execPath, join(root, 'scripts/build-server.mjs')], 'dist/server/.built');
if (newest([...shared, 'web']) > builtAt('dist/web/.built'))
  run('the web UI', [process.execPath, join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], 'dist/web/.built');
