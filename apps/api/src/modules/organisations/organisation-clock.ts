import { findCurrency, todayIn } from '@roi/domain';
import type { EntityManager } from 'typeorm';

/**
 * The organisation's today (in its time zone, the default date every status is evaluated at),
 * its currency with that currency's minor-unit digits (ISO 4217, for displaying money), and the
 * month its fiscal year starts, read in one query.
 */
export async function organisationClock(
  manager: EntityManager,
  organisationId: string,
): Promise<{
  today: string;
  currency: string;
  minorUnits: number;
  timeZone: string;
  fiscalYearStartMonth: number;
}> {
  const [organisation]: { time_zone: string; currency: string; fiscal_month: number }[] =
    await manager.query(
      `SELECT time_zone, currency, fiscal_year_start_month AS fiscal_month
         FROM organisations WHERE id = $1`,
      [organisationId],
    );
  const timeZone = organisation?.time_zone ?? 'UTC';
  const currency = organisation?.currency ?? '';
  return {
    today: todayIn(timeZone),
    currency,
    minorUnits: findCurrency(currency)?.minorUnits ?? 2,
    timeZone,
    fiscalYearStartMonth: organisation?.fiscal_month ?? 1,
  };
}

export async function organisationToday(
  manager: EntityManager,
  organisationId: string,
): Promise<string> {
  return (await organisationClock(manager, organisationId)).today;
}
