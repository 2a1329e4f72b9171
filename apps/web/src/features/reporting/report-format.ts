/**
 * How reports write dates and shares. Months are the three-letter English abbreviations on every
 * runtime: Intl's en-GB writes September "Sept" in some versions and not others, and a board
 * reading "Sep 2027" should never wonder which month (or which year: always four digits).
 */

const MONTHS = [
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

function parts(date: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "3 Sep 2027" for 2027-09-03 (a calendar day; a date-time is read by its date part). */
export function formatReportDay(date: string | null | undefined): string {
  if (!date) return '—';
  const day = parts(date);
  if (!day) return date;
  return `${day.day} ${MONTHS[day.month - 1]} ${day.year}`;
}

/** "Sep 2027" for any day of September 2027. */
export function formatMonth(date: string): string {
  const day = parts(date);
  if (!day) return date;
  return `${MONTHS[day.month - 1]} ${day.year}`;
}

/** "3 Sep" for a point on a chart's axis when the year is written elsewhere. */
export function formatDayShort(date: string): string {
  const day = parts(date);
  if (!day) return date;
  return `${day.day} ${MONTHS[day.month - 1]}`;
}

/**
 * An interval of a report by the months it spans: "Sep 2027" for a month, "Jul–Sep 2027" for a
 * quarter, "Nov 2027–Jan 2028" across a year. A cycle's first and last intervals may be partial;
 * the tables give their exact dates.
 */
export function intervalName(from: string, to: string): string {
  const start = parts(from);
  const end = parts(to);
  if (!start || !end) return `${from} – ${to}`;
  if (start.year === end.year && start.month === end.month) return formatMonth(from);
  if (start.year === end.year)
    return `${MONTHS[start.month - 1]}–${MONTHS[end.month - 1]} ${end.year}`;
  return `${formatMonth(from)}–${formatMonth(to)}`;
}

/** "5 Jul 2027 – 31 Jul 2027": the exact days an interval covers. */
export function dayRange(from: string, to: string): string {
  return `${formatReportDay(from)} – ${formatReportDay(to)}`;
}

/** A KPI's progress or expected share (0.1163) as a whole percentage ("12%"); "n/a" without one. */
export function formatShare(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return 'n/a';
  return `${Math.round(ratio * 100)}%`;
}

/** A maturity score on the 0–5 scale with one decimal ("2.7"); "—" without one. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  return score.toFixed(1);
}
