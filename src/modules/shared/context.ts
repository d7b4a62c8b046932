import type { Database, Queryable } from '../../db/client.js';
import { todayIn } from '../../domain/calendarDate.js';
import type { CityConfig } from '../../domain/city.js';
import type { HolidayCalendar } from '../../domain/workflow/holidayCalendar.js';

/** The time every use case reads: the instant, and the calendar day it is in the city. */
export interface Clock {
  now(): Date;
  /** Today in the city's time zone (YYYY-MM-DD), or the fixed day of STARCITY_TODAY. */
  today(): string;
}

/**
 * What every module runs on, built once per process (`appContext`): the database, the city, its
 * clock and its holiday calendar. Routes, services and CLI commands all take this one object.
 */
export interface AppContext {
  db: Database;
  city: CityConfig;
  clock: Clock;
  calendar: HolidayCalendar;
}

/** A use case's view of the context: `db` is the database or an open transaction. */
export type ServiceContext = Omit<AppContext, 'db'> & { db: Queryable };

export interface ClockOptions {
  /** The instant; tests pass their own. */
  now?: () => Date;
  /** A fixed day (STARCITY_TODAY, tests) or a function giving it; else the city's day of `now`. */
  today?: string | (() => string) | null;
}

/** The city's day changes at its own midnight (its `timeZone`): 17:30 UTC is already tomorrow in Beijing. */
export function cityClock(timeZone: string, options: ClockOptions = {}): Clock {
  const now = options.now ?? (() => new Date());
  const fixed = options.today;
  const today = typeof fixed === 'function' ? fixed : typeof fixed === 'string' ? () => fixed : () => todayIn(timeZone, now());
  return { now, today };
}

export function appContext(db: Database, city: CityConfig, calendar: HolidayCalendar, options: ClockOptions = {}): AppContext {
  return { db, city, clock: cityClock(city.timeZone, options), calendar };
}
