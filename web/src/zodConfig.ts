import { config } from 'zod';

/**
 * zod as the web UI imports it: every `from 'zod'` of the web build resolves here (the
 * `starcity:zod-configured` plugin, web/vite.config.ts). The server's Content-Security-Policy
 * refuses eval (docs/security.md). Zod, when it builds its first object schema, probes whether eval
 * is allowed (`Function('')`) so as to compile fast parsers — under the policy the browser reports
 * that probe as a violation, even though zod catches it. Jitless, zod neither probes nor compiles in
 * the browser; the UI's schemas are small. A module that builds a schema imports zod, so this runs
 * first; a first page that builds none (the overview, the portal) loads no zod at all.
 */
config({ jitless: true });

export * from 'zod';
export { default } from 'zod';
