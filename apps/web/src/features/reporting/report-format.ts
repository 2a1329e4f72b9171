import { formatDay } from '@roi/domain';

/**
 * How reports write dates and shares. The calendar's words are libs/domain's (calendar-format.ts:
 * "Sep 2027" on every runtime, as the board pack's PDF writes them too).
 */
export { dayRange, formatDayShort, formatMonth, intervalName } from '@roi/domain';

/** "3 Sep 2027" for 2027-09-03; "—" without a day. */
export function formatReportDay(date: string | null | undefined): string {
  return date ? formatDay(date) : '—';
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
