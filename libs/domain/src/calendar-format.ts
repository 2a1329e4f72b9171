/**
 * How the product writes days, months and report intervals, in the web app and in every export
 * alike. The product writes British English: months are the three-letter abbreviations on every
 * runtime (Intl's en-GB writes September "Sept" in some versions and not others, and "Sept 26"
 * reads like a day), and years always have four digits. The organisation's locale shapes numbers
 * and money (see money-format.ts), not the words of the calendar.
 */

export const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The calendar day a `YYYY-MM-DD` string (or the date part of a date-time) names, or null. */
function calendarDay(date: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  // 2027-02-30 is no day (Date.UTC would roll it over into March).
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

const monthName = (day: CalendarDay) => MONTH_ABBREVIATIONS[day.month - 1] as string;

/** "3 Sep 2027" for 2027-09-03; a string that is not a day comes back as it is. */
export function formatDay(date: string): string {
  const day = calendarDay(date);
  return day ? `${day.day} ${monthName(day)} ${day.year}` : date;
}

/** "Sep 2027" for any day of September 2027. */
export function formatMonth(date: string): string {
  const day = calendarDay(date);
  return day ? `${monthName(day)} ${day.year}` : date;
}

/** "3 Sep", for a chart's axis when the year is written elsewhere. */
export function formatDayShort(date: string): string {
  const day = calendarDay(date);
  return day ? `${day.day} ${monthName(day)}` : date;
}

/**
 * An interval of a report by the months it spans: "Sep 2027" for a month, "Jul–Sep 2027" for a
 * quarter, "Nov 2027–Jan 2028" across a year. A period's first and last intervals may be partial;
 * tables give their exact days (`dayRange`).
 */
export function intervalName(from: string, to: string): string {
  const start = calendarDay(from);
  const end = calendarDay(to);
  if (!start || !end) return `${from} – ${to}`;
  if (start.year === end.year && start.month === end.month) return formatMonth(from);
  if (start.year === end.year) return `${monthName(start)}–${monthName(end)} ${end.year}`;
  return `${formatMonth(from)}–${formatMonth(to)}`;
}

/** "5 Jul 2027 – 31 Jul 2027": the exact days an interval covers. */
export function dayRange(from: string, to: string): string {
  return `${formatDay(from)} – ${formatDay(to)}`;
}
