import { Injectable } from '@nestjs/common';
import { exactDecimal, roiToDatePeriod } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { organisationClock } from '../organisations/organisation-clock';
import type { RoiGroupDto } from '../roi/dto/roi.dto';
import { totalsByInterval } from '../roi/roi.service';
import type { DashboardDto, DashboardQueryDto } from './dto/dashboard.dto';
import type { BudgetLineDto } from './dto/report-parts.dto';
import { kpiCounts, kpisNeedingAttention, missCounts, reportKpis } from './report-kpis';
import { roiToDateReport } from './report-money';
import {
  cycleMilestoneSummary,
  experimentsDecided,
  findReportCycle,
  maturityOf,
  openChallengeList,
  reportCycle,
  roadmapOf,
} from './report-sections';

/** How many initiatives the dashboard names at each end of the ROI ranking. */
const RANKED = 5;

/**
 * The executive dashboard: everything its first view shows, in one answer, each figure from the
 * function the rest of the product uses (the ROI engine, the KPI status, the miss attribution).
 */
@Injectable()
export class DashboardService {
  constructor(private readonly scoped: ScopedDatabase) {}

  dashboard(context: OrganisationContext, query: DashboardQueryDto): Promise<DashboardDto> {
    return this.scoped.inOrganisation(context, (manager) =>
      dashboard(manager, context.organisationId, query),
    );
  }
}

async function dashboard(
  manager: EntityManager,
  organisationId: string,
  query: DashboardQueryDto,
): Promise<DashboardDto> {
  const clock = await organisationClock(manager, organisationId);
  const asOf = query.asOf ?? clock.today;
  const interval = query.interval ?? 'month';
  const cycle = await findReportCycle(manager, organisationId, query.cycleId, asOf);
  const kpis = await reportKpis(manager, organisationId, asOf);
  // The dashboard ranks initiatives and shows budgets; payback dates are the board pack's.
  const report = await roiToDateReport(manager, organisationId, cycle, asOf, 'initiative', clock, {
    paybackDates: false,
  });
  const period = roiToDatePeriod(cycle, asOf);
  const milestones = await cycleMilestoneSummary(manager, organisationId, cycle, asOf);
  const ranked = rankByRoi(report.groups);
  return {
    asOf,
    cycle: reportCycle(cycle),
    minorUnits: clock.minorUnits,
    roadmap: await roadmapOf(manager, cycle.id),
    kpis: {
      ...kpiCounts(kpis),
      attention: kpisNeedingAttention(kpis),
      misses: missCounts(kpis),
    },
    roi: {
      from: report.from,
      to: report.to,
      currency: report.currency,
      totals: report.totals,
      interval,
      intervals: period
        ? await totalsByInterval(manager, organisationId, period, interval, clock.minorUnits)
        : [],
      topInitiatives: ranked.slice(0, RANKED),
      bottomInitiatives: ranked.slice(Math.max(RANKED, ranked.length - RANKED)).reverse(),
      budget: report.groups.map(budgetLine),
    },
    milestones,
    maturity: await maturityOf(manager, organisationId, cycle.id),
    openChallenges: await openChallengeList(manager, organisationId),
    experiments: await experimentsDecided(manager, organisationId, asOf),
  };
}

/** Initiatives with an ROI (cost > 0), highest first; ties by code so the order is stable. */
export function rankByRoi(groups: readonly RoiGroupDto[]): RoiGroupDto[] {
  return groups
    .filter((group) => group.roi !== null)
    .sort(
      (a, b) =>
        exactDecimal(b.roi as string).compare(exactDecimal(a.roi as string)) ||
        a.key.localeCompare(b.key),
    );
}

export function budgetLine(group: RoiGroupDto): BudgetLineDto {
  return {
    code: group.key,
    name: group.label,
    budget: group.budget ?? '0',
    cost: group.cost,
    budgetVariance: group.budgetVariance ?? '0',
  };
}
