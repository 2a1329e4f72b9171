import { Injectable } from '@nestjs/common';
import { addDays, burnUp, daysBetween } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { ForbiddenProblem, ValidationProblem } from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import type { MilestoneDto } from './dto/milestone.dto';
import type {
  AsOfQueryDto,
  BurnUpPointDto,
  BurnUpQueryDto,
  DueSoonQueryDto,
  PeriodQueryDto,
  TimelineDto,
  TimelineMilestoneDto,
  WeeklyDigestDto,
} from './dto/program-views.dto';
import { organisationToday } from '../organisations/organisation-clock';
import { readTimelineMilestones } from './milestone-representation';
import {
  atRiskMilestones,
  dueSoonMilestones,
  milestonesOwnedBy,
  overdueMilestones,
} from './program-views';
import { PROGRAM_VIEW_SQL, type TimelineInitiativeRow } from './program-views.queries';
import { WeeklyDigestService } from './weekly-digest.service';

/** Without a strategy cycle, charts show this many days either side of today. */
const DEFAULT_REACH_DAYS = 90;
const LONGEST_PERIOD_DAYS = 3660;
const MOST_BURN_UP_POINTS = 1000;

/** What a program manager looks at to chase execution: lists, the timeline, the burn-up. */
@Injectable()
export class ProgramViewsService {
  constructor(
    private readonly scoped: ScopedDatabase,
    private readonly digest: WeeklyDigestService,
  ) {}

  mine(context: OrganisationContext, query: AsOfQueryDto): Promise<MilestoneDto[]> {
    const userId = context.principal.userId;
    // The route is for people only; an API key is refused before it gets here.
    if (!userId) throw new ForbiddenProblem('Only a person owns milestones, not an API key.');
    return this.evaluated(context, query.asOf, (manager, asOf) =>
      milestonesOwnedBy(manager, context.organisationId, asOf, userId),
    );
  }

  overdue(context: OrganisationContext, query: AsOfQueryDto): Promise<MilestoneDto[]> {
    return this.evaluated(context, query.asOf, (manager, asOf) =>
      overdueMilestones(manager, context.organisationId, asOf),
    );
  }

  dueSoon(context: OrganisationContext, query: DueSoonQueryDto): Promise<MilestoneDto[]> {
    return this.evaluated(context, query.asOf, (manager, asOf) =>
      dueSoonMilestones(manager, context.organisationId, asOf, query.days),
    );
  }

  atRisk(context: OrganisationContext, query: AsOfQueryDto): Promise<MilestoneDto[]> {
    return this.evaluated(context, query.asOf, (manager, asOf) =>
      atRiskMilestones(manager, context.organisationId, asOf),
    );
  }

  /** Initiatives with their milestones due in the period, for a Gantt chart. */
  timeline(context: OrganisationContext, query: PeriodQueryDto): Promise<TimelineDto> {
    const organisationId = context.organisationId;
    return this.scoped.inOrganisation(context, async (manager) => {
      const today = await organisationToday(manager, organisationId);
      const asOf = query.asOf ?? today;
      const { from, to } = await period(manager, organisationId, today, query);
      const initiatives: TimelineInitiativeRow[] = await manager.query(
        PROGRAM_VIEW_SQL.timelineInitiatives,
        [organisationId, from, to],
      );
      const milestones = await readTimelineMilestones(manager, organisationId, asOf, from, to);
      const byInitiative = new Map<string, TimelineMilestoneDto[]>();
      for (const { initiativeId, ...bar } of milestones) {
        const bars = byInitiative.get(initiativeId) ?? [];
        bars.push(bar);
        byInitiative.set(initiativeId, bars);
      }
      return {
        from,
        to,
        asOf,
        initiatives: initiatives.map((initiative) => ({
          id: initiative.id,
          code: initiative.code,
          name: initiative.name,
          accountableUserId: initiative.accountable_user_id,
          accountableName: initiative.accountable_name,
          responsibleUserId: initiative.responsible_user_id,
          responsibleName: initiative.responsible_name,
          startsOn: initiative.starts_on,
          endsOn: initiative.ends_on,
          isExperiment: initiative.is_experiment,
          milestones: byInitiative.get(initiative.id) ?? [],
        })),
      };
    });
  }

  /** Planned and done milestone counts at every `stepDays` of the period (the domain's burnUp). */
  burnUp(context: OrganisationContext, query: BurnUpQueryDto): Promise<BurnUpPointDto[]> {
    const organisationId = context.organisationId;
    return this.scoped.inOrganisation(context, async (manager) => {
      const today = await organisationToday(manager, organisationId);
      const { from, to } = await period(manager, organisationId, today, query);
      if (daysBetween(from, to) / query.stepDays > MOST_BURN_UP_POINTS) {
        throw new ValidationProblem([
          {
            field: 'stepDays',
            reason: `makes more than ${MOST_BURN_UP_POINTS} points over this period; take longer steps`,
          },
        ]);
      }
      const rows: { status: MilestoneDto['status']; due_date: string; done_on: string | null }[] =
        await manager.query(PROGRAM_VIEW_SQL.burnUp, [organisationId, query.initiativeId ?? null]);
      return burnUp(
        rows.map((row) => ({ status: row.status, dueDate: row.due_date, doneOn: row.done_on })),
        from,
        to,
        query.stepDays,
      );
    });
  }

  /** Mails the weekly digest now (the scheduler also sends it every Monday). */
  sendWeeklyDigest(context: OrganisationContext, query: AsOfQueryDto): Promise<WeeklyDigestDto> {
    return this.evaluated(context, query.asOf, (manager, asOf) =>
      this.digest.send(manager, context.organisationId, asOf),
    );
  }

  private evaluated<T>(
    context: OrganisationContext,
    asOf: string | undefined,
    work: (manager: EntityManager, asOf: string) => Promise<T>,
  ): Promise<T> {
    return this.scoped.inOrganisation(context, async (manager) =>
      work(manager, asOf ?? (await organisationToday(manager, context.organisationId))),
    );
  }
}

/**
 * The period asked for; what is left out defaults to the current strategy cycle's period (the
 * latest cycle's when none is current), else to 90 days either side of today.
 */
async function period(
  manager: EntityManager,
  organisationId: string,
  today: string,
  query: PeriodQueryDto,
): Promise<{ from: string; to: string }> {
  let from = query.from;
  let to = query.to;
  if (!from || !to) {
    const [cycle]: { starts_on: string; ends_on: string }[] = await manager.query(
      PROGRAM_VIEW_SQL.defaultPeriod,
      [organisationId, today],
    );
    from ??= cycle?.starts_on ?? addDays(today, -DEFAULT_REACH_DAYS);
    to ??= cycle?.ends_on ?? addDays(today, DEFAULT_REACH_DAYS);
  }
  if (to < from) {
    throw new ValidationProblem([{ field: 'to', reason: `must be on or after from (${from})` }]);
  }
  if (daysBetween(from, to) > LONGEST_PERIOD_DAYS) {
    throw new ValidationProblem([
      { field: 'to', reason: `must be at most ${LONGEST_PERIOD_DAYS} days after from` },
    ]);
  }
  return { from, to };
}
