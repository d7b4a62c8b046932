import { dateOfDayNumber, dayNumber } from '../calendarDate.js';
import { isWeekend, type HolidayCalendar } from './holidayCalendar.js';

/**
 * Working days (工作日): Monday to Friday, less the calendar's public holidays (法定节假日), plus its
 * make-up working days (调休上班). A public notice (公示) runs for a number of them from the day
 * after it is published, and a step's deadline falls that many after the day it began; either is
 * over once its last day is. Years the calendar does not hold count Monday to Friday.
 */
export function workingDaysAfter(start: string, workingDays: number, calendar: HolidayCalendar): string {
  let day = dayNumber(start);
  for (let left = workingDays; left > 0; ) {
    day += 1;
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return dateOfDayNumber(day);
}

/** Whether a period whose last day is `lastDay` is over on `today`. */
export const periodEnded = (lastDay: string, today: string): boolean => today > lastDay;

function isWorkingDay(day: number, calendar: HolidayCalendar): boolean {
  if (calendar.holidays.has(day)) return false;
  return calendar.workdays.has(day) || !isWeekend(day);
}
