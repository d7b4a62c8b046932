import { dateOfDayNumber, dayNumber } from '../calendarDate.js';

/**
 * The public notice (公示) runs for a number of working days (Monday to Friday) starting the day
 * after it is published; it has ended once its last day is over. Public holidays are not modelled:
 * a city that needs them lengthens the notice in its configuration.
 */
export function noticeLastDay(publishedOn: string, workingDays: number): string {
  let day = dayNumber(publishedOn);
  for (let left = workingDays; left > 0; ) {
    day += 1;
    if (isWorkingDay(day)) left -= 1;
  }
  return dateOfDayNumber(day);
}

export const noticeEnded = (lastDay: string, today: string): boolean => today > lastDay;

/** 1970-01-01 (day 0) was a Thursday. */
function isWorkingDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}
