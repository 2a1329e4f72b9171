import { assertIsoDate } from './calendar-days';
import type { KpiStatus } from './kpi-status';
import type { MilestoneStatus } from './milestones';

/**
 * Miss attribution (BRIEF, "Reviews and board packs: exact definitions"):
 *
 * > Miss attribution (who answers for a KPI that is at risk or off track as of t). Take the
 * > initiatives serving the KPI's objective and their milestones that are not cancelled and were
 * > due on or before t:
 * > - if any of them is missed, or was not done by its due date (done later, or still open), the
 * >   miss is **execution**: the plan was not carried out as agreed. The pack names those
 * >   milestones and the initiatives' responsible people;
 * > - otherwise, when at least one initiative serves the objective, the miss is **strategy**: the
 * >   plan was carried out (or nothing was due yet) and the KPI still lags. The pack names the
 * >   initiatives' accountable people;
 * > - when no initiative serves the objective, the miss is **unplanned**.
 * > KPIs on track or without data have no miss attribution.
 *
 * Only the milestones' present state is known, so "still open" is read as of t: a milestone done
 * after t but due before it was still open at t, and counts against execution in a pack as of t.
 */
export const MISS_ATTRIBUTIONS = ['strategy', 'execution', 'unplanned'] as const;
export type MissAttribution = (typeof MISS_ATTRIBUTIONS)[number];

export interface AttributedInitiative {
  id: string;
  accountableUserId: string;
  responsibleUserId: string;
}

export interface AttributedMilestone {
  id: string;
  initiativeId: string;
  status: MilestoneStatus;
  /** `YYYY-MM-DD` */
  dueDate: string;
  /** `YYYY-MM-DD`, set when done. */
  doneOn: string | null;
}

export interface MissAttributionResult {
  miss: MissAttribution;
  /** Execution: the milestones not carried out as agreed, in the order given. Otherwise empty. */
  lateMilestoneIds: string[];
  /**
   * Who answers first: the responsible people of the initiatives with late milestones
   * (execution), or the accountable people of every serving initiative (strategy); each once, in
   * the order first met. Empty when unplanned.
   */
  answerableUserIds: string[];
}

/**
 * Whether a milestone due on or before `asOf` was not carried out as agreed by then: missed, done
 * after its due date, or not done at `asOf`. Cancelled milestones and those due after `asOf` are
 * out of the question.
 */
export function missedAsAgreed(milestone: AttributedMilestone, asOf: string): boolean {
  assertIsoDate(milestone.dueDate, 'the due date');
  if (milestone.status === 'cancelled' || milestone.dueDate > asOf) return false;
  if (milestone.status === 'missed') return true;
  if (milestone.status !== 'done' || milestone.doneOn === null) return true;
  assertIsoDate(milestone.doneOn, 'the done date');
  return milestone.doneOn > milestone.dueDate || milestone.doneOn > asOf;
}

/**
 * Who answers for a KPI's miss as of `asOf`, or null for a KPI on track or without data.
 * `initiatives` are those serving the KPI's objective; `milestones` may hold others' too (only
 * the serving initiatives' milestones are looked at).
 */
export function missAttribution(
  status: KpiStatus,
  initiatives: readonly AttributedInitiative[],
  milestones: readonly AttributedMilestone[],
  asOf: string,
): MissAttributionResult | null {
  assertIsoDate(asOf, 'the evaluation date');
  if (status === 'on_track' || status === 'no_data') return null;
  if (initiatives.length === 0) {
    return { miss: 'unplanned', lateMilestoneIds: [], answerableUserIds: [] };
  }
  const serving = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
  const late = milestones.filter(
    (milestone) => serving.has(milestone.initiativeId) && missedAsAgreed(milestone, asOf),
  );
  if (late.length > 0) {
    return {
      miss: 'execution',
      lateMilestoneIds: late.map((milestone) => milestone.id),
      answerableUserIds: distinct(
        late.map(
          (milestone) =>
            (serving.get(milestone.initiativeId) as AttributedInitiative).responsibleUserId,
        ),
      ),
    };
  }
  return {
    miss: 'strategy',
    lateMilestoneIds: [],
    answerableUserIds: distinct(initiatives.map((initiative) => initiative.accountableUserId)),
  };
}

/** How many misses fall to each side; KPIs without attribution are not counted. */
export function countMisses(
  misses: readonly (MissAttribution | null)[],
): Record<MissAttribution, number> {
  const counts: Record<MissAttribution, number> = { strategy: 0, execution: 0, unplanned: 0 };
  for (const miss of misses) if (miss) counts[miss] += 1;
  return counts;
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
