#!/usr/bin/env node
// The `starcity` command. It runs the compiled server code; `npm start` and `npm run build` compile it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('starcity: the server is not built yet. Run `npm run build` (or `npm start`, which builds what is missing).');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
