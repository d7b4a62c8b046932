import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, parseLifetime, sessionDeadline, sessionState } from './accountSecurity.js';

const T = new Date('2026-11-27T09:00:00Z').getTime();
const at = (minutes: number) => new Date(T + minutes * 60_000);

describe('lock-out', () => {
  it('locks for 15 minutes at the 5th failure within 15 minutes, and starts counting again', () => {
    let recent: Date[] = [];
    for (const m of [0, 1, 2, 3]) {
      const r = afterFailure(recent, at(m));
      expect(r.lockedUntil).toBeNull();
      recent = r.recent;
    }
    const fifth = afterFailure(recent, at(4));
    expect(fifth).toEqual({ recent: [], lockedUntil: at(19) });
  });

  it('forgets failures older than 15 minutes', () => {
    const r = afterFailure([at(0), at(1), at(2), at(3)], at(15.5));
    expect(r.lockedUntil).toBeNull();
    expect(r.recent).toEqual([at(1), at(2), at(3), at(15.5)]);
  });

  it('is locked until the lock ends', () => {
    expect(isLocked(at(15), at(14))).toBe(true);
    expect(isLocked(at(15), at(15))).toBe(false);
    expect(isLocked(null, at(0))).toBe(false);
  });
});

describe('session timeouts', () => {
  const policy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
  it('is idle 30 minutes after the last request, expired 12 hours after sign-in', () => {
    expect(sessionState({ createdAt: at(0), lastSeenAt: at(0) }, at(29), policy)).toBe('active');
    expect(sessionState({ createdAt: at(0), lastSeenAt: at(0) }, at(30), policy)).toBe('idle');
    expect(sessionState({ createdAt: at(0), lastSeenAt: at(719) }, at(720), policy)).toBe('expired');
  });

  it('ends at the earlier deadline', () => {
    expect(sessionDeadline({ createdAt: at(0), lastSeenAt: at(10) }, policy)).toEqual(at(40));
    expect(sessionDeadline({ createdAt: at(0), lastSeenAt: at(710) }, policy)).toEqual(at(720));
  });
});

describe('token lifetimes', () => {
  it('reads minutes, hours and days, within 1 minute … 366 days', () => {
    expect(parseLifetime('30d')).toBe(30 * 86_400_000);
    expect(parseLifetime('12h')).toBe(12 * 3_600_000);
    expect(parseLifetime('90m')).toBe(90 * 60_000);
    expect(parseLifetime('366d')).toBe(366 * 86_400_000);
    for (const bad of ['367d', '0m', '30', 'd', '1y', '-1d', '']) expect(parseLifetime(bad), bad).toBeNull();
  });
});
