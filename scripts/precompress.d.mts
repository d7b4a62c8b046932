/** Writes .br and .gz copies of the text files under `dir`; resolves with the files written. */
export function precompress(dir: string): Promise<string[]>;
