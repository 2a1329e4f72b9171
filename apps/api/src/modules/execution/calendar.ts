import { todayIn } from '@roi/domain';

// Whole days on YYYY-MM-DD dates, counted in UTC so that no day is 23 or 25 hours long.
const MS_PER_DAY = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** The date, weekday (0 Sunday ... 6 Saturday) and hour it is now in a time zone. */
export function localClock(
  timeZone: string,
  now: Date,
): { date: string; weekday: number; hour: number } {
  const date = todayIn(timeZone, now);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
  return { date, weekday: new Date(`${date}T00:00:00Z`).getUTCDay(), hour };
}
