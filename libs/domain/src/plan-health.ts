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
  if (counted.length === 0) return 'no_data';
  if (counted.some((milestone) => milestone.status === 'missed')) return 'off_track';
  if (counted.some((milestone) => milestone.atRisk)) return 'at_risk';
  return 'on_track';
}
