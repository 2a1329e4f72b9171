import { Injectable } from '@nestjs/common';
import {
  budgetVariance,
  exactDecimal,
  type Fraction,
  displayRoiFigures,
  daysBetween,
  fiscalYearContaining,
  type LedgerSums,
  type PaybackCandidate,
  paybackCandidateMonths,
  paybackDateFrom,
  reallocation,
  ROI_DECIMALS,
  roiFigures,
  roundHalfAwayFromZero,
  ZERO_SUMS,
} from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { ValidationProblem } from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { organisationClock } from '../organisations/organisation-clock';
import type {
  PeriodQueryDto,
  ReallocationDto,
  RoiFiguresDto,
  RoiGroupDto,
  RoiGrouping,
  RoiInterval,
  RoiIntervalDto,
  RoiQueryDto,
  RoiReportDto,
} from './dto/roi.dto';
import { type IntervalBounds, type Period, periodIntervals } from './roi-intervals';
import {
  type KeyedSums,
  readDaysFrom,
  readGroups,
  readIntervalSums,
  readMonthlySums,
  readSums,
} from './roi.queries';

/** Longest period a report covers: enough for any strategy, bounded so no request runs away. */
const MAX_PERIOD_DAYS = 366 * 25;

/**
 * The ROI engine (BRIEF, "Money and ROI"): sums come pre-aggregated from the daily rollups (so a
 * report costs in proportion to the days and groups of its period, not to the ledger's rows), and
 * every figure derived from them comes from libs/domain.
 */
@Injectable()
export class RoiService {
  constructor(private readonly scoped: ScopedDatabase) {}

  report(context: OrganisationContext, query: RoiQueryDto): Promise<RoiReportDto> {
    return this.scoped.inOrganisation(context, (manager) =>
      roiReport(manager, context.organisationId, query),
    );
  }

  reallocation(context: OrganisationContext, query: PeriodQueryDto): Promise<ReallocationDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const { period, currency, minorUnits } = await periodOf(
        manager,
        context.organisationId,
        query,
      );
      const [totals, activities] = await Promise.all([
        readSums(manager, context.organisationId, period),
        readGroups(manager, context.organisationId, 'activity', period),
      ]);
      const suggestion = reallocation(
        activities.map((group) => ({
          activity: group.label,
          cost: group.cost,
          value: group.value,
        })),
        totals,
        minorUnits,
      );
      const ratio = (value: typeof suggestion.organisationRoi) =>
        value === null ? null : roundHalfAwayFromZero(value, ROI_DECIMALS);
      const money = (value: string) => roundHalfAwayFromZero(exactDecimal(value), minorUnits);
      const item = (candidate: (typeof suggestion.give)[number]) => ({
        activity: candidate.activity,
        cost: money(candidate.cost),
        value: money(candidate.value),
        roi: roundHalfAwayFromZero(candidate.roi, ROI_DECIMALS),
        reason: candidate.reason,
      });
      return {
        ...period,
        currency,
        organisationRoi: ratio(suggestion.organisationRoi),
        lowerQuartile: ratio(suggestion.lowerQuartile),
        upperQuartile: ratio(suggestion.upperQuartile),
        give: suggestion.give.map(item),
        receive: suggestion.receive.map(item),
        explanation: suggestion.explanation,
        activitiesCompared: suggestion.activitiesCompared,
      };
    });
  }
}

/** The ROI report of a period; also what dashboards and board packs will read. */
export async function roiReport(
  manager: EntityManager,
  organisationId: string,
  query: RoiQueryDto,
  // The dashboard ranks initiatives and shows budgets but no payback dates: it skips their reads.
  options: { paybackDates?: boolean } = {},
): Promise<RoiReportDto> {
  const { period, currency, minorUnits } = await periodOf(manager, organisationId, query);
  const groupBy: RoiGrouping = query.groupBy ?? 'initiative';
  const interval: RoiInterval = query.interval ?? 'none';
  const display = (sums: LedgerSums): RoiFiguresDto =>
    displayRoiFigures(roiFigures(sums), minorUnits);
  const money = (value: Fraction) => roundHalfAwayFromZero(value, minorUnits);

  const totals = await readSums(manager, organisationId, period);
  const groups = await readGroups(manager, organisationId, groupBy, period);
  const byInitiative = groupBy === 'initiative';
  const paybacks =
    byInitiative && options.paybackDates !== false
      ? await paybackDates(manager, organisationId, period)
      : undefined;
  const answer: RoiReportDto = {
    ...period,
    currency,
    totals: display(totals),
    groups: groups.map((group: KeyedSums): RoiGroupDto => ({
      key: group.key,
      label: group.label,
      ...display(group),
      ...(byInitiative
        ? {
            budget: money(exactDecimal(group.budget ?? '0')),
            budgetVariance: money(budgetVariance(group.budget ?? '0', group.cost)),
          }
        : {}),
      ...(paybacks ? { paybackDate: paybacks.get(group.id) ?? null } : {}),
    })),
  };
  if (interval !== 'none') {
    const byGroup = await readIntervalSums(manager, organisationId, groupBy, period, interval);
    answer.intervals = await totalsByInterval(
      manager,
      organisationId,
      period,
      interval,
      minorUnits,
    );
    groups.forEach((group, index) => {
      (answer.groups[index] as RoiGroupDto).intervals = figuresPerInterval(
        periodIntervals(period, interval),
        byGroup.get(group.id),
        minorUnits,
      );
    });
  }
  return answer;
}

/** The organisation's figures per month or quarter of the period, as GET /roi's `intervals`. */
export async function totalsByInterval(
  manager: EntityManager,
  organisationId: string,
  period: Period,
  interval: Exclude<RoiInterval, 'none'>,
  minorUnits: number,
): Promise<RoiIntervalDto[]> {
  const overall = await readIntervalSums(manager, organisationId, 'organisation', period, interval);
  return figuresPerInterval(
    periodIntervals(period, interval),
    overall.get(organisationId),
    minorUnits,
  );
}

function figuresPerInterval(
  bounds: IntervalBounds[],
  sums: Map<string, LedgerSums> | undefined,
  minorUnits: number,
): RoiIntervalDto[] {
  return bounds.map((bound) => ({
    ...bound,
    ...displayRoiFigures(roiFigures(sums?.get(bound.from) ?? ZERO_SUMS), minorUnits),
  }));
}

/**
 * Each initiative's payback date in the period. Monthly sums tell which months may hold it
 * (`paybackCandidateMonths`); the first such month's days are read for every initiative at once,
 * and only initiatives whose payback was not there have their days read on, from their next
 * candidate month to the period's end: two queries at most, and on a busy ledger a few thousand
 * daily rows instead of every one.
 */
async function paybackDates(
  manager: EntityManager,
  organisationId: string,
  period: Period,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const pending = new Map<string, PaybackCandidate[]>();
  for (const [id, months] of await readMonthlySums(manager, organisationId, period)) {
    // The first candidate month is read alone, the second onwards to the period's end.
    const candidates = paybackCandidateMonths(months, 2);
    if (candidates.length > 0) pending.set(id, candidates);
  }
  for (const toPeriodEnd of [false, true]) {
    const wanted = [...pending].map(([id, candidates]) => ({
      id,
      from: (candidates[0] as PaybackCandidate).from,
    }));
    const days = await readDaysFrom(manager, organisationId, wanted, period.to, toPeriodEnd);
    for (const [id, candidates] of pending) {
      const date = paybackDateFrom(candidates.shift() as PaybackCandidate, days.get(id) ?? []);
      if (date) found.set(id, date);
      if (date || candidates.length === 0) pending.delete(id);
    }
  }
  return found;
}

/**
 * The period asked for, or the organisation's current fiscal year; refused when it runs
 * backwards or spans more than 25 years.
 */
export async function periodOf(
  manager: EntityManager,
  organisationId: string,
  query: PeriodQueryDto,
): Promise<{ period: Period; currency: string; minorUnits: number }> {
  const { today, currency, minorUnits, fiscalYearStartMonth } = await organisationClock(
    manager,
    organisationId,
  );
  const fiscalYear = fiscalYearContaining(query.from ?? query.to ?? today, fiscalYearStartMonth);
  const period = { from: query.from ?? fiscalYear.startsOn, to: query.to ?? fiscalYear.endsOn };
  if (period.from > period.to) {
    throw new ValidationProblem([{ field: 'to', reason: 'must not be before from' }]);
  }
  if (daysBetween(period.from, period.to) > MAX_PERIOD_DAYS) {
    throw new ValidationProblem([{ field: 'to', reason: 'must be at most 25 years after from' }]);
  }
  return { period, currency, minorUnits };
}
