import { displayRoiFigures, roiFigures, roiToDatePeriod, ZERO_SUMS } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { RoiReportDto } from '../roi/dto/roi.dto';
import { readSums } from '../roi/roi.queries';
import { roiReport } from '../roi/roi.service';
import type { RoiToDateDto } from './dto/report-parts.dto';

interface Money {
  currency: string;
  minorUnits: number;
}

/**
 * "ROI to date" of a cycle as of a date (`roiToDatePeriod`): the organisation's totals from the
 * ROI engine's sums. Before the cycle starts the period is empty (to before from) and every sum 0.
 */
export async function roiToDate(
  manager: EntityManager,
  organisationId: string,
  cycle: { startsOn: string; endsOn: string },
  asOf: string,
  money: Money,
): Promise<RoiToDateDto> {
  const period = roiToDatePeriod(cycle, asOf);
  const sums = period ? await readSums(manager, organisationId, period) : ZERO_SUMS;
  return {
    from: period?.from ?? cycle.startsOn,
    to: period?.to ?? asOf,
    currency: money.currency,
    totals: displayRoiFigures(roiFigures(sums), money.minorUnits),
  };
}

/**
 * GET /roi's answer for ROI to date, grouped as asked; with nothing to date yet, the same shape
 * with zero totals and no groups.
 */
export async function roiToDateReport(
  manager: EntityManager,
  organisationId: string,
  cycle: { startsOn: string; endsOn: string },
  asOf: string,
  groupBy: 'initiative' | 'channel',
  money: Money,
  options: { paybackDates?: boolean } = {},
): Promise<RoiReportDto> {
  const period = roiToDatePeriod(cycle, asOf);
  if (!period) {
    return {
      from: cycle.startsOn,
      to: asOf,
      currency: money.currency,
      totals: displayRoiFigures(roiFigures(ZERO_SUMS), money.minorUnits),
      groups: [],
    };
  }
  return roiReport(manager, organisationId, { ...period, groupBy, interval: 'none' }, options);
}
