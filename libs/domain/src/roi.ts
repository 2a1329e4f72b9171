import { assertIsoDate } from './calendar-days';
import { exactDecimal } from './exact-decimal';
import { roundHalfAwayFromZero, toDecimalString, type Fraction } from './money-format';

export { roundHalfAwayFromZero } from './money-format';
export type { Fraction } from './money-format';

/**
 * ROI of a scope over a period (BRIEF, "Money and ROI (step 6): exact definitions"):
 *
 * > For a scope S (the organisation, an objective, an initiative, a channel or an activity) and a
 * > period from..to (dates, both inclusive):
 * > - C = sum of cost amounts in S dated in the period; V = sum of value amounts likewise.
 * > - Risk-adjusted value Va = sum of amount x confidence (exact; rounded only for display, never
 * >   before the ROI is computed).
 * > - Net return = V - C.
 * > - ROI = (V - C) / C; when C = 0, ROI is undefined (null, shown as "n/a"), never infinity or 0.
 * > - Risk-adjusted ROI = (Va - C) / C, likewise.
 *
 * SQL may pre-aggregate the sums (CONVENTIONS, "Definitions once"); every figure derived from them
 * is computed here, on exact fractions.
 */

/** Decimal places of a reported ROI: "rounded half away from zero to 4 decimal places". */
export const ROI_DECIMALS = 4;

/** Sums of a scope's ledger over a period, as exact decimal strings (e.g. from PostgreSQL numeric). */
export interface LedgerSums {
  /** C: the sum of cost amounts. */
  cost: string;
  /** V: the sum of value amounts. */
  value: string;
  /** Va: the sum of value amount x attribution confidence, exact. */
  riskAdjustedValue: string;
}

export interface RoiFigures {
  cost: Fraction;
  value: Fraction;
  riskAdjustedValue: Fraction;
  /** V - C */
  net: Fraction;
  /** (V - C) / C, null when C = 0. */
  roi: Fraction | null;
  /** (Va - C) / C, null when C = 0. */
  riskAdjustedRoi: Fraction | null;
}

/** Display form of {@link RoiFigures}: money to the minor unit, ROI to {@link ROI_DECIMALS}. */
export interface RoiFiguresDisplay {
  cost: string;
  value: string;
  riskAdjustedValue: string;
  net: string;
  /** A ratio ('0.2345' is 23.45%), null for "n/a". */
  roi: string | null;
  riskAdjustedRoi: string | null;
}

/** The sums of a scope with nothing in its ledger. */
export const ZERO_SUMS: LedgerSums = Object.freeze({
  cost: '0',
  value: '0',
  riskAdjustedValue: '0',
});

/**
 * "ROI = (V - C) / C; when C = 0, ROI is undefined (null, shown as "n/a"), never infinity or 0."
 * Only C = 0 makes it undefined: a negative C (refunds larger than costs) is divided by as it is.
 */
function ratioOverCost(amount: Fraction, cost: Fraction): Fraction | null {
  return cost.equals(0) ? null : amount.sub(cost).div(cost);
}

/**
 * The exact figures of a scope from its ledger sums: net return V - C, ROI (V - C) / C and
 * risk-adjusted ROI (Va - C) / C, both null when C = 0. Nothing is rounded.
 */
export function roiFigures(sums: LedgerSums): RoiFigures {
  const cost = exactDecimal(sums.cost);
  const value = exactDecimal(sums.value);
  const riskAdjustedValue = exactDecimal(sums.riskAdjustedValue);
  return {
    cost,
    value,
    riskAdjustedValue,
    net: value.sub(cost),
    roi: ratioOverCost(value, cost),
    riskAdjustedRoi: ratioOverCost(riskAdjustedValue, cost),
  };
}

/**
 * The sums of two disjoint parts of a scope (two channels of an initiative, two months of a year),
 * added exactly and returned as exact decimal strings (no rounding; trailing zeros dropped).
 */
export function addLedgerSums(a: LedgerSums, b: LedgerSums): LedgerSums {
  const add = (x: string, y: string) => toDecimalString(exactDecimal(x).add(exactDecimal(y)));
  return {
    cost: add(a.cost, b.cost),
    value: add(a.value, b.value),
    riskAdjustedValue: add(a.riskAdjustedValue, b.riskAdjustedValue),
  };
}

/**
 * The figures as displayed: "ROI is reported as a ratio rounded half away from zero to 4 decimal
 * places (0.2345 = 23.45%); money is rounded to the currency's minor unit only for display."
 * Money is rounded half away from zero too, and every string has exactly that many decimals
 * ('100.00', '-0.1250', '1235' for a currency with 0 minor units). No grouping: these are the
 * figures an API returns; see `formatMoneyPlain` and `formatPercent` for text meant for reading.
 */
export function displayRoiFigures(figures: RoiFigures, minorUnits: number): RoiFiguresDisplay {
  const money = (amount: Fraction) => roundHalfAwayFromZero(amount, minorUnits);
  const ratio = (roi: Fraction | null) =>
    roi === null ? null : roundHalfAwayFromZero(roi, ROI_DECIMALS);
  return {
    cost: money(figures.cost),
    value: money(figures.value),
    riskAdjustedValue: money(figures.riskAdjustedValue),
    net: money(figures.net),
    roi: ratio(figures.roi),
    riskAdjustedRoi: ratio(figures.riskAdjustedRoi),
  };
}

/** The ledger sums of one day within the period: decimal strings, `date` as `YYYY-MM-DD`. */
export interface DailyLedgerSums {
  date: string;
  cost: string;
  value: string;
}

/**
 * Payback date (BRIEF): "the first date on which the running total of value since the period's
 * start reaches the running total of cost (both > 0); null if it never does within the period."
 *
 * How this reads it:
 * - The running totals at a date are the sums of the entries dated from the period's start up to
 *   and including that date. The caller passes only days within the period (and only days with
 *   entries: between them the totals do not move, so no other day can be the first to qualify).
 * - "Reaches" is running value >= running cost: the day they are equal counts.
 * - "Both > 0": on that date the running cost is > 0 and so is the running value. Value with no cost
 *   yet never pays back (there is nothing to pay back), so a scope whose value arrives before any
 *   cost pays back on the first day cost has started and is covered, and a scope with no cost in the
 *   period has no payback date.
 * - Plain value V, not risk-adjusted value.
 * - Days may come in any order; several rows with the same date are added together. Amounts may be
 *   negative (corrections): the totals are not monotone, and the first qualifying date is returned.
 */
export function paybackDate(days: readonly DailyLedgerSums[]): string | null {
  const byDate = new Map<string, DailyLedgerSums[]>();
  for (const day of days) {
    assertIsoDate(day.date, 'a ledger day');
    const same = byDate.get(day.date);
    if (same) same.push(day);
    else byDate.set(day.date, [day]);
  }
  // YYYY-MM-DD sorts chronologically as text. Amounts are read only up to the payback date.
  const dates = [...byDate.keys()].sort();
  let runningCost = exactDecimal(0);
  let runningValue = exactDecimal(0);
  for (const date of dates) {
    for (const day of byDate.get(date) as DailyLedgerSums[]) {
      runningCost = runningCost.add(exactDecimal(day.cost));
      runningValue = runningValue.add(exactDecimal(day.value));
    }
    if (runningCost.gt(0) && runningValue.gt(0) && runningValue.gte(runningCost)) return date;
  }
  return null;
}

/** "Budget variance = planned budget - actual cost": positive when under budget. Exact. */
export function budgetVariance(budget: string, cost: string): Fraction {
  return exactDecimal(budget).sub(exactDecimal(cost));
}
