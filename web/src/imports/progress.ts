/** One observation of a running import: when the client saw it, rows read, bytes read. */
export interface ProgressSample {
  atMs: number;
  read: number;
  bytes: number;
}

export interface Progress {
  /** 0–100 of the file's bytes; null when the size is unknown. Floored, so 100 means all read. */
  percent: number | null;
  rowsPerSecond: number | null;
  /** Seconds left at the byte rate so far; null until there is a rate and a size. */
  etaSeconds: number | null;
}

/**
 * Progress between the first sample the client saw and the current one. Client clocks only, so a
 * server in another time zone or with a skewed clock does not distort the rate.
 */
export function progressOf(first: ProgressSample | null, current: ProgressSample, fileSize: number | null): Progress {
  const percent = fileSize && fileSize > 0 ? Math.min(100, Math.floor((current.bytes / fileSize) * 100)) : null;
  const seconds = first ? (current.atMs - first.atMs) / 1000 : 0;
  if (!first || seconds <= 0) return { percent, rowsPerSecond: null, etaSeconds: null };
  const rowsPerSecond = Math.max(0, (current.read - first.read) / seconds);
  const bytesPerSecond = (current.bytes - first.bytes) / seconds;
  const etaSeconds = fileSize && bytesPerSecond > 0 ? Math.max(0, Math.ceil((fileSize - current.bytes) / bytesPerSecond)) : null;
  return { percent, rowsPerSecond, etaSeconds };
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const [h, m, rest] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0 ? `${h}:${two(m)}:${two(rest)}` : `${m}:${two(rest)}`;
}
