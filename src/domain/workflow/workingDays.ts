import { dateOfDayNumber, dayNumber } from '../calendarDate.js';

/**
 * Working days (工作日, Monday to Friday): a public notice (公示) runs for a number of them from the
 * day after it is published, and a step's deadline falls that many after the day it began; either
 * is over once its last day is. Public holidays are not modelled: a city that needs them lengthens
 * its periods in the configuration.
 */
export function workingDaysAfter(start: string, workingDays: number): string {
  let day = dayNumber(start);
  for (let left = workingDays; left > 0; ) {
    day += 1;
    if (isWorkingDay(day)) left -= 1;
  }
  return dateOfDayNumber(day);
}

/** Whether a period whose last day is `lastDay` is over on `today`. */
export const periodEnded = (lastDay: string, today: string): boolean => today > lastDay;

/** 1970-01-01 (day 0) was a Thursday. */
function isWorkingDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}
