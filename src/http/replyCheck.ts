import type { ZodType } from 'zod';

/**
 * The serializer of a test app: every JSON reply must match its route's response schema, and
 * strictly — a field the schema does not declare (a column a presenter let through, such as a
 * password hash) fails the request with a 500 naming the route and the field, so the test that
 * made it fails. Production replies skip this (plain JSON.stringify, see app.ts).
 */
export const strictReplySerializer = ({ schema, method, url, httpStatus }: { schema: unknown; method: string; url: string; httpStatus?: string }) => {
  const route = `${method} ${url} → ${httpStatus ?? '?'}`;
  return (data: unknown): string => {
    const text = JSON.stringify(data);
    if (!isZod(schema) || text === undefined) return text;
    const json: unknown = JSON.parse(text);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Error(`The reply of ${route} does not match its schema: ${parsed.error.message}`);
    const extra = undeclared(json, JSON.parse(JSON.stringify(parsed.data ?? null)), '');
    if (extra) throw new Error(`The reply of ${route} has a field its schema does not declare: ${extra}`);
    return text;
  };
};

function isZod(schema: unknown): schema is ZodType {
  return typeof schema === 'object' && schema !== null && typeof (schema as { safeParse?: unknown }).safeParse === 'function';
}

/** The path of the first key of `sent` that parsing dropped (zod strips undeclared keys), if any. */
function undeclared(sent: unknown, kept: unknown, path: string): string | null {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    for (let i = 0; i < sent.length; i++) {
      const found = undeclared(sent[i], kept[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (!isRecord(sent) || !isRecord(kept)) return null;
  for (const key of Object.keys(sent)) {
    if (!(key in kept)) return `${path}.${key}`;
    const found = undeclared(sent[key], kept[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

