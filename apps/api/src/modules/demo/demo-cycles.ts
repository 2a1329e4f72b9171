import {
  addDays,
  fiscalYearContaining,
  STEP_EXIT_CRITERIA,
  STRATEGY_STEPS,
  type StepStatus,
  type StrategyStepKey,
} from '@roi/domain';
import { changed, created, type DemoHistory, type DemoPerson } from './demo-history';

export type DemoPeople = Record<
  'owner' | 'executive' | 'consultant' | 'programManager' | 'contributor' | 'boardMember',
  DemoPerson
>;

interface StepPlan {
  owner: DemoPerson;
  /** Days from the seeding day. */
  plannedStart: number;
  plannedEnd: number;
  status: StepStatus;
  signedOff?: { on: number; by: DemoPerson };
  /** Which of the step's exit criteria are met, in order; all of them when omitted. */
  met?: boolean[];
  /** Criteria the team added to the cycle's own list, not met yet. */
  added?: string[];
}

export interface DemoCycles {
  previous: string;
  current: string;
  /** The first day of the current cycle, as an offset from the seeding day. */
  currentStart: number;
}

const CURRENT_START = -150;
const PREVIOUS_START = CURRENT_START - 365;

/**
 * Two strategy cycles: last year's, every step signed off, and this year's, started from it and
 * under way (Assess and Envision signed off, the plan approved and being revised, Organise and
 * Execute in progress, Measure and adapt to come). Each is named after the fiscal year it starts in.
 */
export async function seedDemoCycles(
  history: DemoHistory,
  people: DemoPeople,
  fiscalYearStartMonth: number,
): Promise<DemoCycles> {
  const currentYear = fiscalYearContaining(history.day(CURRENT_START), fiscalYearStartMonth);
  // The year before the current one, whatever day of it the previous cycle started on.
  const previousYear = fiscalYearContaining(
    addDays(currentYear.startsOn, -1),
    fiscalYearStartMonth,
  );
  const { owner, executive, consultant, programManager } = people;
  const done = (plannedStart: number, plannedEnd: number, stepOwner: DemoPerson): StepPlan => ({
    owner: stepOwner,
    plannedStart,
    plannedEnd,
    status: 'done',
    signedOff: { on: plannedEnd, by: owner },
  });
  const previous = await seedCycle(history, {
    name: `${previousYear.label} social strategy`,
    start: PREVIOUS_START,
    end: CURRENT_START - 1,
    createdBy: owner,
    previousCycleId: null,
    steps: {
      assess: done(PREVIOUS_START, PREVIOUS_START + 40, consultant),
      envision: done(PREVIOUS_START + 30, PREVIOUS_START + 60, owner),
      plan: done(PREVIOUS_START + 50, PREVIOUS_START + 90, executive),
      organise: done(PREVIOUS_START + 80, PREVIOUS_START + 110, programManager),
      execute: done(PREVIOUS_START + 90, PREVIOUS_START + 330, programManager),
      measure: done(PREVIOUS_START + 300, PREVIOUS_START + 364, owner),
    },
  });
  const current = await seedCycle(history, {
    name: `${currentYear.label} social strategy`,
    start: CURRENT_START,
    end: 245,
    createdBy: owner,
    previousCycleId: previous,
    steps: {
      assess: {
        owner: consultant,
        plannedStart: CURRENT_START,
        plannedEnd: -118,
        status: 'done',
        signedOff: { on: -118, by: owner },
      },
      envision: {
        owner,
        plannedStart: -125,
        plannedEnd: -105,
        status: 'done',
        signedOff: { on: -105, by: owner },
      },
      plan: {
        owner: executive,
        plannedStart: -110,
        plannedEnd: 14,
        status: 'in_progress',
        added: ['Version 2 approved: a second season for the Circle and a podcast decision'],
      },
      organise: {
        owner: programManager,
        plannedStart: -95,
        plannedEnd: 30,
        status: 'in_progress',
        met: [true, false],
      },
      execute: {
        owner: programManager,
        plannedStart: -100,
        plannedEnd: 215,
        status: 'in_progress',
        met: [true, false],
      },
      measure: {
        owner,
        plannedStart: 150,
        plannedEnd: 245,
        status: 'not_started',
        met: [false, false, false, false, false],
      },
    },
  });
  return { previous, current, currentStart: CURRENT_START };
}

async function seedCycle(
  history: DemoHistory,
  cycle: {
    name: string;
    start: number;
    end: number;
    createdBy: DemoPerson;
    previousCycleId: string | null;
    steps: Record<StrategyStepKey, StepPlan>;
  },
): Promise<string> {
  const createdAt = history.moment(cycle.start, '09:00');
  const id = await history.insert('cycles', {
    name: cycle.name,
    starts_on: history.day(cycle.start),
    ends_on: history.day(cycle.end),
    previous_cycle_id: cycle.previousCycleId,
    created_at: createdAt,
  });
  await history.audit({
    at: createdAt,
    actor: cycle.createdBy,
    type: 'cycle',
    id,
    action: 'create',
    changes: created({
      name: cycle.name,
      startsOn: history.day(cycle.start),
      endsOn: history.day(cycle.end),
      previousCycleId: cycle.previousCycleId,
    }),
  });
  for (const [index, definition] of STRATEGY_STEPS.entries()) {
    const plan = cycle.steps[definition.key];
    const signedOffAt = plan.signedOff ? history.moment(plan.signedOff.on, '16:30') : null;
    const stepId = await history.insert('cycle_steps', {
      cycle_id: id,
      step_key: definition.key,
      position: index + 1,
      status: plan.status,
      owner_user_id: plan.owner.id,
      planned_start: history.day(plan.plannedStart),
      planned_end: history.day(plan.plannedEnd),
      signed_off_at: signedOffAt,
      signed_off_by_user_id: plan.signedOff?.by.id ?? null,
      version: plan.signedOff ? 3 : 2,
      created_at: createdAt,
    });
    const criteria = [...STEP_EXIT_CRITERIA[definition.key], ...(plan.added ?? [])];
    for (const [position, text] of criteria.entries()) {
      await history.insert('step_criteria', {
        step_id: stepId,
        text,
        position,
        done:
          position < STEP_EXIT_CRITERIA[definition.key].length && (plan.met?.[position] ?? true),
        created_at: createdAt,
      });
    }
    if (plan.signedOff) {
      await history.audit({
        at: signedOffAt!,
        actor: plan.signedOff.by,
        type: 'cycle_step',
        id: stepId,
        action: 'update',
        changes: changed(
          { status: 'in_progress' },
          { status: 'done', signedOffAt, signedOffByUserId: plan.signedOff.by.id },
        ),
      });
    }
  }
  return id;
}
