import { HttpStatus, Injectable } from '@nestjs/common';
import {
  canSignOff,
  STEP_EXIT_CRITERIA,
  stepProgress,
  STRATEGY_STEPS,
  strategyStep,
} from '@roi/domain';
import { In, type EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import {
  NotFoundProblem,
  RuleProblem,
  StaleVersionProblem,
  ValidationProblem,
} from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { UserEntity } from '../accounts/user.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { definedOnly } from '../../common/validation/defined-only';
import { CycleEntity, CycleStepEntity, StepCriterionEntity } from './cycle.entity';
import type {
  CreateCriterionDto,
  CreateCycleDto,
  CycleDto,
  CycleSummaryDto,
  ReopenStepDto,
  StepDto,
  UpdateCriterionDto,
  UpdateCycleDto,
  UpdateStepDto,
} from './dto/cycle.dto';

@Injectable()
export class CyclesService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext): Promise<CycleSummaryDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const cycles = await manager.find(CycleEntity, {
        where: { organisationId: context.organisationId },
        order: { startsOn: 'DESC', createdAt: 'DESC' },
      });
      return cycles.map(toSummary);
    });
  }

  /**
   * A new cycle with the six steps, each seeded with its exit criteria; started from a previous
   * cycle, each step also carries over that cycle's unmet criteria.
   */
  create(context: OrganisationContext, input: CreateCycleDto): Promise<CycleDto> {
    refuseBackwardsPeriod(input.startsOn, input.endsOn);
    return this.scoped.inOrganisation(context, async (manager) => {
      const unfinished = input.previousCycleId
        ? await this.unfinishedCriteria(manager, context, input.previousCycleId)
        : new Map<string, string[]>();
      const cycle = await manager.save(
        manager.create(CycleEntity, {
          organisationId: context.organisationId,
          name: input.name,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          previousCycleId: input.previousCycleId ?? null,
        }),
      );
      for (const [index, definition] of STRATEGY_STEPS.entries()) {
        const step = await manager.save(
          manager.create(CycleStepEntity, {
            organisationId: context.organisationId,
            cycleId: cycle.id,
            stepKey: definition.key,
            position: index + 1,
          }),
        );
        const template = STEP_EXIT_CRITERIA[definition.key];
        const carried = (unfinished.get(definition.key) ?? []).filter(
          (text) => !template.includes(text),
        );
        await manager.save(
          [...template, ...carried].map((text, position) =>
            manager.create(StepCriterionEntity, {
              organisationId: context.organisationId,
              stepId: step.id,
              text,
              position,
            }),
          ),
        );
      }
      return this.load(manager, context, cycle.id);
    });
  }

  get(context: OrganisationContext, cycleId: string): Promise<CycleDto> {
    return this.scoped.inOrganisation(context, (manager) => this.load(manager, context, cycleId));
  }

  update(context: OrganisationContext, cycleId: string, input: UpdateCycleDto): Promise<CycleDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const cycle = await findCycle(manager, context, cycleId, true);
      if (cycle.version !== input.version) {
        throw new StaleVersionProblem('cycle', await this.load(manager, context, cycleId));
      }
      const { version, ...changes } = input;
      Object.assign(cycle, definedOnly(changes), { version: version + 1 });
      refuseBackwardsPeriod(cycle.startsOn, cycle.endsOn);
      await manager.save(cycle);
      return this.load(manager, context, cycleId);
    });
  }

  updateStep(context: OrganisationContext, cycleId: string, stepId: string, input: UpdateStepDto) {
    return this.changeStep(context, cycleId, stepId, input.version, async (manager, step) => {
      if (input.ownerUserId) await refuseNonMember(manager, context, input.ownerUserId);
      if (step.status === 'done' && input.status) {
        throw new RuleProblem(
          'Step signed off',
          'Reopen the step, with a reason, to change its status.',
        );
      }
      const { version: _version, ...changes } = input;
      Object.assign(step, definedOnly(changes));
      if (step.plannedStart && step.plannedEnd && step.plannedEnd < step.plannedStart) {
        throw new ValidationProblem([
          { field: 'plannedEnd', reason: 'must be on or after plannedStart' },
        ]);
      }
    });
  }

  /** An owner or executive signs a step off once all its exit criteria are met. */
  signOff(context: OrganisationContext, cycleId: string, stepId: string, version: number) {
    return this.changeStep(context, cycleId, stepId, version, async (manager, step) => {
      if (step.status === 'done')
        throw new RuleProblem('Already signed off', 'This step is signed off.');
      const criteria = await manager.findBy(StepCriterionEntity, { stepId: step.id });
      if (!canSignOff(criteria)) {
        throw new RuleProblem(
          'Exit criteria not met',
          `Sign-off needs every exit criterion met; ${criteria.filter((criterion) => !criterion.done).length} are not.`,
          HttpStatus.UNPROCESSABLE_ENTITY,
        );
      }
      Object.assign(step, {
        status: 'done',
        signedOffAt: new Date(),
        signedOffByUserId: context.principal.userId ?? null,
        reopenReason: null,
      });
    });
  }

  /** Reopening a signed-off step needs a reason; the audit log keeps it with who and when. */
  reopen(context: OrganisationContext, cycleId: string, stepId: string, input: ReopenStepDto) {
    return this.changeStep(context, cycleId, stepId, input.version, async (_manager, step) => {
      if (step.status !== 'done')
        throw new RuleProblem('Not signed off', 'Only a signed-off step is reopened.');
      Object.assign(step, {
        status: 'in_progress',
        signedOffAt: null,
        signedOffByUserId: null,
        reopenReason: input.reason,
      });
    });
  }

  addCriterion(
    context: OrganisationContext,
    cycleId: string,
    stepId: string,
    input: CreateCriterionDto,
  ) {
    return this.scoped.inOrganisation(context, async (manager) => {
      const step = await findStep(manager, context, cycleId, stepId);
      refuseSignedOff(step);
      const count = await manager.countBy(StepCriterionEntity, { stepId });
      await manager.save(
        manager.create(StepCriterionEntity, {
          organisationId: context.organisationId,
          stepId,
          text: input.text,
          position: count,
        }),
      );
      return this.load(manager, context, cycleId);
    });
  }

  updateCriterion(
    context: OrganisationContext,
    cycleId: string,
    stepId: string,
    criterionId: string,
    input: UpdateCriterionDto,
  ) {
    return this.scoped.inOrganisation(context, async (manager) => {
      const step = await findStep(manager, context, cycleId, stepId);
      refuseSignedOff(step);
      const criterion = await findCriterion(manager, step, criterionId);
      if (criterion.version !== input.version) {
        throw new StaleVersionProblem('exit criterion', {
          id: criterion.id,
          text: criterion.text,
          done: criterion.done,
          version: criterion.version,
        });
      }
      const { version, ...changes } = input;
      Object.assign(criterion, definedOnly(changes), { version: version + 1 });
      await manager.save(criterion);
      return this.load(manager, context, cycleId);
    });
  }

  removeCriterion(
    context: OrganisationContext,
    cycleId: string,
    stepId: string,
    criterionId: string,
  ) {
    return this.scoped.inOrganisation(context, async (manager) => {
      const step = await findStep(manager, context, cycleId, stepId);
      refuseSignedOff(step);
      await manager.remove(await findCriterion(manager, step, criterionId));
      return this.load(manager, context, cycleId);
    });
  }

  private changeStep(
    context: OrganisationContext,
    cycleId: string,
    stepId: string,
    version: number,
    change: (manager: EntityManager, step: CycleStepEntity) => Promise<void>,
  ): Promise<CycleDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const step = await findStep(manager, context, cycleId, stepId, true);
      if (step.version !== version) {
        const current = await this.load(manager, context, cycleId);
        throw new StaleVersionProblem(
          'step',
          current.steps.find((candidate) => candidate.id === stepId),
        );
      }
      await change(manager, step);
      step.version += 1;
      await manager.save(step);
      return this.load(manager, context, cycleId);
    });
  }

  private async load(
    manager: EntityManager,
    context: OrganisationContext,
    cycleId: string,
  ): Promise<CycleDto> {
    const cycle = await findCycle(manager, context, cycleId);
    const steps = await manager.find(CycleStepEntity, {
      where: { cycleId },
      order: { position: 'ASC' },
    });
    const criteria = await manager.find(StepCriterionEntity, {
      where: { stepId: In(steps.map((step) => step.id)) },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    const people = new Map(
      (
        await manager.findBy(UserEntity, {
          id: In(
            steps
              .flatMap((step) => [step.ownerUserId, step.signedOffByUserId])
              .filter((id) => id !== null),
          ),
        })
      ).map((user) => [user.id, user.name]),
    );
    return {
      ...toSummary(cycle),
      steps: steps.map((step) =>
        toStepDto(
          step,
          criteria.filter((criterion) => criterion.stepId === step.id),
          people,
        ),
      ),
    };
  }

  private async unfinishedCriteria(
    manager: EntityManager,
    context: OrganisationContext,
    previousCycleId: string,
  ): Promise<Map<string, string[]>> {
    await findCycle(manager, context, previousCycleId);
    const rows: { step_key: string; text: string }[] = await manager.query(
      `SELECT s.step_key, c.text FROM step_criteria c JOIN cycle_steps s ON s.id = c.step_id
        WHERE s.cycle_id = $1 AND NOT c.done ORDER BY s.position, c.position`,
      [previousCycleId],
    );
    const byStep = new Map<string, string[]>();
    for (const row of rows)
      byStep.set(row.step_key, [...(byStep.get(row.step_key) ?? []), row.text]);
    return byStep;
  }
}

function toSummary(cycle: CycleEntity): CycleSummaryDto {
  return {
    id: cycle.id,
    name: cycle.name,
    startsOn: cycle.startsOn,
    endsOn: cycle.endsOn,
    previousCycleId: cycle.previousCycleId,
    version: cycle.version,
  };
}

function toStepDto(
  step: CycleStepEntity,
  criteria: StepCriterionEntity[],
  people: Map<string, string>,
): StepDto {
  const definition = strategyStep(step.stepKey);
  const unmet = criteria.filter((criterion) => !criterion.done);
  const blockers =
    step.status === 'done'
      ? []
      : [
          ...(criteria.length === 0 ? ['No exit criteria yet'] : []),
          ...unmet.map((criterion) => criterion.text),
        ];
  return {
    id: step.id,
    key: step.stepKey,
    number: definition.number,
    name: definition.name,
    purpose: definition.purpose,
    produces: definition.produces,
    status: step.status,
    ownerUserId: step.ownerUserId,
    ownerName: step.ownerUserId ? (people.get(step.ownerUserId) ?? null) : null,
    plannedStart: step.plannedStart,
    plannedEnd: step.plannedEnd,
    progress: stepProgress(criteria),
    canSignOff: step.status !== 'done' && canSignOff(criteria),
    blockers,
    signedOffAt: step.signedOffAt?.toISOString() ?? null,
    signedOffByName: step.signedOffByUserId ? (people.get(step.signedOffByUserId) ?? null) : null,
    reopenReason: step.reopenReason,
    criteria: criteria.map((criterion) => ({
      id: criterion.id,
      text: criterion.text,
      done: criterion.done,
      version: criterion.version,
    })),
    version: step.version,
  };
}

function refuseBackwardsPeriod(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) {
    throw new ValidationProblem([{ field: 'endsOn', reason: 'must be on or after startsOn' }]);
  }
}

function refuseSignedOff(step: CycleStepEntity): void {
  if (step.status === 'done') {
    throw new RuleProblem(
      'Step signed off',
      'Reopen the step, with a reason, to change its exit criteria.',
    );
  }
}

/** Another organisation's person is as unknown here as nobody at all: 404. */
async function refuseNonMember(
  manager: EntityManager,
  context: OrganisationContext,
  userId: string,
) {
  const member = await manager.existsBy(MembershipEntity, {
    organisationId: context.organisationId,
    userId,
  });
  if (!member) throw new NotFoundProblem('member', userId);
}

async function findCycle(
  manager: EntityManager,
  context: OrganisationContext,
  cycleId: string,
  lock = false,
) {
  const cycle = await manager.findOne(CycleEntity, {
    where: { id: cycleId, organisationId: context.organisationId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!cycle) throw new NotFoundProblem('cycle', cycleId);
  return cycle;
}

async function findStep(
  manager: EntityManager,
  context: OrganisationContext,
  cycleId: string,
  stepId: string,
  lock = false,
) {
  const step = await manager.findOne(CycleStepEntity, {
    where: { id: stepId, cycleId, organisationId: context.organisationId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!step) throw new NotFoundProblem('step', stepId);
  return step;
}

async function findCriterion(manager: EntityManager, step: CycleStepEntity, criterionId: string) {
  const criterion = await manager.findOneBy(StepCriterionEntity, {
    id: criterionId,
    stepId: step.id,
  });
  if (!criterion) throw new NotFoundProblem('exit criterion', criterionId);
  return criterion;
}
