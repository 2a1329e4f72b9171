import type { KpiStatus } from './kpi-status';
import type { ExperimentOutcome, MilestoneStatus } from './milestones';
import type { MissAttribution } from './miss-attribution';
import type { StepStatus } from './strategy-steps';

export { MISS_CATEGORY_LABELS } from './milestones';

/**
 * The words a report prints for the codes it holds (issue 14: the board pack "as the web app shows
 * it"), so that the dashboard, a pack's pages and its PDF and spreadsheet exports read alike.
 * Miss categories keep their labels beside their codes in milestones.ts, where the drawer that
 * records them finds them too; they are re-exported here so a report finds every label in one
 * place.
 */

/** The BRIEF's KPI statuses: on track, at risk, off track, no data. */
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};

/** Who answers for a KPI at risk or off track (see missAttribution). */
export const MISS_ATTRIBUTION_LABELS: Record<MissAttribution, string> = {
  strategy: 'Strategy',
  execution: 'Execution',
  unplanned: 'Unplanned',
};

/** A roadmap step is done when it is signed off, and reports say so. */
export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Signed off',
};

/** In the order of MILESTONE_STATUSES, which is the order reports count them in. */
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  missed: 'Missed',
  cancelled: 'Cancelled',
};

export const EXPERIMENT_OUTCOME_LABELS: Record<ExperimentOutcome, string> = {
  validated: 'Validated',
  invalidated: 'Invalidated',
  inconclusive: 'Inconclusive',
};

/**
 * The label of `code` in `labels`; "—" when there is no code (a KPI without a miss, an experiment
 * not yet decided), and the code itself when it has no label, so that a code added later still
 * prints rather than vanishing.
 */
export function reportLabel(
  labels: Readonly<Record<string, string>>,
  code: string | null | undefined,
): string {
  if (code === null || code === undefined) return '—';
  return labels[code] ?? code;
}
