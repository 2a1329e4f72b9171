import { Injectable } from '@nestjs/common';
import { can } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import {
  ForbiddenProblem,
  NotFoundProblem,
  RuleProblem,
  ValidationProblem,
} from '../../common/problem-details/problem';
import { findRecord, lockRecord, refuseStaleVersion } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { requireMembers } from '../memberships/members-check';
import type {
  CheckInDto,
  CreateCheckInDto,
  CreateMilestoneDto,
  MilestoneDto,
  MilestoneListQueryDto,
  UpdateMilestoneDto,
} from './dto/milestone.dto';
import { CheckInEntity, MilestoneEntity } from './execution.entity';
import {
  dependentsOf,
  lockDependencyGraph,
  refuseUnconfirmedCascade,
  replaceDependencies,
} from './milestone-dependencies';
import { namesOf } from '../accounts/names-of';
import { organisationToday } from '../organisations/organisation-clock';
import { readMilestones } from './milestone-representation';
import { nextStatusFields } from './milestone-status';

/** What only someone who shapes the plan may change; status and progress are execution's. */
const PLAN_FIELDS = ['title', 'ownerUserId', 'dueDate', 'dependsOn'] as const;

/**
 * Milestones under initiatives: who owns them, when they are due, what they depend on (never a
 * cycle), their status, and the weekly check-ins that say how they are going.
 */
@Injectable()
export class MilestonesService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext, query: MilestoneListQueryDto): Promise<MilestoneDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const today = await organisationToday(manager, context.organisationId);
      return readMilestones(manager, 'list', context.organisationId, today, [
        query.initiativeId ?? null,
        query.ownerUserId ?? null,
        query.status ?? null,
      ]);
    });
  }

  get(context: OrganisationContext, milestoneId: string): Promise<MilestoneDto> {
    return this.scoped.inOrganisation(context, (manager) =>
      loadMilestone(manager, context.organisationId, milestoneId),
    );
  }

  create(context: OrganisationContext, input: CreateMilestoneDto): Promise<MilestoneDto> {
    const organisationId = context.organisationId;
    return this.scoped.inOrganisation(context, async (manager) => {
      const dependsOn = [...new Set(input.dependsOn ?? [])];
      // Nothing depends on a milestone not yet created, so it cannot close a cycle; the lock
      // keeps a dependency from being deleted while this one is added.
      if (dependsOn.length > 0) await lockDependencyGraph(manager, organisationId);
      await requireInitiative(manager, organisationId, input.initiativeId);
      await requireMembers(manager, organisationId, [
        { field: 'ownerUserId', userId: input.ownerUserId },
      ]);
      const milestone = await manager.save(
        manager.create(MilestoneEntity, {
          organisationId,
          initiativeId: input.initiativeId,
          title: input.title,
          ownerUserId: input.ownerUserId,
          dueDate: input.dueDate,
        }),
      );
      if (dependsOn.length > 0) {
        await replaceDependencies(manager, organisationId, milestone.id, dependsOn);
      }
      return loadMilestone(manager, organisationId, milestone.id);
    });
  }

  /**
   * Changes a milestone. Its status, done date and miss reason are execution's to change
   * (`execution.update`); its title, owner, due date and dependencies are the plan's (`plan.edit`).
   */
  update(
    context: OrganisationContext,
    milestoneId: string,
    input: UpdateMilestoneDto,
  ): Promise<MilestoneDto> {
    const planFields = PLAN_FIELDS.filter((field) => input[field] !== undefined);
    if (planFields.length > 0 && !can(context.role, 'plan.edit')) {
      throw new ForbiddenProblem(
        `Your role (${context.role}) may change a milestone's status, not its ${planFields.join(', ')} (plan.edit).`,
      );
    }
    const organisationId = context.organisationId;
    return this.scoped.inOrganisation(context, async (manager) => {
      if (input.dependsOn !== undefined) await lockDependencyGraph(manager, organisationId);
      const milestone = await lockRecord(
        manager,
        MilestoneEntity,
        organisationId,
        milestoneId,
        'milestone',
      );
      await refuseStaleVersion(milestone, input.version, 'milestone', () =>
        loadMilestone(manager, organisationId, milestoneId),
      );
      await requireMembers(manager, organisationId, [
        { field: 'ownerUserId', userId: input.ownerUserId },
      ]);
      const today = await organisationToday(manager, organisationId);
      const status = nextStatusFields(milestone, input, today);
      Object.assign(milestone, status, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.ownerUserId !== undefined ? { ownerUserId: input.ownerUserId } : {}),
        ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
        version: milestone.version + 1,
      });
      if (input.dependsOn !== undefined) {
        await replaceDependencies(manager, organisationId, milestoneId, [
          ...new Set(input.dependsOn),
        ]);
      }
      await manager.save(milestone);
      return loadMilestone(manager, organisationId, milestoneId, today);
    });
  }

  /**
   * Deletes a milestone with its check-ins. One that others depend on stays unless the caller
   * confirms (`cascade`), and then those dependencies go with it.
   */
  remove(context: OrganisationContext, milestoneId: string, cascade: boolean): Promise<void> {
    const organisationId = context.organisationId;
    return this.scoped.inOrganisation(context, async (manager) => {
      await lockDependencyGraph(manager, organisationId);
      const milestone = await lockRecord(
        manager,
        MilestoneEntity,
        organisationId,
        milestoneId,
        'milestone',
      );
      refuseUnconfirmedCascade(milestone.title, await dependentsOf(manager, milestoneId), cascade);
      // The dependency rows and check-ins go by ON DELETE CASCADE, in this transaction.
      await manager.remove(milestone);
    });
  }

  /**
   * Records a check-in. Progress, even 100%, never completes a milestone (someone says it is
   * done), but the first check-in on a planned milestone says work has started.
   */
  recordCheckIn(
    context: OrganisationContext,
    milestoneId: string,
    input: CreateCheckInDto,
  ): Promise<CheckInDto> {
    const organisationId = context.organisationId;
    return this.scoped.inOrganisation(context, async (manager) => {
      const milestone = await lockRecord(
        manager,
        MilestoneEntity,
        organisationId,
        milestoneId,
        'milestone',
      );
      if (milestone.status === 'done' || milestone.status === 'cancelled') {
        throw new RuleProblem(
          `Milestone ${milestone.status}`,
          `"${milestone.title}" is ${milestone.status}: set it back in progress to record progress on it.`,
        );
      }
      const today = await organisationToday(manager, organisationId);
      if (input.date > today) {
        throw new ValidationProblem([
          { field: 'date', reason: `must not be after today (${today})` },
        ]);
      }
      const checkIn = await manager.save(
        manager.create(CheckInEntity, {
          organisationId,
          milestoneId,
          date: input.date,
          progress: input.progress,
          confidence: input.confidence,
          note: input.note ?? '',
          blockers: input.blockers ?? '',
          authorUserId: context.principal.userId ?? null,
        }),
      );
      if (milestone.status === 'planned') {
        Object.assign(milestone, { status: 'in_progress', version: milestone.version + 1 });
        await manager.save(milestone);
      }
      return toCheckInDto(checkIn, await namesOf(manager, [checkIn.authorUserId]));
    });
  }

  /** The check-ins of a milestone, newest first. */
  listCheckIns(context: OrganisationContext, milestoneId: string): Promise<CheckInDto[]> {
    const organisationId = context.organisationId;
    return this.scoped.inOrganisation(context, async (manager) => {
      await findRecord(manager, MilestoneEntity, organisationId, milestoneId, 'milestone');
      const checkIns = await manager.find(CheckInEntity, {
        where: { organisationId, milestoneId },
        order: { date: 'DESC', createdAt: 'DESC' },
      });
      const names = await namesOf(
        manager,
        checkIns.map((checkIn) => checkIn.authorUserId),
      );
      return checkIns.map((checkIn) => toCheckInDto(checkIn, names));
    });
  }
}

async function loadMilestone(
  manager: EntityManager,
  organisationId: string,
  milestoneId: string,
  today?: string,
): Promise<MilestoneDto> {
  const asOf = today ?? (await organisationToday(manager, organisationId));
  const [milestone] = await readMilestones(manager, 'byIds', organisationId, asOf, [[milestoneId]]);
  if (!milestone) throw new NotFoundProblem('milestone', milestoneId);
  return milestone;
}

/** Another organisation's initiative is as unknown here as one that does not exist. */
async function requireInitiative(
  manager: EntityManager,
  organisationId: string,
  initiativeId: string,
): Promise<void> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM initiatives WHERE organisation_id = $1 AND id = $2`,
    [organisationId, initiativeId],
  );
  if (rows.length === 0) {
    throw new ValidationProblem([
      { field: 'initiativeId', reason: 'is not an initiative of this organisation' },
    ]);
  }
}

function toCheckInDto(checkIn: CheckInEntity, names: ReadonlyMap<string, string>): CheckInDto {
  return {
    id: checkIn.id,
    milestoneId: checkIn.milestoneId,
    date: checkIn.date,
    progress: checkIn.progress,
    confidence: checkIn.confidence,
    note: checkIn.note,
    blockers: checkIn.blockers,
    authorUserId: checkIn.authorUserId,
    authorName: checkIn.authorUserId ? (names.get(checkIn.authorUserId) ?? null) : null,
    createdAt: checkIn.createdAt.toISOString(),
  };
}
