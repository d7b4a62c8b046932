/**
 * Columns PostgreSQL packs into one bytea — `string_agg(int4send(x), ''::bytea)` (4 big-endian
 * bytes a value) or float8send (8) — read back as typed arrays. Millions of values cross from the
 * database (PGlite too) as one value the driver reads at once; a row or a text per value costs
 * seconds of parsing. A NULL (string_agg over no rows) is an empty column.
 */

/** The SQL packing the integers `expression` (never NULL there: string_agg would skip it and misalign the columns). */
export const packInt32s = (expression: string) => `string_agg(int4send(${expression}), ''::bytea)`;

/** The SQL packing the doubles `expression` (never NULL there). */
export const packFloat64s = (expression: string) => `string_agg(float8send(${expression}), ''::bytea)`;

/** A column packed by {@link packInt32s}; `n`, when given, the values it must hold. */
export function int32sOf(packed: Uint8Array | null, n?: number): Int32Array {
  const view = viewOf(packed, 4, n);
  const out = new Int32Array(view.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(4 * i);
  return out;
}

/** A column packed by {@link packFloat64s}; `n`, when given, the values it must hold. */
export function float64sOf(packed: Uint8Array | null, n?: number): Float64Array {
  const view = viewOf(packed, 8, n);
  const out = new Float64Array(view.byteLength / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(8 * i);
  return out;
}

function viewOf(packed: Uint8Array | null, width: number, n: number | undefined): DataView {
  const bytes = packed ?? new Uint8Array(0);
  if (bytes.byteLength % width !== 0 || (n !== undefined && bytes.byteLength !== width * n))
    throw new Error(`A packed column of ${bytes.byteLength} bytes is not ${n ?? 'a whole number of'} values of ${width} bytes`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
