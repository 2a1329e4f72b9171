import type { EntityManager } from 'typeorm';
import { HttpStatus } from '@nestjs/common';
import {
  DependentsProblem,
  PROBLEM_TYPES,
  ProblemException,
} from '../../common/problem-details/problem';
import type { CommentSubject } from './plan.entity';

/** Open questions and challenges per subject: the plan shows how many remain. */
export async function openChallenges(
  manager: EntityManager,
  organisationId: string,
  subjectType: CommentSubject,
  subjectIds: string[],
): Promise<ReadonlyMap<string, number>> {
  if (subjectIds.length === 0) return new Map();
  const rows: { subject_id: string; open: string }[] = await manager.query(
    `SELECT subject_id, count(*) AS open FROM plan_comments
      WHERE organisation_id = $1 AND subject_type = $2 AND subject_id = ANY($3::uuid[])
        AND resolved_at IS NULL AND kind IN ('question', 'challenge')
      GROUP BY subject_id`,
    [organisationId, subjectType, subjectIds],
  );
  return new Map(rows.map((row) => [row.subject_id, Number(row.open)]));
}

/**
 * Every open question and challenge of the organisation's plan, counted per subject (ids are
 * UUIDs, unique across subject types) and in all: what the strategy map shows, in one statement
 * instead of one per kind of subject.
 */
export async function openChallengesOfThePlan(
  manager: EntityManager,
  organisationId: string,
): Promise<{ bySubject: Map<string, number>; total: number }> {
  const rows: { subject_id: string; open: string }[] = await manager.query(
    `SELECT subject_id, count(*) AS open FROM plan_comments
      WHERE organisation_id = $1 AND resolved_at IS NULL AND kind IN ('question', 'challenge')
      GROUP BY subject_id`,
    [organisationId],
  );
  const bySubject = new Map(rows.map((row) => [row.subject_id, Number(row.open)]));
  return { bySubject, total: [...bySubject.values()].reduce((sum, open) => sum + open, 0) };
}

/**
 * A delete that would take others with it is refused, naming them, unless the caller confirmed
 * the cascade.
 */
export function refuseUnconfirmedCascade(
  cascade: boolean | undefined,
  what: string,
  dependents: { count: number; label: string }[],
): void {
  const present = dependents.filter((dependent) => dependent.count > 0);
  if (cascade || present.length === 0) return;
  throw new DependentsProblem(
    `${what} has ${present.map((dependent) => `${dependent.count} ${dependent.label}`).join(' and ')}. Delete or move them first, or confirm deleting them too (cascade=true).`,
  );
}

/**
 * Saves, answering 409 naming the field when a unique constraint (a KPI's or an initiative's code,
 * one measurement a day) refuses the row. A savepoint keeps the request's transaction usable.
 */
export async function savedUniquely<T>(
  manager: EntityManager,
  save: () => Promise<T>,
  constraint: string,
  conflict: { title: string; detail: string; field: string; reason: string },
): Promise<T> {
  await manager.query('SAVEPOINT unique_write');
  try {
    const saved = await save();
    await manager.query('RELEASE SAVEPOINT unique_write');
    return saved;
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT unique_write');
    const driverError = (error as { driverError?: { code?: string; constraint?: string } })
      .driverError;
    if (driverError?.code === '23505' && driverError.constraint === constraint) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        conflict.title,
        conflict.detail,
        PROBLEM_TYPES.validation,
        { errors: [{ field: conflict.field, reason: conflict.reason }] },
      );
    }
    throw error;
  }
}

/**
 * Comments hang off their subject by id only (a subject is one of three tables), so they go with
 * it, and with everything a confirmed cascade takes: an outcome's objectives and their KPIs, an
 * objective's KPIs. Otherwise their open challenges would still be counted on the plan.
 */
export async function deleteComments(
  manager: EntityManager,
  organisationId: string,
  subjectType: CommentSubject,
  subjectId: string,
): Promise<void> {
  const objectives =
    subjectType === 'outcome'
      ? `SELECT id FROM objectives WHERE outcome_id = $2`
      : subjectType === 'objective'
        ? `SELECT $2::uuid`
        : `SELECT NULL::uuid WHERE false`;
  await manager.query(
    `DELETE FROM plan_comments
      WHERE organisation_id = $1
        AND ((subject_type = $3 AND subject_id = $2)
          OR (subject_type = 'objective' AND subject_id IN (${objectives}))
          OR (subject_type = 'kpi' AND subject_id IN (
                SELECT id FROM kpis WHERE objective_id IN (${objectives}))))`,
    [organisationId, subjectId, subjectType],
  );
}
