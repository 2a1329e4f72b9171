import { exactDecimal, toDecimalString } from '@roi/domain';
import type { RoiGroup } from './roi.queries';

/**
 * What the charts draw. Figures stay the API's decimal strings: the tables print them as they
 * are, and a chart gets a number only for its axis (Number() of the string, never arithmetic on a
 * float). ROI and payback are the API's; nothing here recomputes them.
 */

/** A decimal string as a position on a chart's axis; null stays a gap, never 0. */
export const axisValue = (decimal: string | null | undefined): number | null =>
  decimal === null || decimal === undefined ? null : Number(decimal);

/** An ROI ratio ("0.2345") as a position on a percentage axis (23.45). */
export const axisPercent = (ratio: string | null | undefined): number | null =>
  ratio === null || ratio === undefined ? null : Number(exactDecimal(ratio).mul(100).valueOf());

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date, read as a calendar day. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / DAY_MS;
}

export const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface CumulativePoint {
  /** The last day of the interval the running totals are taken at. */
  date: string;
  cost: string;
  value: string;
  cumulativeCost: string;
  cumulativeValue: string;
}

/**
 * Running cost and value of one group from the start of the period, at the end of each of its
 * intervals: exact sums of the API's decimal strings.
 */
export function cumulativeSeries(group: RoiGroup): CumulativePoint[] {
  let cost = exactDecimal(0);
  let value = exactDecimal(0);
  return (group.intervals ?? []).map((interval) => {
    cost = cost.add(exactDecimal(interval.cost));
    value = value.add(exactDecimal(interval.value));
    return {
      date: interval.to,
      cost: interval.cost,
      value: interval.value,
      cumulativeCost: toDecimalString(cost),
      cumulativeValue: toDecimalString(value),
    };
  });
}

/** Whether a decimal string is below zero (an over-spent budget), read exactly. */
export const isNegative = (decimal: string | null | undefined): boolean =>
  decimal !== null && decimal !== undefined && exactDecimal(decimal).compare(0) < 0;
