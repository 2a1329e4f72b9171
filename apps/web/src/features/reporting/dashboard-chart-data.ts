import { exactDecimal, formatPercent } from '@roi/domain';
import type { MoneyFormat } from '../roi/money';
import { formatDayShort, formatReportDay, formatScore, intervalName } from './report-format';
import type { DashboardRoi, Maturity, MilestoneSummary } from './reporting.queries';

/**
 * What the dashboard's charts draw and the sentences that say it. Money stays the API's decimal
 * strings: tables print them as they are, and a chart gets a number for its axis only (Number()
 * of the string, never arithmetic on a float). ROI is the API's; nothing here recomputes it.
 */

type RoiInterval = DashboardRoi['intervals'][number];
type RoiGroup = DashboardRoi['topInitiatives'][number];
type BudgetLine = DashboardRoi['budget'][number];

const axis = (decimal: string | null | undefined): number | null =>
  decimal === null || decimal === undefined ? null : Number(decimal);

/** Whether a decimal string is exactly zero ("0.00"). */
export const isZero = (decimal: string): boolean => exactDecimal(decimal).compare(0) === 0;

/** Whether a decimal string is below zero (a loss, an overspent budget), read exactly. */
export const isNegative = (decimal: string | null | undefined): boolean =>
  decimal !== null && decimal !== undefined && exactDecimal(decimal).compare(0) < 0;

export interface CostValueRow {
  name: string;
  from: string;
  to: string;
  cost: number | null;
  value: number | null;
  interval: RoiInterval;
}

export function costValueRows(intervals: readonly RoiInterval[]): CostValueRow[] {
  return intervals.map((interval) => ({
    name: intervalName(interval.from, interval.to),
    from: interval.from,
    to: interval.to,
    cost: axis(interval.cost),
    value: axis(interval.value),
    interval,
  }));
}

/** "Value exceeded cost in 4 of 6 months; the most value came in Oct 2026 (£3,857.07)." */
export function costValueSummary(
  intervals: readonly RoiInterval[],
  unit: 'month' | 'quarter',
  money: MoneyFormat,
): string {
  const units = (count: number) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  const ahead = intervals.filter((interval) =>
    exactDecimal(interval.value).gt(exactDecimal(interval.cost)),
  ).length;
  const best = intervals.reduce<RoiInterval | undefined>(
    (top, interval) =>
      !top || exactDecimal(interval.value).gt(exactDecimal(top.value)) ? interval : top,
    undefined,
  );
  const bestText =
    best && !isZero(best.value)
      ? `; the most value came in ${intervalName(best.from, best.to)} (${money.format(best.value)})`
      : '';
  return `Cost and value for each ${unit} of the cycle to date: value exceeded cost in ${ahead} of ${units(intervals.length)}${bestText}.`;
}

export interface BudgetRow {
  name: string;
  budget: number | null;
  cost: number | null;
  line: BudgetLine;
}

export const budgetRows = (lines: readonly BudgetLine[]): BudgetRow[] =>
  lines.map((line) => ({
    name: line.code,
    budget: axis(line.budget),
    cost: axis(line.cost),
    line,
  }));

export function budgetSummary(lines: readonly BudgetLine[], money: MoneyFormat): string {
  const over = lines.filter((line) => isNegative(line.budgetVariance));
  const overText =
    over.length === 0
      ? 'none has spent more than its budget'
      : `${over.map((line) => `${line.code} is ${money.format(line.budgetVariance.replace('-', ''))} over`).join(', ')}`;
  return `Budget and actual cost to date of ${lines.length} initiative${lines.length === 1 ? '' : 's'}: ${overText}.`;
}

export interface RankedRow {
  name: string;
  label: string;
  roi: number | null;
  rank: 'top' | 'bottom';
  group: RoiGroup;
}

/**
 * The top initiatives (highest ROI first) followed by the bottom ones, also highest first, so the
 * bars run from best to worst. The API never lists an initiative in both.
 */
export function rankedRows(top: readonly RoiGroup[], bottom: readonly RoiGroup[]): RankedRow[] {
  const row = (rank: RankedRow['rank']) => (group: RoiGroup) => ({
    name: group.key,
    label: group.label,
    roi: group.roi === null ? null : Number(exactDecimal(group.roi).mul(100).valueOf()),
    rank,
    group,
  });
  return [...top.map(row('top')), ...[...bottom].reverse().map(row('bottom'))];
}

export function rankedSummary(rows: readonly RankedRow[]): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return 'No initiative has cost to date, so none has an ROI to rank.';
  if (first === last)
    return `One initiative has an ROI to date: ${first.name} at ${formatPercent(first.group.roi)}.`;
  return `ROI to date of ${rows.length} initiatives: highest ${first.name} at ${formatPercent(first.group.roi)}, lowest ${last.name} at ${formatPercent(last.group.roi)}.`;
}

const MILESTONE_STATUSES = [
  ['planned', 'Planned'],
  ['in_progress', 'In progress'],
  ['done', 'Done'],
  ['missed', 'Missed'],
  ['cancelled', 'Cancelled'],
] as const;

export function milestoneStatusRows(byStatus: MilestoneSummary['byStatus']) {
  return MILESTONE_STATUSES.map(([key, label]) => ({ key, name: label, count: byStatus[key] }));
}

export function milestoneSummary(summary: MilestoneSummary): string {
  const rows = milestoneStatusRows(summary.byStatus);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return `${total} milestones: ${rows.map((row) => `${row.count} ${row.name.toLowerCase()}`).join(', ')}; ${summary.overdue} overdue.`;
}

export function burnUpRows(points: MilestoneSummary['burnUp']) {
  return (points ?? []).map((point) => ({ ...point, name: formatDayShort(point.date) }));
}

export function burnUpSummary(points: MilestoneSummary['burnUp']): string {
  const last = points?.[points.length - 1];
  if (!last) return 'No milestones are due in the cycle yet.';
  return `By ${formatReportDay(last.date)}, ${last.done} of ${last.planned} milestones due were done${
    last.planned > last.done ? `: ${last.planned - last.done} behind plan` : ''
  }.`;
}

export interface MaturityRow {
  dimension: string;
  current: number;
  previous: number | null;
  score: number | null;
  previousScore: number | null;
}

export function maturityRows(maturity: Maturity): MaturityRow[] {
  return maturity.dimensions.map((dimension) => ({
    dimension: dimension.dimension,
    current: dimension.score ?? 0,
    previous: dimension.previousScore,
    score: dimension.score,
    previousScore: dimension.previousScore,
  }));
}

export function maturitySummary(maturity: Maturity, cycleName: string): string {
  const stage = maturity.stage
    ? `stage ${maturity.stage}${maturity.stageName ? ` (${maturity.stageName})` : ''}`
    : 'no stage yet';
  const previous =
    maturity.previousCycleName && maturity.previousOverallScore !== null
      ? `, against ${formatScore(maturity.previousOverallScore)} and stage ${maturity.previousStage ?? '—'} in ${maturity.previousCycleName}`
      : '';
  return `Maturity in ${cycleName}: ${formatScore(maturity.overallScore)} of 5 overall, ${stage}${previous}; ${maturity.dimensions.length} dimensions.`;
}
