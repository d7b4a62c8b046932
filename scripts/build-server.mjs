// Compiles the server (src → dist/server) and copies the SQL migrations beside the compiled code.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist/server`, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
} catch (err) {
  console.error('The server did not compile (see the errors above).');
  process.exit(err.status ?? 1);
}
cpSync(`${root}src/db/migrations`, `${root}dist/server/db/migrations`, { recursive: true });
