import { HttpStatus } from '@nestjs/common';
import { dependencyCycleProblem, findDependencyCycle } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import {
  DependentsProblem,
  PROBLEM_TYPES,
  ProblemException,
  ValidationProblem,
} from '../../common/problem-details/problem';

/**
 * Edits of the organisation's dependency graph queue behind one lock, taken before any milestone
 * row is locked: two edits that each look fine alone (a → b, and b → a) can never both pass the
 * cycle check, and the lock order stays the same everywhere, so they cannot deadlock.
 */
export async function lockDependencyGraph(
  manager: EntityManager,
  organisationId: string,
): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('milestone-deps:' || $1))`, [
    organisationId,
  ]);
}

/** Refuses ids that are not milestones of the organisation (another's are as unknown). */
export async function requireMilestones(
  manager: EntityManager,
  organisationId: string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM milestones WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
    [organisationId, ids],
  );
  const known = new Set(rows.map((row) => row.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ValidationProblem([
      {
        field: 'dependsOn',
        reason: `names ids that are not milestones of this organisation: ${unknown.join(', ')}`,
      },
    ]);
  }
}

/**
 * Replaces what a milestone depends on, refusing a list that would close a cycle in the
 * organisation's graph ("dependencies on other milestones (never a cycle)"): 409 naming the
 * milestones along the cycle by title. The caller holds lockDependencyGraph.
 */
export async function replaceDependencies(
  manager: EntityManager,
  organisationId: string,
  milestoneId: string,
  dependsOn: string[],
): Promise<void> {
  await requireMilestones(manager, organisationId, dependsOn);
  const edges: { milestone_id: string; depends_on: string[] }[] = await manager.query(
    `SELECT milestone_id, array_agg(depends_on_id::text) AS depends_on
       FROM milestone_dependencies WHERE organisation_id = $1 GROUP BY milestone_id`,
    [organisationId],
  );
  const graph = new Map(edges.map((edge) => [edge.milestone_id, edge.depends_on]));
  const cycle = findDependencyCycle(graph, { id: milestoneId, dependsOn });
  if (cycle) throw await cycleProblem(manager, organisationId, cycle);

  await manager.query(`DELETE FROM milestone_dependencies WHERE milestone_id = $1`, [milestoneId]);
  if (dependsOn.length > 0) {
    await manager.query(
      `INSERT INTO milestone_dependencies (organisation_id, milestone_id, depends_on_id)
       SELECT $1, $2, unnest($3::uuid[])`,
      [organisationId, milestoneId, dependsOn],
    );
  }
}

/** The milestones that depend on this one, by title. */
export async function dependentsOf(
  manager: EntityManager,
  milestoneId: string,
): Promise<{ id: string; title: string }[]> {
  return manager.query(
    `SELECT m.id, m.title FROM milestone_dependencies d JOIN milestones m ON m.id = d.milestone_id
      WHERE d.depends_on_id = $1 ORDER BY m.due_date, m.title, m.id`,
    [milestoneId],
  );
}

/** Refuses to delete a milestone others depend on unless the caller confirmed the cascade. */
export function refuseUnconfirmedCascade(
  title: string,
  dependents: { id: string; title: string }[],
  cascade: boolean,
): void {
  if (cascade || dependents.length === 0) return;
  const names = dependents.map((dependent) => `"${dependent.title}"`).join(', ');
  throw new DependentsProblem(
    `${dependents.length === 1 ? '1 milestone depends' : `${dependents.length} milestones depend`} on "${title}": ${names}. Remove those dependencies first, or delete with cascade=true to remove them too.`,
    { dependents },
  );
}

async function cycleProblem(
  manager: EntityManager,
  organisationId: string,
  cycle: string[],
): Promise<ProblemException> {
  const rows: { id: string; title: string }[] = await manager.query(
    `SELECT id, title FROM milestones WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
    [organisationId, [...new Set(cycle)]],
  );
  const detail = dependencyCycleProblem(
    cycle,
    new Map(rows.map((row) => [row.id, row.title])),
  ) as string;
  const capitalised = detail.charAt(0).toUpperCase() + detail.slice(1);
  return new ProblemException(
    HttpStatus.CONFLICT,
    'Dependency cycle',
    `${capitalised}.`,
    PROBLEM_TYPES.rule,
    { cycle },
  );
}
