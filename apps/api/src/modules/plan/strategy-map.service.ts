import { Injectable } from '@nestjs/common';
import {
  experimentOverdue,
  initiativeHealthOfTally,
  worstHealth,
  type KpiStatus,
} from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { NotFoundProblem } from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { milestonesForTheMap } from '../execution';
import type { InitiativeDto } from './dto/initiative.dto';
import type { MapInitiativeDto, MapMilestoneDto, StrategyMapDto } from './dto/strategy-map.dto';
import { initiativeDtos } from './initiatives.service';
import { kpiDtos } from './kpis.service';
import { objectiveDtos, outcomeDtos } from './outcomes.service';
import { openChallengesOfThePlan } from './plan-support';
import { namesOf } from '../accounts/names-of';
import { organisationClock } from '../organisations/organisation-clock';
import { InitiativeEntity, KpiEntity, ObjectiveEntity, OutcomeEntity } from './plan.entity';

/**
 * The strategy map: outcomes → objectives → KPIs and initiatives → milestones, each with its
 * colour as of a date, read in a handful of set-based queries however large the plan. A large
 * initiative lists only its milestones at risk (its colour still judged from all of them): the
 * web reads the rest per initiative, so the map of 5,000 milestones stays small.
 */
@Injectable()
export class StrategyMapService {
  constructor(private readonly scoped: ScopedDatabase) {}

  map(context: OrganisationContext, asOf?: string): Promise<StrategyMapDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const organisationId = context.organisationId;
      const clock = await organisationClock(manager, organisationId);
      const date = asOf ?? clock.today;
      const open = await openChallengesOfThePlan(manager, organisationId);
      const outcomes = await outcomeDtos(
        manager,
        organisationId,
        await manager.find(OutcomeEntity, {
          where: { organisationId },
          order: { position: 'ASC', createdAt: 'ASC' },
        }),
        open.bySubject,
      );
      const objectives = await objectiveDtos(
        manager,
        organisationId,
        await manager.find(ObjectiveEntity, {
          where: { organisationId },
          order: { position: 'ASC', createdAt: 'ASC' },
        }),
        open.bySubject,
      );
      const kpis = await kpiDtos(
        manager,
        organisationId,
        await manager.find(KpiEntity, { where: { organisationId }, order: { code: 'ASC' } }),
        date,
        open.bySubject,
      );
      const initiativesServing = await mapInitiatives(manager, organisationId, date);
      return {
        asOf: date,
        currency: clock.currency,
        openChallenges: open.total,
        outcomes: outcomes.map((outcome) => {
          const mapped = objectives
            .filter((objective) => objective.outcomeId === outcome.id)
            .map((objective) => {
              const ownKpis = kpis.filter((kpi) => kpi.objectiveId === objective.id);
              return {
                id: objective.id,
                title: objective.title,
                health: worstHealth(ownKpis.map((kpi) => kpi.status as KpiStatus)),
                openChallenges: objective.openChallenges,
                findings: objective.findings,
                kpis: ownKpis,
                initiatives: initiativesServing.get(objective.id) ?? [],
              };
            });
          return {
            id: outcome.id,
            title: outcome.title,
            kind: outcome.kind,
            ownerName: outcome.ownerName,
            health: worstHealth(mapped.map((objective) => objective.health)),
            openChallenges: outcome.openChallenges,
            objectives: mapped,
          };
        }),
      };
    });
  }

  /** Every experiment and its lesson, failures included, decided within a cycle's period. */
  learningLog(context: OrganisationContext, cycleId?: string): Promise<InitiativeDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const organisationId = context.organisationId;
      let period: { starts_on: string; ends_on: string } | undefined;
      if (cycleId) {
        period = (
          (await manager.query(
            `SELECT starts_on::text AS starts_on, ends_on::text AS ends_on FROM cycles
              WHERE organisation_id = $1 AND id = $2`,
            [organisationId, cycleId],
          )) as { starts_on: string; ends_on: string }[]
        )[0];
        if (!period) throw new NotFoundProblem('cycle', cycleId);
      }
      const experiments = (
        await manager.find(InitiativeEntity, {
          where: { organisationId, isExperiment: true },
          order: { decisionDate: 'ASC', code: 'ASC' },
        })
      ).filter(
        (experiment) =>
          !period ||
          (experiment.decisionDate !== null &&
            experiment.decisionDate >= period.starts_on &&
            experiment.decisionDate <= period.ends_on),
      );
      return initiativeDtos(manager, organisationId, experiments);
    });
  }
}

/**
 * The map's initiatives, by the objectives they serve: an initiative serving two objectives is one
 * object listed under both, built once.
 */
async function mapInitiatives(
  manager: EntityManager,
  organisationId: string,
  date: string,
): Promise<Map<string, MapInitiativeDto[]>> {
  const initiatives = await manager.find(InitiativeEntity, {
    where: { organisationId },
    order: { code: 'ASC' },
  });
  const links: { initiative_id: string; objective_id: string }[] = await manager.query(
    `SELECT initiative_id, objective_id FROM initiative_objectives WHERE organisation_id = $1`,
    [organisationId],
  );
  const { milestones, tallyOf } = await milestonesForTheMap(manager, organisationId, date);
  const people = await namesOf(manager, [
    ...initiatives.flatMap((initiative) => [
      initiative.accountableUserId,
      initiative.responsibleUserId,
    ]),
    ...milestones.map((milestone) => milestone.ownerUserId),
  ]);
  const milestonesOf = new Map<string, MapMilestoneDto[]>();
  for (const { initiativeId, ownerUserId, ...milestone } of milestones) {
    const list = milestonesOf.get(initiativeId) ?? [];
    list.push({ ...milestone, ownerName: people.get(ownerUserId) ?? '' });
    milestonesOf.set(initiativeId, list);
  }
  const objectivesOf = new Map<string, string[]>();
  for (const link of links) {
    const objectives = objectivesOf.get(link.initiative_id) ?? [];
    objectives.push(link.objective_id);
    objectivesOf.set(link.initiative_id, objectives);
  }
  const initiativesServing = new Map<string, MapInitiativeDto[]>();
  for (const initiative of initiatives) {
    const tally = tallyOf.get(initiative.id) ?? { total: 0, counted: 0, missed: 0, atRisk: 0 };
    const dto: MapInitiativeDto = {
      id: initiative.id,
      code: initiative.code,
      name: initiative.name,
      accountableName: people.get(initiative.accountableUserId) ?? '',
      responsibleName: people.get(initiative.responsibleUserId) ?? '',
      budget: initiative.budget,
      isExperiment: initiative.isExperiment,
      decisionOverdue:
        initiative.isExperiment &&
        experimentOverdue(
          { decisionDate: initiative.decisionDate, outcome: initiative.experimentOutcome },
          date,
        ),
      health: initiativeHealthOfTally(tally),
      milestoneCount: tally.total,
      milestones: milestonesOf.get(initiative.id) ?? [],
    };
    for (const objectiveId of objectivesOf.get(initiative.id) ?? []) {
      const serving = initiativesServing.get(objectiveId) ?? [];
      serving.push(dto);
      initiativesServing.set(objectiveId, serving);
    }
  }
  return initiativesServing;
}
