import { assertIsoDate } from './calendar-days';
import type { KpiStatus } from './kpi-status';
import type { MissAttribution } from './miss-attribution';

/**
 * Reviews and board packs (BRIEF, "Reviews and board packs: exact definitions"):
 *
 * > ROI to date for a cycle as of a date t: the brief's ROI figures over the period from the
 * > cycle's start date to t (both inclusive), capped at the cycle's end date.
 *
 * > A board pack is frozen when published: every figure and list it shows is stored as it was
 * > computed at that moment, and never recomputed.
 */

export interface CycleDates {
  /** `YYYY-MM-DD` */
  startsOn: string;
  /** `YYYY-MM-DD` */
  endsOn: string;
}

/**
 * The period of "ROI to date" as of `asOf`: from the cycle's start to `asOf`, capped at the
 * cycle's end; null before the cycle starts, when nothing is to date yet.
 */
export function roiToDatePeriod(
  cycle: CycleDates,
  asOf: string,
): { from: string; to: string } | null {
  assertIsoDate(cycle.startsOn, "the cycle's start date");
  assertIsoDate(cycle.endsOn, "the cycle's end date");
  assertIsoDate(asOf, 'the evaluation date');
  if (asOf < cycle.startsOn) return null;
  return { from: cycle.startsOn, to: asOf < cycle.endsOn ? asOf : cycle.endsOn };
}

/**
 * Why a board pack cannot be as of `asOf`, or null: a pack reviews its cycle, so its date lies
 * within the cycle, where "ROI to date" runs from the start to exactly that date.
 */
export function packDateProblem(cycle: CycleDates, asOf: string): string | null {
  assertIsoDate(asOf, 'the evaluation date');
  if (asOf < cycle.startsOn) return `must be on or after the cycle's start date ${cycle.startsOn}`;
  if (asOf > cycle.endsOn) return `must be on or before the cycle's end date ${cycle.endsOn}`;
  return null;
}

export interface KpiStatusCounts {
  onTrack: number;
  atRisk: number;
  offTrack: number;
  noData: number;
}

export function countKpiStatuses(statuses: readonly KpiStatus[]): KpiStatusCounts {
  const counts: KpiStatusCounts = { onTrack: 0, atRisk: 0, offTrack: 0, noData: 0 };
  const field: Record<KpiStatus, keyof KpiStatusCounts> = {
    on_track: 'onTrack',
    at_risk: 'atRisk',
    off_track: 'offTrack',
    no_data: 'noData',
  };
  for (const status of statuses) counts[field[status]] += 1;
  return counts;
}

/** A KPI needs attention when at risk or off track: the ones with a miss to attribute. */
export function needsAttention(status: KpiStatus): boolean {
  return status === 'at_risk' || status === 'off_track';
}

/** Worst first, so a reader meets the KPIs off track before those at risk. */
export function attentionOrder(a: { status: KpiStatus; code: string }, b: typeof a): number {
  const rank = (status: KpiStatus) => (status === 'off_track' ? 0 : 1);
  return rank(a.status) - rank(b.status) || a.code.localeCompare(b.code);
}

/** What a pack comparison reads of a KPI. */
export interface ComparedKpi {
  kpiId: string;
  code: string;
  name: string;
  status: KpiStatus;
  /** A ratio as a decimal string or number; null without data. */
  progress: number | string | null;
  miss: MissAttribution | null;
}

export interface KpiMovement {
  kpiId: string;
  code: string;
  name: string;
  /** Null when the KPI was not in the earlier pack. */
  statusBefore: KpiStatus | null;
  /** Null when the KPI is no longer in the later pack. */
  statusAfter: KpiStatus | null;
  progressBefore: number | string | null;
  progressAfter: number | string | null;
  missBefore: MissAttribution | null;
  missAfter: MissAttribution | null;
}

/**
 * The KPIs whose status, progress or attribution moved between two packs (or that one of them
 * lacks), in the later pack's order, then those only in the earlier one.
 */
export function kpiMovements(
  before: readonly ComparedKpi[],
  after: readonly ComparedKpi[],
): KpiMovement[] {
  const earlier = new Map(before.map((kpi) => [kpi.kpiId, kpi]));
  const later = new Set(after.map((kpi) => kpi.kpiId));
  const moved: KpiMovement[] = [];
  for (const kpi of after) {
    const old = earlier.get(kpi.kpiId);
    const movement: KpiMovement = {
      kpiId: kpi.kpiId,
      code: kpi.code,
      name: kpi.name,
      statusBefore: old?.status ?? null,
      statusAfter: kpi.status,
      progressBefore: old?.progress ?? null,
      progressAfter: kpi.progress,
      missBefore: old?.miss ?? null,
      missAfter: kpi.miss,
    };
    if (
      !old ||
      old.status !== kpi.status ||
      String(old.progress) !== String(kpi.progress) ||
      old.miss !== kpi.miss
    ) {
      moved.push(movement);
    }
  }
  for (const kpi of before) {
    if (later.has(kpi.kpiId)) continue;
    moved.push({
      kpiId: kpi.kpiId,
      code: kpi.code,
      name: kpi.name,
      statusBefore: kpi.status,
      statusAfter: null,
      progressBefore: kpi.progress,
      progressAfter: null,
      missBefore: kpi.miss,
      missAfter: null,
    });
  }
  return moved;
}
