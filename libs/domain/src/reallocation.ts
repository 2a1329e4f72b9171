import { exactDecimal } from './exact-decimal';
import { formatMoneyPlain, formatPercent, toDecimalString, type Fraction } from './money-format';

/**
 * Reallocation suggestions (BRIEF, "Money and ROI (step 6): exact definitions"):
 *
 * > Reallocation: the activities with cost > 0 in a period are ranked by ROI (exact, before
 * > rounding). Their lower and upper quartiles Q1 and Q3 are taken by linear interpolation between
 * > closest ranks (the "inclusive" method of spreadsheets' QUARTILE.INC: for n sorted values
 * > v0..v(n-1), the quantile p sits at position (n - 1) x p). An activity whose ROI <= Q1 and < the
 * > organisation's ROI for the period is a candidate to give budget; one whose ROI >= Q3 and > the
 * > organisation's ROI is a candidate to receive. With fewer than 4 such activities the product
 * > suggests nothing and says why. It explains each suggestion with its figures.
 */

/** The fewest activities with cost for which quartiles are compared. */
export const REALLOCATION_MIN_ACTIVITIES = 4;

/** One activity's sums over the period: its label and exact decimal strings. */
export interface ActivityFigures {
  activity: string;
  cost: string;
  value: string;
}

export interface ReallocationItem {
  activity: string;
  /** Exact decimal strings of the activity's sums (trailing zeros dropped). */
  cost: string;
  value: string;
  /** (V - C) / C, exact. */
  roi: Fraction;
  /** One sentence with the figures that make it a candidate. */
  reason: string;
}

export interface Reallocation {
  /** The organisation's ROI for the period; null when it had no cost. */
  organisationRoi: Fraction | null;
  /** Q1 and Q3 of the activities' ROIs; null when fewer than 4 activities had cost. */
  lowerQuartile: Fraction | null;
  upperQuartile: Fraction | null;
  /** Candidates to give budget, lowest ROI first. */
  give: ReallocationItem[];
  /** Candidates to receive budget, highest ROI first. */
  receive: ReallocationItem[];
  /** Why nothing is suggested: non-null exactly when `give` and `receive` are both empty. */
  explanation: string | null;
  /** How many activities had cost > 0 in the period (the ones ranked). */
  activitiesCompared: number;
}

/**
 * QUARTILE.INC / PERCENTILE.INC: "for n sorted values v0..v(n-1), the quantile p sits at position
 * (n - 1) x p", with linear interpolation between the two closest ranks. Exact: a number p is read
 * as the decimal it was written as (0.25 is 1/4). Throws on no values, p outside 0..1 or values not
 * sorted ascending.
 */
export function quantileInclusive(
  sortedValues: readonly Fraction[],
  p: Fraction | number,
): Fraction {
  const n = sortedValues.length;
  if (n === 0) throw new RangeError('the quantile of no values is undefined');
  const share = typeof p === 'number' ? exactDecimal(p) : p;
  if (share.lt(0) || share.gt(1)) throw new RangeError(`p must be within 0..1: ${share}`);
  for (let i = 1; i < n; i += 1) {
    if ((sortedValues[i] as Fraction).lt(sortedValues[i - 1] as Fraction)) {
      throw new RangeError('values must be sorted ascending');
    }
  }
  const position = share.mul(n - 1);
  const rank = Number(position.floor().valueOf());
  const below = sortedValues[rank] as Fraction;
  if (rank === n - 1) return below;
  const above = sortedValues[rank + 1] as Fraction;
  return below.add(position.sub(rank).mul(above.sub(below)));
}

interface RankedActivity {
  activity: string;
  cost: Fraction;
  value: Fraction;
  roi: Fraction;
}

/** Label order for ties: deterministic, case-insensitive first, then by code unit. */
function compareLabels(a: string, b: string): number {
  return a.localeCompare(b, 'en') || (a < b ? -1 : a > b ? 1 : 0);
}

/** A label starts the reason sentence; 'eBay ads' and 'iOS' keep their own capitals. */
function sentenceStart(label: string): string {
  const [first = '', second = ''] = [...label];
  if (second !== second.toLowerCase()) return label;
  return first.toUpperCase() + label.slice(first.length);
}

/** Sums each label's figures (a label given twice is one activity) and keeps those with cost > 0. */
function activitiesWithCost(activities: readonly ActivityFigures[]): RankedActivity[] {
  const byLabel = new Map<string, { cost: Fraction; value: Fraction }>();
  for (const { activity, cost, value } of activities) {
    const seen = byLabel.get(activity);
    const sums = { cost: exactDecimal(cost), value: exactDecimal(value) };
    byLabel.set(
      activity,
      seen ? { cost: seen.cost.add(sums.cost), value: seen.value.add(sums.value) } : sums,
    );
  }
  return [...byLabel]
    .filter(([, sums]) => sums.cost.gt(0))
    .map(([activity, { cost, value }]) => ({
      activity,
      cost,
      value,
      roi: value.sub(cost).div(cost),
    }));
}

function nothingSuggested(
  organisationRoi: Fraction | null,
  activitiesCompared: number,
  explanation: string,
): Reallocation {
  return {
    organisationRoi,
    lowerQuartile: null,
    upperQuartile: null,
    give: [],
    receive: [],
    explanation,
    activitiesCompared,
  };
}

function tooFewExplanation(count: number): string {
  const needed = `at least ${REALLOCATION_MIN_ACTIVITIES} are needed to compare quartiles, so no reallocation is suggested.`;
  if (count === 0) return `No activity had costs in the period: ${needed}`;
  if (count === 1) return `Only 1 activity had costs in the period: ${needed}`;
  return `Only ${count} activities had costs in the period: ${needed}`;
}

/**
 * Which activities could give budget and which could receive it, by the brief's rule above, each
 * with a reason sentence built from its figures, e.g. "Paid promotion returned -12.50% on 4,000.00
 * of cost, at or below the lower quartile (3.10%) and below the organisation's 18.20%."
 *
 * `organisationSums` are the organisation's totals for the period (all activities, including any
 * without cost); its ROI is (V - C) / C of those. When that is undefined (no cost at all), or fewer
 * than 4 activities had cost, nothing is suggested and `explanation` says why. Comparisons are exact;
 * percentages in sentences are rounded half away from zero to 2 decimals, money to `minorUnits`.
 * `give` is ordered by ROI ascending, `receive` by ROI descending, ties by activity label.
 */
export function reallocation(
  activities: readonly ActivityFigures[],
  organisationSums: { cost: string; value: string },
  minorUnits: number,
): Reallocation {
  const organisationCost = exactDecimal(organisationSums.cost);
  const organisationRoi = organisationCost.equals(0)
    ? null
    : exactDecimal(organisationSums.value).sub(organisationCost).div(organisationCost);
  const ranked = activitiesWithCost(activities).sort(
    (a, b) => a.roi.compare(b.roi) || compareLabels(a.activity, b.activity),
  );
  if (organisationRoi === null) {
    return nothingSuggested(
      null,
      ranked.length,
      'The organisation recorded no cost in the period, so its ROI is undefined and there is nothing to compare activities with: no reallocation is suggested.',
    );
  }
  if (ranked.length < REALLOCATION_MIN_ACTIVITIES) {
    return nothingSuggested(organisationRoi, ranked.length, tooFewExplanation(ranked.length));
  }
  const rois = ranked.map((activity) => activity.roi);
  const lowerQuartile = quantileInclusive(rois, 0.25);
  const upperQuartile = quantileInclusive(rois, 0.75);
  const item = (activity: RankedActivity, position: string): ReallocationItem => ({
    activity: activity.activity,
    cost: toDecimalString(activity.cost),
    value: toDecimalString(activity.value),
    roi: activity.roi,
    reason:
      `${sentenceStart(activity.activity)} returned ${formatPercent(activity.roi)} on ` +
      `${formatMoneyPlain(activity.cost, minorUnits)} of cost, ${position} the organisation's ` +
      `${formatPercent(organisationRoi)}.`,
  });
  const give = ranked
    .filter(({ roi }) => roi.lte(lowerQuartile) && roi.lt(organisationRoi))
    .map((activity) =>
      item(activity, `at or below the lower quartile (${formatPercent(lowerQuartile)}) and below`),
    );
  const receive = ranked
    .filter(({ roi }) => roi.gte(upperQuartile) && roi.gt(organisationRoi))
    .sort((a, b) => b.roi.compare(a.roi) || compareLabels(a.activity, b.activity))
    .map((activity) =>
      item(activity, `at or above the upper quartile (${formatPercent(upperQuartile)}) and above`),
    );
  const explanation =
    give.length + receive.length > 0
      ? null
      : `None of the ${ranked.length} activities with costs in the period is both at or below the lower quartile (${formatPercent(lowerQuartile)}) and below the organisation's ROI (${formatPercent(organisationRoi)}), or at or above the upper quartile (${formatPercent(upperQuartile)}) and above it, so no reallocation is suggested.`;
  return {
    organisationRoi,
    lowerQuartile,
    upperQuartile,
    give,
    receive,
    explanation,
    activitiesCompared: ranked.length,
  };
}
