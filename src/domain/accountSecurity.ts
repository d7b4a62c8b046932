/**
 * Time rules of accounts, pure so tests pass a clock: lock-out after repeated failed sign-ins,
 * session idle and absolute timeouts, and token lifetimes such as `30d`.
 */

export interface LockoutPolicy {
  /** Failed sign-ins within `windowMs` that lock the account. */
  maxFailures: number;
  windowMs: number;
  /** How long the account stays locked. */
  lockMs: number;
}

const MINUTE = 60_000;

/** 5 failures within 15 minutes lock the account for 15 minutes. */
export const lockoutPolicy: LockoutPolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/**
 * After one more failed sign-in at `now`: the failures still counted (within the window) and, when
 * they reach the limit, the moment the lock ends (the count then starts again from nothing).
 */
export function afterFailure(recent: readonly Date[], now: Date, policy: LockoutPolicy = lockoutPolicy): { recent: Date[]; lockedUntil: Date | null } {
  const counted = [...recent.filter((t) => now.getTime() - t.getTime() < policy.windowMs && t.getTime() <= now.getTime()), now];
  if (counted.length >= policy.maxFailures) return { recent: [], lockedUntil: new Date(now.getTime() + policy.lockMs) };
  return { recent: counted, lockedUntil: null };
}

/** Whether an account locked until `lockedUntil` is still locked at `now`. */
export const isLocked = (lockedUntil: Date | null, now: Date): boolean => lockedUntil !== null && lockedUntil.getTime() > now.getTime();

export interface SessionPolicy {
  /** A session unused this long ends (default 30 minutes). */
  idleMs: number;
  /** A session ends this long after sign-in, however busy (default 12 hours). */
  absoluteMs: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE };

export type SessionState = 'active' | 'idle' | 'expired';

/** Whether a session signed in at `createdAt` and last used at `lastSeenAt` is still usable at `now`. */
export function sessionState(s: { createdAt: Date; lastSeenAt: Date }, now: Date, policy: SessionPolicy = defaultSessionPolicy): SessionState {
  if (now.getTime() - s.createdAt.getTime() >= policy.absoluteMs) return 'expired';
  if (now.getTime() - s.lastSeenAt.getTime() >= policy.idleMs) return 'idle';
  return 'active';
}

/** When a session ends if not used again: the earlier of its idle and absolute deadlines. */
export function sessionDeadline(s: { createdAt: Date; lastSeenAt: Date }, policy: SessionPolicy = defaultSessionPolicy): Date {
  return new Date(Math.min(s.lastSeenAt.getTime() + policy.idleMs, s.createdAt.getTime() + policy.absoluteMs));
}

const UNITS: Record<string, number> = { m: MINUTE, h: 60 * MINUTE, d: 24 * 60 * MINUTE };

/** Tokens live at most a year. */
export const MAX_TOKEN_LIFETIME_MS = 366 * UNITS.d!;

/** `30d`, `12h`, `90m` → milliseconds; null when it is not such a duration or is out of 1 minute … 366 days. */
export function parseLifetime(text: string): number | null {
  const m = /^\s*(\d{1,6})\s*([mhd])\s*$/i.exec(text);
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[m[2]!.toLowerCase()]!;
  return ms >= MINUTE && ms <= MAX_TOKEN_LIFETIME_MS ? ms : null;
}
