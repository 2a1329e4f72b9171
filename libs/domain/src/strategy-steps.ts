/**
 * The six steps of a strategy cycle (BRIEF, "The six steps of a strategy cycle"): each has a
 * purpose, an owner, exit criteria, a status and a sign-off. The order is the walk through a
 * cycle, though steps may overlap in time.
 */
export const STRATEGY_STEPS = [
  {
    key: 'assess',
    number: 1,
    name: 'Assess',
    purpose:
      'Empirical baseline: leadership pulse survey, channel and listening audit, executive presence audit, maturity scoring',
    produces: 'findings, baseline figures, maturity stage',
  },
  {
    key: 'envision',
    number: 2,
    name: 'Envision',
    purpose: "Tie social to the organisation's purpose and to business outcomes it can measure",
    produces: 'business outcomes with owners',
  },
  {
    key: 'plan',
    number: 3,
    name: 'Plan',
    purpose:
      'The guiding plan: objectives, KPIs with baseline and target, initiatives, experiments with success and kill criteria, budget',
    produces: 'an approved plan version',
  },
  {
    key: 'organise',
    number: 4,
    name: 'Organise',
    purpose:
      'Structure and governance: who is accountable (strategy) and who is responsible (execution) for each initiative; skills and listening practices',
    produces: 'accountability map',
  },
  {
    key: 'execute',
    number: 5,
    name: 'Execute',
    purpose: 'Milestones and key tasks, dependencies, weekly check-ins',
    produces: 'progress, risks',
  },
  {
    key: 'measure',
    number: 6,
    name: 'Measure and adapt',
    purpose:
      'Costs, attributed value, ROI by initiative, channel and activity; lessons; budget reallocation; the board pack; the next cycle',
    produces: 'ROI report, board pack',
  },
] as const;

export type StrategyStep = (typeof STRATEGY_STEPS)[number];
export type StrategyStepKey = StrategyStep['key'];

export function findStrategyStep(key: string): StrategyStep | undefined {
  return STRATEGY_STEPS.find((step) => step.key === key);
}

const STEP_BY_KEY = Object.fromEntries(STRATEGY_STEPS.map((step) => [step.key, step])) as Record<
  StrategyStepKey,
  StrategyStep
>;

/** The definition of a step known by its key. */
export function strategyStep(key: StrategyStepKey): StrategyStep {
  return STEP_BY_KEY[key];
}

export const STEP_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * The exit criteria a new cycle's steps start with (editable per cycle): what "done" means for
 * each step, from the brief's "what it produces".
 */
export const STEP_EXIT_CRITERIA: Record<StrategyStepKey, readonly string[]> = {
  assess: [
    'Leadership pulse run with every senior manager, with the evidence for each rating',
    'Channel and listening audit recorded, with baseline figures',
    'Executive presence audit done for each executive',
    'Maturity assessment scored and the stage agreed',
    'Findings recorded and shared with the leadership team',
  ],
  envision: [
    "Social tied to the organisation's purpose in a sentence the leadership team agrees on",
    'Business outcomes chosen, each measurable and with an owner',
  ],
  plan: [
    'Objectives set under each outcome, citing the findings they answer',
    'KPIs with baseline, target and source for every objective',
    'Initiatives and experiments with success and kill criteria',
    'Budget set per initiative',
    'Plan version submitted and approved',
  ],
  organise: [
    'An accountable person (strategy) and a responsible person (execution) for every initiative',
    'Skills gaps and listening practices addressed',
  ],
  execute: [
    'Milestones with owners and due dates for every initiative',
    'Weekly check-ins running',
  ],
  measure: [
    'Costs and attributed value recorded for the period',
    'ROI reviewed by initiative, channel and activity',
    'Lessons recorded, including from failed experiments',
    'Budget reallocation decided',
    'Board pack issued',
  ],
};

export interface CriterionState {
  done: boolean;
}

/** A step can be signed off once it has criteria and all of them are met. */
export function canSignOff(criteria: CriterionState[]): boolean {
  return criteria.length > 0 && criteria.every((criterion) => criterion.done);
}

/** The share of a step's exit criteria met, 0 to 1; null for a step without criteria. */
export function stepProgress(criteria: CriterionState[]): number | null {
  if (criteria.length === 0) return null;
  return criteria.filter((criterion) => criterion.done).length / criteria.length;
}
