import { todayIn } from '@roi/domain';
import type { EntityManager } from 'typeorm';

/**
 * The organisation's today (in its time zone, the default date every status is evaluated at) and
 * its currency, read in one query.
 */
export async function organisationClock(
  manager: EntityManager,
  organisationId: string,
): Promise<{ today: string; currency: string; timeZone: string }> {
  const [organisation]: { time_zone: string; currency: string }[] = await manager.query(
    `SELECT time_zone, currency FROM organisations WHERE id = $1`,
    [organisationId],
  );
  const timeZone = organisation?.time_zone ?? 'UTC';
  return { today: todayIn(timeZone), currency: organisation?.currency ?? '', timeZone };
}

export async function organisationToday(
  manager: EntityManager,
  organisationId: string,
): Promise<string> {
  return (await organisationClock(manager, organisationId)).today;
}
