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
