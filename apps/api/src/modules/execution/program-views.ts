import { isLate } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { MilestoneDto } from './dto/milestone.dto';
import { readMilestones } from './milestone-representation';

/**
 * The program manager's lists, as plain functions of a transaction so that the views and the
 * weekly digest show exactly the same milestones. The SQL narrows the rows (see
 * program-views.queries.ts); the domain's isLate and milestoneRisk have the last word.
 */

/** Late as of `asOf`: missed, or still open after the due date (isLate). */
export async function overdueMilestones(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
): Promise<MilestoneDto[]> {
  const rows = await readMilestones(manager, 'overdue', organisationId, asOf);
  return rows.filter((milestone) => isLate(milestone, asOf));
}

/** At risk as of `asOf` (milestoneRisk): overdue, behind a late dependency, or low confidence. */
export async function atRiskMilestones(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
): Promise<MilestoneDto[]> {
  const rows = await readMilestones(manager, 'atRisk', organisationId, asOf);
  return rows.filter((milestone) => milestone.atRisk);
}

/** Still open and due between `asOf` and `days` later, both inclusive. */
export function dueSoonMilestones(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
  days: number,
): Promise<MilestoneDto[]> {
  return readMilestones(manager, 'dueSoon', organisationId, asOf, [days]);
}

export function milestonesOwnedBy(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
  userId: string,
): Promise<MilestoneDto[]> {
  return readMilestones(manager, 'mine', organisationId, asOf, [userId]);
}
