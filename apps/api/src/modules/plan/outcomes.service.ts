import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { RuleProblem, ValidationProblem } from '../../common/problem-details/problem';
import { findRecord, lockRecord, refuseStaleVersion } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { definedOnly } from '../../common/validation/defined-only';
import { requireMembers } from '../memberships/members-check';
import type {
  CreateObjectiveDto,
  CreateOutcomeDto,
  ObjectiveDto,
  OutcomeDto,
  UpdateObjectiveDto,
  UpdateOutcomeDto,
} from './dto/strategy.dto';
import { namesOf } from '../accounts/names-of';
import { deleteComments, openChallenges, refuseUnconfirmedCascade } from './plan-support';
import { ObjectiveEntity, OutcomeEntity } from './plan.entity';

/** The top of the strategy map: business outcomes and the objectives under them. */
@Injectable()
export class OutcomesService {
  constructor(private readonly scoped: ScopedDatabase) {}

  listOutcomes(context: OrganisationContext): Promise<OutcomeDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const outcomes = await manager.find(OutcomeEntity, {
        where: { organisationId: context.organisationId },
        order: { position: 'ASC', createdAt: 'ASC' },
      });
      return outcomeDtos(manager, context.organisationId, outcomes);
    });
  }

  getOutcome(context: OrganisationContext, id: string): Promise<OutcomeDto> {
    return this.scoped.inOrganisation(context, (manager) => loadOutcome(manager, context, id));
  }

  createOutcome(context: OrganisationContext, input: CreateOutcomeDto): Promise<OutcomeDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await requireMembers(manager, context.organisationId, [
        { field: 'ownerUserId', userId: input.ownerUserId },
      ]);
      const outcome = await manager.save(
        manager.create(OutcomeEntity, {
          organisationId: context.organisationId,
          title: input.title,
          kind: input.kind,
          ownerUserId: input.ownerUserId,
          description: input.description ?? '',
        }),
      );
      return loadOutcome(manager, context, outcome.id);
    });
  }

  updateOutcome(
    context: OrganisationContext,
    id: string,
    input: UpdateOutcomeDto,
  ): Promise<OutcomeDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const outcome = await lockRecord(
        manager,
        OutcomeEntity,
        context.organisationId,
        id,
        'outcome',
      );
      await refuseStaleVersion(outcome, input.version, 'outcome', () =>
        loadOutcome(manager, context, id),
      );
      await requireMembers(manager, context.organisationId, [
        { field: 'ownerUserId', userId: input.ownerUserId },
      ]);
      const { version, ...changes } = input;
      Object.assign(outcome, definedOnly(changes), { version: version + 1 });
      await manager.save(outcome);
      return loadOutcome(manager, context, id);
    });
  }

  deleteOutcome(context: OrganisationContext, id: string, cascade?: boolean): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const outcome = await lockRecord(
        manager,
        OutcomeEntity,
        context.organisationId,
        id,
        'outcome',
      );
      const objectives = await manager.countBy(ObjectiveEntity, { outcomeId: id });
      refuseUnconfirmedCascade(cascade, `The outcome “${outcome.title}”`, [
        { count: objectives, label: objectives === 1 ? 'objective' : 'objectives' },
      ]);
      await deleteComments(manager, context.organisationId, 'outcome', id);
      await manager.remove(outcome);
    });
  }

  listObjectives(context: OrganisationContext, outcomeId?: string): Promise<ObjectiveDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const objectives = await manager.find(ObjectiveEntity, {
        where: { organisationId: context.organisationId, ...(outcomeId ? { outcomeId } : {}) },
        order: { position: 'ASC', createdAt: 'ASC' },
      });
      return objectiveDtos(manager, context.organisationId, objectives);
    });
  }

  getObjective(context: OrganisationContext, id: string): Promise<ObjectiveDto> {
    return this.scoped.inOrganisation(context, (manager) => loadObjective(manager, context, id));
  }

  createObjective(context: OrganisationContext, input: CreateObjectiveDto): Promise<ObjectiveDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await requireOutcome(manager, context.organisationId, input.outcomeId);
      const findingIds = await requireFindings(manager, context.organisationId, input.findingIds);
      const objective = await manager.save(
        manager.create(ObjectiveEntity, {
          organisationId: context.organisationId,
          outcomeId: input.outcomeId,
          title: input.title,
          description: input.description ?? '',
          findingIds,
        }),
      );
      return loadObjective(manager, context, objective.id);
    });
  }

  updateObjective(
    context: OrganisationContext,
    id: string,
    input: UpdateObjectiveDto,
  ): Promise<ObjectiveDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const objective = await lockRecord(
        manager,
        ObjectiveEntity,
        context.organisationId,
        id,
        'objective',
      );
      await refuseStaleVersion(objective, input.version, 'objective', () =>
        loadObjective(manager, context, id),
      );
      if (input.outcomeId) await requireOutcome(manager, context.organisationId, input.outcomeId);
      const { version, findingIds, ...changes } = input;
      Object.assign(objective, definedOnly(changes), { version: version + 1 });
      if (findingIds) {
        objective.findingIds = await requireFindings(manager, context.organisationId, findingIds);
      }
      await manager.save(objective);
      return loadObjective(manager, context, id);
    });
  }

  /**
   * An objective's KPIs go with it (only when confirmed); initiatives serving it stay, as long as
   * they serve another objective too.
   */
  deleteObjective(context: OrganisationContext, id: string, cascade?: boolean): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const objective = await lockRecord(
        manager,
        ObjectiveEntity,
        context.organisationId,
        id,
        'objective',
      );
      const [counts]: { kpis: string; sole: string }[] = await manager.query(
        `SELECT (SELECT count(*) FROM kpis WHERE objective_id = $1) AS kpis,
                (SELECT count(*) FROM initiative_objectives io WHERE io.objective_id = $1
                   AND NOT EXISTS (SELECT 1 FROM initiative_objectives other
                                    WHERE other.initiative_id = io.initiative_id
                                      AND other.objective_id <> $1)) AS sole`,
        [id],
      );
      const kpis = Number(counts!.kpis);
      const sole = Number(counts!.sole);
      if (sole > 0) {
        throw new RuleProblem(
          'Initiatives depend on it',
          `${sole} initiative${sole === 1 ? ' serves' : 's serve'} only the objective “${objective.title}”: point ${sole === 1 ? 'it' : 'them'} at another objective first.`,
        );
      }
      refuseUnconfirmedCascade(cascade, `The objective “${objective.title}”`, [
        { count: kpis, label: kpis === 1 ? 'KPI' : 'KPIs' },
      ]);
      await deleteComments(manager, context.organisationId, 'objective', id);
      await manager.remove(objective);
    });
  }
}

async function loadOutcome(manager: EntityManager, context: OrganisationContext, id: string) {
  const outcome = await findRecord(manager, OutcomeEntity, context.organisationId, id, 'outcome');
  return (await outcomeDtos(manager, context.organisationId, [outcome]))[0]!;
}

async function loadObjective(manager: EntityManager, context: OrganisationContext, id: string) {
  const objective = await findRecord(
    manager,
    ObjectiveEntity,
    context.organisationId,
    id,
    'objective',
  );
  return (await objectiveDtos(manager, context.organisationId, [objective]))[0]!;
}

export async function outcomeDtos(
  manager: EntityManager,
  organisationId: string,
  outcomes: OutcomeEntity[],
  openCounted?: ReadonlyMap<string, number>,
): Promise<OutcomeDto[]> {
  const names = await namesOf(
    manager,
    outcomes.map((outcome) => outcome.ownerUserId),
  );
  const open =
    openCounted ??
    (await openChallenges(
      manager,
      organisationId,
      'outcome',
      outcomes.map((outcome) => outcome.id),
    ));
  return outcomes.map((outcome) => ({
    id: outcome.id,
    title: outcome.title,
    kind: outcome.kind,
    description: outcome.description,
    ownerUserId: outcome.ownerUserId,
    ownerName: names.get(outcome.ownerUserId) ?? '',
    openChallenges: open.get(outcome.id) ?? 0,
    version: outcome.version,
    updatedAt: outcome.updatedAt.toISOString(),
  }));
}

export async function objectiveDtos(
  manager: EntityManager,
  organisationId: string,
  objectives: ObjectiveEntity[],
  openCounted?: ReadonlyMap<string, number>,
): Promise<ObjectiveDto[]> {
  const findingIds = [...new Set(objectives.flatMap((objective) => objective.findingIds))];
  const findings: { id: string; assessmentId: string; title: string; severity: string }[] =
    findingIds.length
      ? await manager.query(
          `SELECT id, assessment_id AS "assessmentId", title, severity FROM findings
            WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
          [organisationId, findingIds],
        )
      : [];
  const findingById = new Map(findings.map((finding) => [finding.id, finding]));
  const open =
    openCounted ??
    (await openChallenges(
      manager,
      organisationId,
      'objective',
      objectives.map((objective) => objective.id),
    ));
  return objectives.map((objective) => ({
    id: objective.id,
    outcomeId: objective.outcomeId,
    title: objective.title,
    description: objective.description,
    findingIds: objective.findingIds,
    findings: objective.findingIds.flatMap((id) => {
      const finding = findingById.get(id);
      return finding ? [finding] : [];
    }),
    openChallenges: open.get(objective.id) ?? 0,
    version: objective.version,
    updatedAt: objective.updatedAt.toISOString(),
  }));
}

async function requireOutcome(manager: EntityManager, organisationId: string, id: string) {
  if (!(await manager.existsBy(OutcomeEntity, { id, organisationId }))) {
    throw new ValidationProblem([
      { field: 'outcomeId', reason: 'is not an outcome of this organisation' },
    ]);
  }
}

/** Objectives cite findings of the organisation's own assessments only. */
async function requireFindings(
  manager: EntityManager,
  organisationId: string,
  findingIds: string[],
): Promise<string[]> {
  const wanted = [...new Set(findingIds)];
  if (wanted.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM findings WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
    [organisationId, wanted],
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = findingIds.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw new ValidationProblem([
      { field: `findingIds.${missing}`, reason: 'is not a finding of this organisation' },
    ]);
  }
  return wanted;
}
