import { addDays, assertIsoDate, dayNumber } from './calendar-days';

/**
 * Milestones and experiments (BRIEF, "Plan and execution"):
 *
 * > Milestone: under an initiative. Owner, due date, status (planned, in progress, done, missed,
 * > cancelled), dependencies on other milestones (never a cycle), check-ins (date, progress 0-100,
 * > confidence low/medium/high, note).
 *
 * > Experiment: an initiative may be marked as an experiment with a hypothesis, success criteria,
 * > kill criteria and a decision date; its outcome (validated, invalidated, inconclusive) and
 * > lessons are recorded even when it fails.
 *
 * Dates are `YYYY-MM-DD` strings, which compare in calendar order as plain strings.
 */
export const MILESTONE_STATUSES = [
  'planned',
  'in_progress',
  'done',
  'missed',
  'cancelled',
] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/**
 * Why a milestone was missed: the plan was wrong, the execution fell short, or the world moved.
 * The first, coarse classification; MISS_CATEGORIES now says why, and this stays for the API
 * clients that send or read it.
 */
export const MISS_REASONS = ['plan', 'execution', 'external'] as const;
export type MissReason = (typeof MISS_REASONS)[number];

/**
 * What a missed milestone was missed for (issue 14: "resources, dependency, scope change,
 * external, strategy changed, other"), beside the free-text note, so that packs and the dashboard
 * can count the causes.
 */
export const MISS_CATEGORIES = [
  'resources',
  'dependency',
  'scope_change',
  'external',
  'strategy_changed',
  'other',
] as const;
export type MissCategory = (typeof MISS_CATEGORIES)[number];

export const MISS_CATEGORY_LABELS: Record<MissCategory, string> = {
  resources: 'Resources',
  dependency: 'Dependency',
  scope_change: 'Scope change',
  external: 'External',
  strategy_changed: 'Strategy changed',
  other: 'Other',
};

export const EXPERIMENT_OUTCOMES = ['validated', 'invalidated', 'inconclusive'] as const;
export type ExperimentOutcome = (typeof EXPERIMENT_OUTCOMES)[number];

export const MILESTONE_RISK_REASONS = ['overdue', 'late_dependency', 'low_confidence'] as const;
export type MilestoneRiskReason = (typeof MILESTONE_RISK_REASONS)[number];

export interface MilestoneSchedule {
  status: MilestoneStatus;
  /** `YYYY-MM-DD` */
  dueDate: string;
}

export interface MilestoneRisk {
  atRisk: boolean;
  /** In the order of MILESTONE_RISK_REASONS. */
  reasons: MilestoneRiskReason[];
}

export interface MilestoneDependencies {
  id: string;
  /** The ids of the milestones this one depends on. */
  dependsOn: readonly string[];
}

export interface BurnUpPoint {
  /** `YYYY-MM-DD` */
  date: string;
  /** Milestones not cancelled that are due on or before the date. */
  planned: number;
  /** Milestones done on or before the date. */
  done: number;
}

const closed: readonly MilestoneStatus[] = ['done', 'cancelled'];

/** Missed, or still open (neither done nor cancelled) after its due date. */
export function isLate(milestone: MilestoneSchedule, asOf: string): boolean {
  assertIsoDate(milestone.dueDate, 'the due date');
  assertIsoDate(asOf, 'the evaluation date');
  if (milestone.status === 'missed') return true;
  return !closed.includes(milestone.status) && milestone.dueDate < asOf;
}

/**
 * "A milestone is at risk when it is overdue, depends on a late milestone, or its last check-in has
 * low confidence." A done or cancelled milestone is never at risk.
 */
export function milestoneRisk(
  milestone: MilestoneSchedule,
  context: {
    dependencies: readonly MilestoneSchedule[];
    lastCheckIn: { confidence: ConfidenceLevel } | null;
  },
  asOf: string,
): MilestoneRisk {
  if (closed.includes(milestone.status)) {
    assertIsoDate(asOf, 'the evaluation date');
    return { atRisk: false, reasons: [] };
  }
  const reasons: MilestoneRiskReason[] = [];
  if (isLate(milestone, asOf)) reasons.push('overdue');
  if (context.dependencies.some((dependency) => isLate(dependency, asOf))) {
    reasons.push('late_dependency');
  }
  if (context.lastCheckIn?.confidence === 'low') reasons.push('low_confidence');
  return { atRisk: reasons.length > 0, reasons };
}

/**
 * A cycle in the "depends on" graph ("dependencies on other milestones (never a cycle)"), as the
 * ids along it with the first repeated at the end (`[a, b, c, a]`: a depends on b, b on c, c on a),
 * or null when there is none. `proposed` replaces the dependencies of one milestone (new or
 * existing) before the check, so a service can ask whether a change would close a cycle; a cycle
 * through the proposed milestone is reported starting from it. Ids depended on but absent from
 * the graph are milestones without dependencies.
 *
 * The depth-first search keeps its own stack, so a chain of thousands of milestones cannot overflow
 * the call stack; it visits every milestone and dependency once.
 */
export function findDependencyCycle(
  graph: ReadonlyMap<string, readonly string[]> | readonly MilestoneDependencies[],
  proposed?: MilestoneDependencies,
): string[] | null {
  const edges = new Map<string, readonly string[]>(
    graph instanceof Map
      ? graph
      : (graph as readonly MilestoneDependencies[]).map((node) => [node.id, node.dependsOn]),
  );
  if (proposed) edges.set(proposed.id, proposed.dependsOn);

  const finished = new Set<string>();
  const starts = proposed ? [proposed.id, ...edges.keys()] : [...edges.keys()];
  for (const start of starts) {
    if (finished.has(start)) continue;
    const cycle = cycleReachableFrom(start, edges, finished);
    if (cycle) return proposed ? startingFrom(cycle, proposed.id) : cycle;
  }
  return null;
}

/** "Milestone dependencies would form a cycle: Brief → Draft → Brief", or null without a cycle. */
export function dependencyCycleProblem(
  cycle: readonly string[] | null,
  titles: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): string | null {
  if (!cycle || cycle.length === 0) return null;
  const titleOf = (id: string): string =>
    (titles instanceof Map ? titles.get(id) : (titles as Record<string, string>)[id]) ?? id;
  if (cycle.length <= 2) {
    return `a milestone cannot depend on itself: ${titleOf(cycle[0] as string)}`;
  }
  return `milestone dependencies would form a cycle: ${cycle.map(titleOf).join(' → ')}`;
}

/**
 * Planned and done milestone counts at every `stepDays` from `from`, and at `to` (both inclusive),
 * for a burn-up chart. Cancelled milestones are out of the plan; a milestone counts as done from
 * the day it was done.
 */
export function burnUp(
  milestones: readonly (MilestoneSchedule & { doneOn: string | null })[],
  from: string,
  to: string,
  stepDays = 7,
): BurnUpPoint[] {
  if (!Number.isInteger(stepDays) || stepDays < 1) {
    throw new RangeError(`the step is a whole number of days of at least 1, not ${stepDays}`);
  }
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) throw new RangeError(`the period ends (${to}) before it starts (${from})`);

  const dueDates = milestones
    .filter((milestone) => milestone.status !== 'cancelled')
    .map((milestone) => milestone.dueDate);
  const doneDates = milestones.flatMap((milestone) =>
    milestone.status === 'done' && milestone.doneOn !== null ? [milestone.doneOn] : [],
  );
  [...dueDates, ...doneDates].forEach((date) => assertIsoDate(date, 'a milestone date'));
  dueDates.sort();
  doneDates.sort();

  const dates: string[] = [];
  for (let day = first; day <= last; day += stepDays) dates.push(addDays(from, day - first));
  if (dates[dates.length - 1] !== to) dates.push(to);
  let planned = 0;
  let done = 0;
  return dates.map((date) => {
    while (planned < dueDates.length && (dueDates[planned] as string) <= date) planned++;
    while (done < doneDates.length && (doneDates[done] as string) <= date) done++;
    return { date, planned, done };
  });
}

/** "A decision date": once it has passed with no outcome recorded, the decision is overdue. */
export function experimentOverdue(
  experiment: { decisionDate: string | null; outcome: ExperimentOutcome | null },
  asOf: string,
): boolean {
  assertIsoDate(asOf, 'the evaluation date');
  if (experiment.decisionDate === null || experiment.outcome !== null) return false;
  assertIsoDate(experiment.decisionDate, 'the decision date');
  return experiment.decisionDate < asOf;
}

/**
 * The category a missed milestone falls in when only the older reason is known: for milestones
 * missed before categories existed, and for clients that still send only `missReason`.
 *
 * - `external` ("the world moved") is the category External, word for word.
 * - `plan` ("the plan was wrong") means the plan, not its delivery, was given up: Strategy changed.
 * - `execution` ("execution fell short") could be resources, a dependency or something else, and
 *   nothing in the reason says which, so it is Other rather than a guess.
 */
export function missCategoryFromReason(reason: MissReason): MissCategory {
  switch (reason) {
    case 'external':
      return 'external';
    case 'plan':
      return 'strategy_changed';
    case 'execution':
      return 'other';
  }
}

/**
 * How many missed milestones fall in each category, every category present (zero when none). Only
 * missed milestones count; a missed one without a category (which the database refuses, but a
 * caller may build one) counts as Other.
 */
export function countMissCategories(
  milestones: readonly { status: MilestoneStatus; missCategory: MissCategory | null }[],
): Record<MissCategory, number> {
  const counts = Object.fromEntries(MISS_CATEGORIES.map((category) => [category, 0])) as Record<
    MissCategory,
    number
  >;
  for (const milestone of milestones) {
    if (milestone.status !== 'missed') continue;
    counts[milestone.missCategory ?? 'other'] += 1;
  }
  return counts;
}

/** Iterative depth-first search from `start`; marks what it fully explored in `finished`. */
function cycleReachableFrom(
  start: string,
  edges: ReadonlyMap<string, readonly string[]>,
  finished: Set<string>,
): string[] | null {
  const path: string[] = [start];
  const next: number[] = [0];
  const onPath = new Map<string, number>([[start, 0]]);
  while (path.length > 0) {
    const top = path.length - 1;
    const node = path[top] as string;
    const dependencies = edges.get(node) ?? [];
    const index = next[top] as number;
    if (index >= dependencies.length) {
      finished.add(node);
      onPath.delete(node);
      path.pop();
      next.pop();
      continue;
    }
    next[top] = index + 1;
    const dependency = dependencies[index] as string;
    const at = onPath.get(dependency);
    if (at !== undefined) return [...path.slice(at), dependency];
    if (finished.has(dependency)) continue;
    onPath.set(dependency, path.length);
    path.push(dependency);
    next.push(0);
  }
  return null;
}

/** The same cycle read from `id` when it passes through it, e.g. [b, c, a, b] -> [a, b, c, a]. */
function startingFrom(cycle: string[], id: string): string[] {
  const ring = cycle.slice(0, -1);
  const at = ring.indexOf(id);
  if (at <= 0) return cycle;
  const rotated = [...ring.slice(at), ...ring.slice(0, at)];
  return [...rotated, id];
}
