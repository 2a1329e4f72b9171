import { type MilestoneRiskReason, type MilestoneSchedule, milestoneRisk } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import { namesOf } from '../accounts/names-of';
import type { CheckInDto, MilestoneDto } from './dto/milestone.dto';
import type { TimelineMilestoneDto } from './dto/program-views.dto';
import {
  type DependencyEdgeRow,
  type LeanRow,
  type MilestoneRow,
  PROGRAM_VIEW_SQL,
  type ProgramViewQuery,
} from './program-views.queries';

/**
 * Milestones as every route shows them, read with one of the program view queries: with the
 * initiative and the people accountable and responsible for it, the last check-in, and the risk
 * as of `asOf` decided by the domain's milestoneRisk.
 */
export async function readMilestones(
  manager: EntityManager,
  query: ProgramViewQuery,
  organisationId: string,
  asOf: string,
  parameters: unknown[] = [],
): Promise<MilestoneDto[]> {
  const rows = await readRows<MilestoneRow>(manager, query, organisationId, asOf, parameters);
  const authors = await namesOf(
    manager,
    rows.map((row) => row.check_in_author_user_id),
  );
  return rows.map((row) => toMilestoneDto(row, asOf, authors));
}

/** Milestones due from `from` to `to` as timeline bars, their risk judged as of `asOf`. */
export async function readTimelineMilestones(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
  from: string,
  to: string,
): Promise<(TimelineMilestoneDto & { initiativeId: string })[]> {
  const rows = await readRows<LeanRow>(manager, 'timelineMilestones', organisationId, asOf, [
    from,
    to,
  ]);
  const dependenciesOf = await readDependencies(manager, organisationId);
  return rows.map((row) => {
    const judgement = judge(row, dependenciesOf.get(row.id) ?? [], asOf);
    return {
      id: row.id,
      initiativeId: row.initiative_id,
      title: row.title,
      dueDate: row.due_date,
      status: row.status,
      atRisk: judgement.atRisk,
      dependsOn: judgement.dependsOn,
    };
  });
}

/** An initiative with at most this many milestones is listed whole on the strategy map. */
export const MAP_MILESTONES_IN_FULL = 12;

/**
 * The strategy map's milestones, lean, with their risk as of `asOf`: every milestone of an
 * initiative with at most MAP_MILESTONES_IN_FULL of them, and of a larger one only those at risk
 * (missed ones included); beside them, each initiative's tally for initiativeHealthOfTally, so
 * that the colour of a large initiative is judged without reading its milestones on track.
 */
export async function readMapMilestones(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
) {
  const rows = await readRows<LeanRow>(manager, 'mapMilestones', organisationId, asOf, [
    MAP_MILESTONES_IN_FULL,
  ]);
  const tallies: { initiative_id: string; total: number; counted: number; missed: number }[] =
    await manager.query(PROGRAM_VIEW_SQL.mapTally, [organisationId]);
  const dependenciesOf = await readDependencies(manager, organisationId);
  const judged = rows.map((row) => {
    const judgement = judge(row, dependenciesOf.get(row.id) ?? [], asOf);
    return {
      id: row.id,
      initiativeId: row.initiative_id,
      title: row.title,
      dueDate: row.due_date,
      status: row.status,
      ownerUserId: row.owner_user_id,
      atRisk: judgement.atRisk,
      riskReasons: judgement.riskReasons,
    };
  });
  const atRisk = new Map<string, number>();
  for (const milestone of judged) {
    if (milestone.atRisk && milestone.status !== 'cancelled') {
      atRisk.set(milestone.initiativeId, (atRisk.get(milestone.initiativeId) ?? 0) + 1);
    }
  }
  const tallyOf = new Map(
    tallies.map((tally) => [
      tally.initiative_id,
      {
        total: tally.total,
        counted: tally.counted,
        missed: tally.missed,
        atRisk: atRisk.get(tally.initiative_id) ?? 0,
      },
    ]),
  );
  const listed = judged.filter(
    (milestone) =>
      milestone.atRisk ||
      (tallyOf.get(milestone.initiativeId)?.total ?? 0) <= MAP_MILESTONES_IN_FULL,
  );
  return { milestones: listed, tallyOf };
}

async function readRows<T>(
  manager: EntityManager,
  query: ProgramViewQuery,
  organisationId: string,
  asOf: string,
  parameters: unknown[],
): Promise<T[]> {
  return manager.query(PROGRAM_VIEW_SQL[query], [organisationId, asOf, ...parameters]);
}

/** Each milestone's dependencies, as the risk rule reads them, by the dependent milestone's id. */
async function readDependencies(
  manager: EntityManager,
  organisationId: string,
): Promise<Map<string, (MilestoneSchedule & { id: string })[]>> {
  const edges: DependencyEdgeRow[] = await manager.query(PROGRAM_VIEW_SQL.dependencyEdges, [
    organisationId,
  ]);
  const dependenciesOf = new Map<string, (MilestoneSchedule & { id: string })[]>();
  for (const edge of edges) {
    const dependencies = dependenciesOf.get(edge.milestone_id) ?? [];
    dependencies.push({ id: edge.depends_on_id, status: edge.status, dueDate: edge.due_date });
    dependenciesOf.set(edge.milestone_id, dependencies);
  }
  return dependenciesOf;
}

interface Judgement {
  /** The ids depended on, sorted. */
  dependsOn: string[];
  atRisk: boolean;
  riskReasons: MilestoneRiskReason[];
}

/** "At risk when it is overdue, depends on a late milestone, or its last check-in has low confidence." */
function judge(
  row: LeanRow,
  unsortedDependencies: readonly (MilestoneSchedule & { id: string })[],
  asOf: string,
): Judgement {
  const dependencies = [...unsortedDependencies].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const risk = milestoneRisk(
    { status: row.status, dueDate: row.due_date },
    {
      dependencies,
      lastCheckIn: row.check_in_confidence ? { confidence: row.check_in_confidence } : null,
    },
    asOf,
  );
  return {
    dependsOn: dependencies.map((dependency) => dependency.id),
    atRisk: risk.atRisk,
    riskReasons: risk.reasons,
  };
}

export function toMilestoneDto(
  row: MilestoneRow,
  asOf: string,
  names: ReadonlyMap<string, string>,
): MilestoneDto {
  const judgement = judge(
    row,
    row.dependencies.map(([id, status, dueDate]) => ({ id, status, dueDate })),
    asOf,
  );
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    initiativeCode: row.initiative_code,
    initiativeName: row.initiative_name,
    accountableUserId: row.accountable_user_id,
    accountableName: row.accountable_name,
    responsibleUserId: row.responsible_user_id,
    responsibleName: row.responsible_name,
    title: row.title,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    status: row.status,
    doneOn: row.done_on,
    missReason: row.miss_reason,
    missCategory: row.miss_category,
    missNote: row.miss_note,
    dependsOn: judgement.dependsOn,
    lastCheckIn: lastCheckInOf(row, names),
    atRisk: judgement.atRisk,
    riskReasons: judgement.riskReasons,
    version: row.version,
  };
}

function lastCheckInOf(row: MilestoneRow, names: ReadonlyMap<string, string>): CheckInDto | null {
  const {
    check_in_id: id,
    check_in_date: date,
    check_in_progress: progress,
    check_in_confidence: confidence,
    check_in_created_at: createdAt,
    check_in_author_user_id: authorUserId,
  } = row;
  if (id === null || date === null || progress === null || confidence === null || !createdAt) {
    return null;
  }
  return {
    id,
    milestoneId: row.id,
    date,
    progress,
    confidence,
    note: row.check_in_note ?? '',
    blockers: row.check_in_blockers ?? '',
    authorUserId,
    authorName: authorUserId ? (names.get(authorUserId) ?? null) : null,
    createdAt,
  };
}
