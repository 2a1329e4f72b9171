import { Injectable } from '@nestjs/common';
import { experimentOverdue } from '@roi/domain';
import { In, type EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { RuleProblem, ValidationProblem } from '../../common/problem-details/problem';
import { findRecord, lockRecord, refuseStaleVersion } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { definedOnly } from '../../common/validation/defined-only';
import { requireMembers } from '../memberships/members-check';
import type { CreateInitiativeDto, InitiativeDto, UpdateInitiativeDto } from './dto/initiative.dto';
import { namesOf } from '../accounts/names-of';
import { organisationClock } from '../organisations/organisation-clock';
import { refuseUnconfirmedCascade, savedUniquely } from './plan-support';
import { InitiativeEntity, InitiativeObjectiveEntity, ObjectiveEntity } from './plan.entity';

/**
 * Initiatives: bodies of work serving objectives, each with a person accountable for the strategy
 * and one responsible for execution; some are experiments, run to learn.
 */
@Injectable()
export class InitiativesService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext, objectiveId?: string): Promise<InitiativeDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const query = manager
        .createQueryBuilder(InitiativeEntity, 'initiative')
        .where('initiative.organisation_id = :organisationId', {
          organisationId: context.organisationId,
        })
        .orderBy('initiative.code', 'ASC');
      if (objectiveId) {
        query.andWhere(
          'EXISTS (SELECT 1 FROM initiative_objectives link WHERE link.initiative_id = initiative.id AND link.objective_id = :objectiveId)',
          { objectiveId },
        );
      }
      return initiativeDtos(manager, context.organisationId, await query.getMany());
    });
  }

  get(context: OrganisationContext, id: string): Promise<InitiativeDto> {
    return this.scoped.inOrganisation(context, (manager) =>
      loadInitiative(manager, context.organisationId, id),
    );
  }

  create(context: OrganisationContext, input: CreateInitiativeDto): Promise<InitiativeDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const objectiveIds = await requireObjectives(
        manager,
        context.organisationId,
        input.objectiveIds,
      );
      await requireMembers(manager, context.organisationId, [
        { field: 'accountableUserId', userId: input.accountableUserId },
        { field: 'responsibleUserId', userId: input.responsibleUserId },
      ]);
      const { objectiveIds: _objectives, ...fields } = input;
      const initiative = manager.create(InitiativeEntity, {
        ...fields,
        organisationId: context.organisationId,
        description: input.description ?? '',
        channels: normaliseChannels(input.channels),
        isExperiment: input.isExperiment ?? false,
      });
      refuseBadExperiment(initiative);
      const saved = await saveWithUniqueCode(manager, () => manager.save(initiative));
      await linkObjectives(manager, context.organisationId, saved.id, objectiveIds);
      return loadInitiative(manager, context.organisationId, saved.id);
    });
  }

  update(
    context: OrganisationContext,
    id: string,
    input: UpdateInitiativeDto,
  ): Promise<InitiativeDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const initiative = await lockRecord(
        manager,
        InitiativeEntity,
        context.organisationId,
        id,
        'initiative',
      );
      await refuseStaleVersion(initiative, input.version, 'initiative', () =>
        loadInitiative(manager, context.organisationId, id),
      );
      await requireMembers(manager, context.organisationId, [
        { field: 'accountableUserId', userId: input.accountableUserId },
        { field: 'responsibleUserId', userId: input.responsibleUserId },
      ]);
      const { version, objectiveIds, channels, ...changes } = input;
      Object.assign(initiative, definedOnly(changes), { version: version + 1 });
      if (channels) initiative.channels = normaliseChannels(channels);
      refuseBadExperiment(initiative);
      await saveWithUniqueCode(manager, () => manager.save(initiative));
      if (objectiveIds) {
        const wanted = await requireObjectives(manager, context.organisationId, objectiveIds);
        await manager.delete(InitiativeObjectiveEntity, { initiativeId: id });
        await linkObjectives(manager, context.organisationId, id, wanted);
      }
      return loadInitiative(manager, context.organisationId, id);
    });
  }

  delete(context: OrganisationContext, id: string, cascade?: boolean): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const initiative = await lockRecord(
        manager,
        InitiativeEntity,
        context.organisationId,
        id,
        'initiative',
      );
      const [row]: { milestones: string }[] = await manager.query(
        `SELECT count(*) AS milestones FROM milestones WHERE initiative_id = $1`,
        [id],
      );
      const milestones = Number(row!.milestones);
      await refuseWhileMoneyIsBooked(manager, initiative.code, id);
      refuseUnconfirmedCascade(cascade, `The initiative ${initiative.code}`, [
        { count: milestones, label: milestones === 1 ? 'milestone' : 'milestones' },
      ]);
      await manager.remove(initiative);
    });
  }
}

export async function initiativeDtos(
  manager: EntityManager,
  organisationId: string,
  initiatives: InitiativeEntity[],
): Promise<InitiativeDto[]> {
  if (initiatives.length === 0) return [];
  const { today, currency } = await organisationClock(manager, organisationId);
  const links = await manager.findBy(InitiativeObjectiveEntity, {
    initiativeId: In(initiatives.map((initiative) => initiative.id)),
  });
  const names = await namesOf(
    manager,
    initiatives.flatMap((initiative) => [
      initiative.accountableUserId,
      initiative.responsibleUserId,
    ]),
  );
  return initiatives.map((initiative) => ({
    id: initiative.id,
    code: initiative.code,
    name: initiative.name,
    description: initiative.description,
    objectiveIds: links
      .filter((link) => link.initiativeId === initiative.id)
      .map((link) => link.objectiveId),
    channels: initiative.channels,
    budget: initiative.budget,
    currency,
    accountableUserId: initiative.accountableUserId,
    accountableName: names.get(initiative.accountableUserId) ?? '',
    responsibleUserId: initiative.responsibleUserId,
    responsibleName: names.get(initiative.responsibleUserId) ?? '',
    startsOn: initiative.startsOn,
    endsOn: initiative.endsOn,
    isExperiment: initiative.isExperiment,
    hypothesis: initiative.hypothesis,
    successCriteria: initiative.successCriteria,
    killCriteria: initiative.killCriteria,
    decisionDate: initiative.decisionDate,
    experimentOutcome: initiative.experimentOutcome,
    lessons: initiative.lessons,
    decisionOverdue:
      initiative.isExperiment &&
      experimentOverdue(
        { decisionDate: initiative.decisionDate, outcome: initiative.experimentOutcome },
        today,
      ),
    version: initiative.version,
    updatedAt: initiative.updatedAt.toISOString(),
  }));
}

async function loadInitiative(manager: EntityManager, organisationId: string, id: string) {
  const initiative = await findRecord(manager, InitiativeEntity, organisationId, id, 'initiative');
  return (await initiativeDtos(manager, organisationId, [initiative]))[0]!;
}

function saveWithUniqueCode<T>(manager: EntityManager, save: () => Promise<T>): Promise<T> {
  return savedUniquely(manager, save, 'initiatives_organisation_id_code_key', {
    title: 'Code already used',
    detail: 'Another initiative of the organisation has this code.',
    field: 'code',
    reason: 'is already used by another initiative',
  });
}

async function requireObjectives(
  manager: EntityManager,
  organisationId: string,
  objectiveIds: string[],
): Promise<string[]> {
  const found = new Set(
    (
      await manager.findBy(ObjectiveEntity, { organisationId, id: In([...new Set(objectiveIds)]) })
    ).map((objective) => objective.id),
  );
  const missing = objectiveIds.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw new ValidationProblem([
      { field: `objectiveIds.${missing}`, reason: 'is not an objective of this organisation' },
    ]);
  }
  return [...found];
}

async function linkObjectives(
  manager: EntityManager,
  organisationId: string,
  initiativeId: string,
  objectiveIds: string[],
): Promise<void> {
  await manager.insert(
    InitiativeObjectiveEntity,
    objectiveIds.map((objectiveId) => ({ organisationId, initiativeId, objectiveId })),
  );
}

function normaliseChannels(channels: string[]): string[] {
  return [...new Set(channels.map((channel) => channel.trim()).filter(Boolean))];
}

/**
 * An experiment states its hypothesis and its decision date up front, and records its outcome
 * (validated, invalidated, inconclusive) with lessons: failing in order to learn is recorded too.
 */
function refuseBadExperiment(initiative: InitiativeEntity): void {
  const errors = [];
  if (initiative.startsOn && initiative.endsOn && initiative.endsOn < initiative.startsOn) {
    errors.push({ field: 'endsOn', reason: 'must not be before startsOn' });
  }
  if (initiative.isExperiment) {
    if (!initiative.hypothesis?.trim()) {
      errors.push({ field: 'hypothesis', reason: 'an experiment states its hypothesis' });
    }
    if (!initiative.decisionDate) {
      errors.push({ field: 'decisionDate', reason: 'an experiment sets a decision date' });
    }
    if (initiative.experimentOutcome && !initiative.lessons?.trim()) {
      errors.push({ field: 'lessons', reason: 'record what the experiment taught' });
    }
  } else if (initiative.experimentOutcome) {
    errors.push({ field: 'experimentOutcome', reason: 'only an experiment has an outcome' });
  }
  if (errors.length > 0) throw new ValidationProblem(errors);
}

/**
 * Money booked against an initiative is the organisation's financial record: deleting the
 * initiative never takes it along, not even with cascade. The entries are moved or deleted first.
 */
async function refuseWhileMoneyIsBooked(manager: EntityManager, code: string, id: string) {
  const [booked]: { costs: number; values: number }[] = await manager.query(
    `SELECT (SELECT count(*) FROM cost_entries WHERE initiative_id = $1)::int AS costs,
            (SELECT count(*) FROM value_entries WHERE initiative_id = $1)::int AS values`,
    [id],
  );
  if (booked && booked.costs + booked.values > 0) {
    throw new RuleProblem(
      'Money is booked against this initiative',
      `The initiative ${code} has ${booked.costs} cost ${booked.costs === 1 ? 'entry' : 'entries'} and ${booked.values} value ${booked.values === 1 ? 'entry' : 'entries'}. Move them to another initiative or delete them first: the ledgers keep the organisation's financial record.`,
    );
  }
}
