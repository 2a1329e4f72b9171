import { Injectable } from '@nestjs/common';
import {
  fiscalYearContaining,
  isLate,
  type MilestoneStatus,
  type Role,
  strategyStep,
  type StepStatus,
  type StrategyStepKey,
} from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { PersonContext } from '../../common/access/request-context';
import { NotFoundProblem } from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { organisationClock } from '../organisations/organisation-clock';
import type { PortfolioDto, PortfolioOrganisationDto, PortfolioStepDto } from './dto/portfolio.dto';
import { kpiCounts, missCounts, reportKpis } from './report-kpis';
import { roiToDate } from './report-money';
import { findReportCycle, reportCycle } from './report-sections';

/**
 * A consultant's (or anyone's) organisations side by side: each read in its own transaction,
 * scoped to that organisation as its own pages are, with the same figures its dashboard shows.
 */
@Injectable()
export class PortfolioService {
  constructor(private readonly scoped: ScopedDatabase) {}

  async portfolio(context: PersonContext): Promise<PortfolioDto> {
    const userId = context.principal.userId;
    const memberships = await this.scoped.transaction(
      { userId },
      undefined,
      (manager) =>
        manager.query(
          `SELECT o.id, o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id
          WHERE m.user_id = $1 ORDER BY o.name, o.id`,
          [userId],
        ) as Promise<{ id: string; name: string; role: Role }[]>,
    );
    const organisations: PortfolioOrganisationDto[] = [];
    for (const membership of memberships) {
      organisations.push(
        await this.scoped.transaction(
          { organisationId: membership.id, userId },
          undefined,
          (manager) => summary(manager, membership),
        ),
      );
    }
    return { organisations };
  }
}

async function summary(
  manager: EntityManager,
  membership: { id: string; name: string; role: Role },
): Promise<PortfolioOrganisationDto> {
  const clock = await organisationClock(manager, membership.id);
  const asOf = clock.today;
  const cycle = await findReportCycle(manager, membership.id, undefined, asOf).catch(
    (error: unknown) => {
      if (error instanceof NotFoundProblem) return null;
      throw error;
    },
  );
  const kpis = await reportKpis(manager, membership.id, asOf);
  const fiscalYear = fiscalYearContaining(asOf, clock.fiscalYearStartMonth);
  return {
    organisationId: membership.id,
    name: membership.name,
    role: membership.role,
    asOf,
    cycle: cycle ? reportCycle(cycle) : null,
    step: cycle ? await currentStep(manager, cycle.id) : null,
    kpis: kpiCounts(kpis),
    roi: await roiToDate(
      manager,
      membership.id,
      cycle ?? { startsOn: fiscalYear.startsOn, endsOn: fiscalYear.endsOn },
      asOf,
      clock,
    ),
    overdueMilestones: await overdueCount(manager, membership.id, asOf),
    misses: missCounts(kpis),
  };
}

/** Where a cycle stands: its first step not done, in the roadmap's order. */
async function currentStep(
  manager: EntityManager,
  cycleId: string,
): Promise<PortfolioStepDto | null> {
  const [row]: { step_key: StrategyStepKey; status: StepStatus }[] = await manager.query(
    `SELECT step_key, status FROM cycle_steps WHERE cycle_id = $1 AND status <> 'done'
      ORDER BY position LIMIT 1`,
    [cycleId],
  );
  if (!row) return null;
  const step = strategyStep(row.step_key);
  return { key: row.step_key, number: step.number, name: step.name, status: row.status };
}

/** Milestones late as of `asOf` (`isLate`); SQL narrows to the candidates, the rule decides. */
async function overdueCount(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
): Promise<number> {
  const rows: { status: MilestoneStatus; due_date: string }[] = await manager.query(
    `SELECT status, due_date::text AS due_date FROM milestones
      WHERE organisation_id = $1
        AND (status = 'missed' OR (status IN ('planned', 'in_progress') AND due_date < $2::date))`,
    [organisationId, asOf],
  );
  return rows.filter((row) => isLate({ status: row.status, dueDate: row.due_date }, asOf)).length;
}
