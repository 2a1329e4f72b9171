import { isIsoDate } from './fiscal-year';

/**
 * Whole-day arithmetic on `YYYY-MM-DD` dates, counted in UTC so that a daylight-saving change never
 * makes a day 23 or 25 hours long. Internal to the domain library: plan and execution rules count
 * days (time elapsed toward a KPI target, burn-up steps) and must all count them the same way.
 */
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (negative before it). */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  return Math.round(new Date(0).setUTCFullYear(year, month - 1, day) / MS_PER_DAY);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDayNumber(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function assertIsoDate(date: string, what: string): void {
  if (!isIsoDate(date)) throw new RangeError(`${what} is not a YYYY-MM-DD date: ${date}`);
}
