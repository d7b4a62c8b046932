import { config } from 'zod';

/**
 * The server's Content-Security-Policy refuses eval (docs/security.md). Zod, when it builds its
 * first object schema, probes whether eval is allowed (`Function('')`) so as to compile fast
 * parsers — under the policy the browser reports that probe as a violation, even though zod
 * catches it. Jitless, zod neither probes nor compiles in the browser; the UI's schemas are small.
 * Imported first by main.tsx, so it is set before any module builds a schema.
 */
config({ jitless: true });
