import type { KpiStatus } from './kpi-status';
import type { MilestoneStatus } from './milestones';

/**
 * The colours of the strategy map. The brief defines a status for KPIs only ("on track / at risk
 * / off track / no data"); an objective or outcome takes the worst status among the KPIs beneath
 * it that have data, so a single KPI off track shows all the way up, and "no data" only when
 * nothing beneath has been measured yet.
 */
export type PlanHealth = KpiStatus;

const SEVERITY: Record<PlanHealth, number> = {
  no_data: 0,
  on_track: 1,
  at_risk: 2,
  off_track: 3,
};

export function worstHealth(statuses: readonly PlanHealth[]): PlanHealth {
  return statuses.reduce<PlanHealth>(
    (worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst),
    'no_data',
  );
}

/**
 * An initiative's colour comes from its milestones: off track once one is missed, at risk while
 * one is at risk (overdue, waiting on a late milestone, or checked in with low confidence), on
 * track otherwise; "no data" with no milestone to judge (cancelled ones do not count).
 */
export function initiativeHealth(
  milestones: readonly { status: MilestoneStatus; atRisk: boolean }[],
): PlanHealth {
  const counted = milestones.filter((milestone) => milestone.status !== 'cancelled');
  return initiativeHealthOfTally({
    counted: counted.length,
    missed: counted.filter((milestone) => milestone.status === 'missed').length,
    atRisk: counted.filter((milestone) => milestone.atRisk).length,
  });
}

/** How many of an initiative's milestones count (all but the cancelled), are missed, are at risk. */
export interface MilestoneTally {
  counted: number;
  missed: number;
  atRisk: number;
}

/**
 * initiativeHealth from counts, for a reader that counts in SQL and judges only the milestones
 * that may be at risk (the strategy map of a large plan): the same rule, stated once, here.
 */
export function initiativeHealthOfTally(tally: MilestoneTally): PlanHealth {
  if (tally.counted === 0) return 'no_data';
  if (tally.missed > 0) return 'off_track';
  if (tally.atRisk > 0) return 'at_risk';
  return 'on_track';
}
