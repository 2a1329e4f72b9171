import Fraction from 'fraction.js';
import { assertIsoDate, dayNumber } from './calendar-days';
import { exactDecimal, type DecimalValue } from './exact-decimal';

type Exact = InstanceType<typeof Fraction>;

/**
 * KPI progress and status (BRIEF, "Plan and execution" and "Money and ROI"):
 *
 * > KPI: under an objective. Name, unit, direction (increase / decrease), baseline value and date,
 * > target value and date, source. Measurements are dated values.
 *
 * > KPI progress = (current - baseline) / (target - baseline), unclamped (it may be below 0 or above
 * > 1). Status is evaluated as of a date t (default today): current is the latest measurement on or
 * > before t; expected progress at t is the linear share of time elapsed between baseline date and
 * > target date, clamped to 0..1. A KPI is *on track* when progress >= expected - 0.10, *at risk*
 * > when expected - 0.25 <= progress < expected - 0.10, and *off track* below that. With no
 * > measurement yet it is *no data*.
 *
 * Values arrive as JS numbers (or decimal strings, as PostgreSQL `numeric` columns do) that were
 * typed as decimals, so each is read back from its shortest decimal representation (0.1 is 1/10,
 * not the binary double nearest to it) and every comparison is made on exact fractions: a progress
 * of exactly expected - 0.10 is on track, as the brief says, however the subtraction would round.
 */
export const KPI_DIRECTIONS = ['increase', 'decrease'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const KPI_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

export interface KpiPlan {
  baselineValue: DecimalValue;
  /** `YYYY-MM-DD` */
  baselineDate: string;
  targetValue: DecimalValue;
  /** `YYYY-MM-DD` */
  targetDate: string;
}

export interface KpiMeasurement {
  /** `YYYY-MM-DD` */
  date: string;
  value: DecimalValue;
}

export interface MeasuredKpi extends KpiPlan {
  measurements: readonly KpiMeasurement[];
}

export interface KpiStatusReport {
  status: KpiStatus;
  /** The latest measurement on or before the evaluation date, or null. */
  current: number | null;
  currentDate: string | null;
  /** Null without a current value, or when the target equals the baseline. */
  progress: number | null;
  expectedProgress: number;
}

export interface KpiTrajectoryPoint {
  /** `YYYY-MM-DD` */
  date: string;
  /** The straight line from (baseline date, baseline value) to (target date, target value). */
  expected: number;
  /** The measurement of that day (the last one given when there are several), or null. */
  actual: number | null;
}

/** "On track when progress >= expected - 0.10": how far below expected progress may lag. */
const ON_TRACK_TOLERANCE = new Fraction(1, 10);
/** "At risk when expected - 0.25 <= progress": below that it is off track. */
const AT_RISK_TOLERANCE = new Fraction(1, 4);

export function isKpiDirection(value: unknown): value is KpiDirection {
  return (KPI_DIRECTIONS as readonly unknown[]).includes(value);
}

/**
 * Direction is implied by the target (a KPI to decrease has its target below its baseline, and the
 * progress formula serves both), so the declared direction must agree with it; a target equal to
 * the baseline leaves progress undefined and is refused for either direction.
 */
export function kpiDirectionProblem(
  direction: string,
  baseline: DecimalValue,
  target: DecimalValue,
): string | null {
  if (!isKpiDirection(direction)) {
    return `direction must be one of ${KPI_DIRECTIONS.join(', ')}`;
  }
  const order = exactDecimal(target).compare(exactDecimal(baseline));
  if (direction === 'increase' && order <= 0) {
    return `a KPI to increase needs a target above its baseline (baseline ${baseline}, target ${target})`;
  }
  if (direction === 'decrease' && order >= 0) {
    return `a KPI to decrease needs a target below its baseline (baseline ${baseline}, target ${target})`;
  }
  return null;
}

/** (current - baseline) / (target - baseline), unclamped; null when target equals baseline. */
export function kpiProgress(
  baseline: DecimalValue,
  target: DecimalValue,
  current: DecimalValue,
): number | null {
  return exactProgress(baseline, target, current)?.valueOf() ?? null;
}

/**
 * The share of whole days elapsed from the baseline date to `asOf`, out of the days from baseline
 * date to target date, clamped to 0..1. A target date on or before the baseline date leaves no time
 * to share: the whole progress is expected from the target date on, none before it.
 */
export function expectedProgress(baselineDate: string, targetDate: string, asOf: string): number {
  return exactExpectedProgress(baselineDate, targetDate, asOf).valueOf();
}

/** The KPI's status as of a date (BRIEF: "Status is evaluated as of a date t"). */
export function kpiStatus(kpi: MeasuredKpi, asOf: string): KpiStatusReport {
  const expected = exactExpectedProgress(kpi.baselineDate, kpi.targetDate, asOf);
  const latest = latestMeasurement(kpi.measurements, asOf);
  if (!latest) {
    return {
      status: 'no_data',
      current: null,
      currentDate: null,
      progress: null,
      expectedProgress: expected.valueOf(),
    };
  }
  const progress = exactProgress(kpi.baselineValue, kpi.targetValue, latest.value);
  return {
    // A target equal to its baseline gives no progress to judge (kpiDirectionProblem refuses such
    // a KPI at the edge); it is reported as having no data rather than given a guessed status.
    status: progress ? statusOf(progress, expected) : 'no_data',
    current: exactDecimal(latest.value).valueOf(),
    currentDate: latest.date,
    progress: progress?.valueOf() ?? null,
    expectedProgress: expected.valueOf(),
  };
}

/** The value the KPI is expected to have on a date, on the straight line from baseline to target. */
export function expectedValueOn(kpi: KpiPlan, date: string): number {
  return exactExpectedValue(kpi, date).valueOf();
}

/**
 * Points for a KPI chart, in date order: the baseline date, the target date and every measurement
 * date (up to `asOf` when given), each with the expected value and the measured one.
 */
export function kpiTrajectory(kpi: MeasuredKpi, asOf?: string): KpiTrajectoryPoint[] {
  if (asOf !== undefined) assertIsoDate(asOf, 'the evaluation date');
  const actualByDate = new Map<string, number>();
  for (const measurement of kpi.measurements) {
    assertIsoDate(measurement.date, 'a measurement date');
    if (asOf === undefined || measurement.date <= asOf) {
      actualByDate.set(measurement.date, exactDecimal(measurement.value).valueOf());
    }
  }
  const dates = [...new Set([kpi.baselineDate, kpi.targetDate, ...actualByDate.keys()])].sort();
  return dates.map((date) => ({
    date,
    expected: expectedValueOn(kpi, date),
    actual: actualByDate.get(date) ?? null,
  }));
}

function statusOf(progress: Exact, expected: Exact): Exclude<KpiStatus, 'no_data'> {
  if (progress.compare(expected.sub(ON_TRACK_TOLERANCE)) >= 0) return 'on_track';
  if (progress.compare(expected.sub(AT_RISK_TOLERANCE)) >= 0) return 'at_risk';
  return 'off_track';
}

function exactProgress(
  baseline: DecimalValue,
  target: DecimalValue,
  current: DecimalValue,
): Exact | null {
  const start = exactDecimal(baseline);
  const span = exactDecimal(target).sub(start);
  if (span.equals(0)) return null;
  return exactDecimal(current).sub(start).div(span);
}

function exactExpectedProgress(baselineDate: string, targetDate: string, asOf: string): Exact {
  const start = dayNumber(baselineDate);
  const end = dayNumber(targetDate);
  const now = dayNumber(asOf);
  if (end <= start) return new Fraction(now >= end ? 1 : 0);
  const elapsed = Math.min(Math.max(now - start, 0), end - start);
  return new Fraction(elapsed, end - start);
}

function exactExpectedValue(kpi: KpiPlan, date: string): Exact {
  const baseline = exactDecimal(kpi.baselineValue);
  const span = exactDecimal(kpi.targetValue).sub(baseline);
  return baseline.add(span.mul(exactExpectedProgress(kpi.baselineDate, kpi.targetDate, date)));
}

/** The latest measurement on or before `asOf`; of several on that day, the last one given. */
function latestMeasurement(
  measurements: readonly KpiMeasurement[],
  asOf: string,
): KpiMeasurement | null {
  assertIsoDate(asOf, 'the evaluation date');
  let latest: KpiMeasurement | null = null;
  for (const measurement of measurements) {
    assertIsoDate(measurement.date, 'a measurement date');
    if (measurement.date <= asOf && (!latest || measurement.date >= latest.date)) {
      latest = measurement;
    }
  }
  return latest;
}
