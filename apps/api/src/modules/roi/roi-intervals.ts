import { addDays } from '@roi/domain';

/** A span of days, both ends included, as ISO dates. */
export interface Period {
  from: string;
  to: string;
}

export interface IntervalBounds {
  from: string;
  to: string;
}

/**
 * The calendar months or quarters a period touches, each cut to the period: a period from
 * 2027-01-15 to 2027-03-10 by month is 01-15..01-31, 02-01..02-28, 03-01..03-10. Every interval is
 * listed, also those without entries, so a chart's time axis has no holes.
 */
export function periodIntervals(period: Period, interval: 'month' | 'quarter'): IntervalBounds[] {
  const months = interval === 'month' ? 1 : 3;
  const bounds: IntervalBounds[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  month = month - ((month - 1) % months);
  for (;;) {
    const start = isoDate(year, month, 1);
    month += months;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
    const end = addDays(isoDate(year, month, 1), -1);
    bounds.push({
      from: start < period.from ? period.from : start,
      to: end > period.to ? period.to : end,
    });
    if (end >= period.to) return bounds;
  }
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The whole calendar months inside a period (first day of the first, last day of the last), or
 * nulls when it holds none: the ROI reads those from the monthly rollups and only the days around
 * them from the daily ones.
 */
export function wholeMonthsOf(period: Period): { from: string | null; to: string | null } {
  const months = periodIntervals(period, 'month').filter(
    (month) => month.from.endsWith('-01') && addDays(month.to, 1).endsWith('-01'),
  );
  return { from: months[0]?.from ?? null, to: months[months.length - 1]?.to ?? null };
}
