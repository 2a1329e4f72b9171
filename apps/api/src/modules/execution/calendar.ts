import { todayIn } from '@roi/domain';

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
