import { exactDecimal } from './exact-decimal';
import { toDecimalString } from './money-format';
import { type DailyLedgerSums, paybackDate } from './roi';

/**
 * Finding the payback date without reading every day of a long period.
 *
 * The definition stays `paybackDate` (BRIEF: "the first date on which the running total of value
 * since the period's start reaches the running total of cost (both > 0)"). This only narrows where
 * it is looked for: a year of daily sums per initiative is hundreds of rows each, while the month
 * holding the payback date can be told from monthly sums. Ledger amounts are always > 0 (the
 * schema refuses others), so within a month the running value never exceeds its value at the
 * month's end, and the running cost is never below its value at the month's start. A day of month
 * M can therefore qualify only if (opening value + M's value) >= opening cost, with both running
 * totals > 0 by M's end: every month failing that is skipped, and the others are searched in turn.
 */

/** The sums of one month of the period; `from` is its first day within the period. */
export interface MonthlyLedgerSums {
  from: string;
  cost: string;
  value: string;
}

/** A month that may hold the payback date, with the running totals before its first day. */
export interface PaybackCandidate {
  from: string;
  openingCost: string;
  openingValue: string;
}

/**
 * The months that may hold the payback date, in date order, each with its opening totals; the
 * first `limit` of them when a caller will look at no more.
 */
export function paybackCandidateMonths(
  months: readonly MonthlyLedgerSums[],
  limit = Number.POSITIVE_INFINITY,
): PaybackCandidate[] {
  const sorted = [...months].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const candidates: PaybackCandidate[] = [];
  let runningCost = exactDecimal(0);
  let runningValue = exactDecimal(0);
  for (const month of sorted) {
    if (candidates.length >= limit) break;
    const closingCost = runningCost.add(exactDecimal(month.cost));
    const closingValue = runningValue.add(exactDecimal(month.value));
    if (closingCost.gt(0) && closingValue.gt(0) && closingValue.gte(runningCost)) {
      candidates.push({
        from: month.from,
        openingCost: toDecimalString(runningCost),
        openingValue: toDecimalString(runningValue),
      });
    }
    runningCost = closingCost;
    runningValue = closingValue;
  }
  return candidates;
}

/**
 * The payback date on or after a candidate month's first day, or null: `paybackDate` over the days
 * given (the month's, or every day from it to the period's end), with the totals before the month
 * carried in on its first day. (Those opening totals alone never qualify: had they, an earlier
 * month would have held the payback date.)
 */
export function paybackDateFrom(
  candidate: PaybackCandidate,
  days: readonly DailyLedgerSums[],
): string | null {
  return paybackDate([
    { date: candidate.from, cost: candidate.openingCost, value: candidate.openingValue },
    ...days,
  ]);
}
