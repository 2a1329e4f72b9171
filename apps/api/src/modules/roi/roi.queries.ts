import type { LedgerSums } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { RoiGrouping } from './dto/roi.dto';

/**
 * The ROI engine's reads. Each sums the daily rollups (`ledger_rollups`, kept by the ledgers'
 * triggers) in `numeric`, exactly; no figure is derived here (CONVENTIONS, "Definitions once").
 */

export interface Period {
  from: string;
  to: string;
}

export interface KeyedSums extends LedgerSums {
  /** The grouped record's id (initiative, objective, channel or activity). */
  id: string;
  /** What the report shows as the group's key: the initiative's code, else the id. */
  key: string;
  label: string;
  /** Initiatives: the planned budget, exact. */
  budget?: string;
}

const SUMS = `coalesce(sum(r.cost), 0)::text AS cost, coalesce(sum(r.value), 0)::text AS value,
              coalesce(sum(r.risk_adjusted_value), 0)::text AS "riskAdjustedValue"`;

/** The organisation's sums over the period. */
export async function readSums(
  manager: EntityManager,
  organisationId: string,
  period: Period,
): Promise<LedgerSums> {
  const [row] = (await manager.query(
    `SELECT ${SUMS} FROM ledger_rollups r
      WHERE r.organisation_id = $1 AND r.dimension = 'organisation' AND r.day BETWEEN $2 AND $3`,
    [organisationId, period.from, period.to],
  )) as LedgerSums[];
  return row as LedgerSums;
}

/**
 * Each group's sums over the period. Every initiative and objective is listed (a plan's budget is
 * reported even before money moves); channels and activities only when something is booked on
 * them in the period. An initiative serving two objectives counts in both.
 */
export async function readGroups(
  manager: EntityManager,
  organisationId: string,
  groupBy: RoiGrouping,
  period: Period,
): Promise<KeyedSums[]> {
  const parameters = [organisationId, period.from, period.to];
  const inPeriod = `r.organisation_id = $1 AND r.day BETWEEN $2 AND $3`;
  if (groupBy === 'initiative') {
    return (await manager.query(
      `SELECT i.id, i.code AS key, i.name AS label, i.budget::text AS budget, ${SUMS}
         FROM initiatives i
         LEFT JOIN ledger_rollups r
           ON ${inPeriod} AND r.dimension = 'initiative' AND r.key_id = i.id
        WHERE i.organisation_id = $1
        GROUP BY i.id ORDER BY i.code`,
      parameters,
    )) as KeyedSums[];
  }
  if (groupBy === 'objective') {
    return (await manager.query(
      `SELECT o.id, o.id::text AS key, o.title AS label, ${SUMS}
         FROM objectives o
         LEFT JOIN initiative_objectives io ON io.objective_id = o.id
         LEFT JOIN ledger_rollups r
           ON ${inPeriod} AND r.dimension = 'initiative' AND r.key_id = io.initiative_id
        WHERE o.organisation_id = $1
        GROUP BY o.id ORDER BY o.title, o.id`,
      parameters,
    )) as KeyedSums[];
  }
  const vocabulary = groupBy === 'channel' ? 'channels' : 'activities';
  return (await manager.query(
    `SELECT v.id, v.id::text AS key, v.label, ${SUMS}
       FROM ledger_rollups r JOIN ${vocabulary} v ON v.id = r.key_id
      WHERE ${inPeriod} AND r.dimension = '${groupBy}'
      GROUP BY v.id
     HAVING sum(r.cost_entries) + sum(r.value_entries) > 0
      ORDER BY v.match_key`,
    parameters,
  )) as KeyedSums[];
}

/**
 * Sums per group and interval (month or quarter, cut to the period): group id -> interval's first
 * day -> sums. With `groupBy` 'organisation' the one group is the organisation itself.
 */
export async function readIntervalSums(
  manager: EntityManager,
  organisationId: string,
  groupBy: RoiGrouping | 'organisation',
  period: Period,
  interval: 'month' | 'quarter',
): Promise<Map<string, Map<string, LedgerSums>>> {
  const bucket = `greatest(date_trunc('${interval}', r.day)::date, $2::date)::text`;
  const source =
    groupBy === 'objective'
      ? `FROM ledger_rollups r JOIN initiative_objectives io ON io.initiative_id = r.key_id
          WHERE r.dimension = 'initiative' AND io.organisation_id = $1`
      : `FROM ledger_rollups r WHERE r.dimension = '${groupBy}'`;
  const groupColumn = groupBy === 'objective' ? 'io.objective_id' : 'r.key_id';
  const rows = (await manager.query(
    `SELECT ${groupColumn} AS id, ${bucket} AS bucket, ${SUMS}
       ${source} AND r.organisation_id = $1 AND r.day BETWEEN $2 AND $3
      GROUP BY 1, 2`,
    [organisationId, period.from, period.to],
  )) as (LedgerSums & { id: string; bucket: string })[];
  const byGroup = new Map<string, Map<string, LedgerSums>>();
  for (const { id, bucket: from, ...sums } of rows) {
    const intervals = byGroup.get(id) ?? new Map<string, LedgerSums>();
    intervals.set(from, sums);
    byGroup.set(id, intervals);
  }
  return byGroup;
}

/** Each initiative's daily cost and value in the period: what its payback date is found from. */
export async function readDailySums(
  manager: EntityManager,
  organisationId: string,
  period: Period,
): Promise<Map<string, { date: string; cost: string; value: string }[]>> {
  const rows = (await manager.query(
    `SELECT r.key_id AS id, r.day::text AS date, r.cost::text AS cost, r.value::text AS value
       FROM ledger_rollups r
      WHERE r.organisation_id = $1 AND r.dimension = 'initiative' AND r.day BETWEEN $2 AND $3
        AND r.cost_entries + r.value_entries > 0`,
    [organisationId, period.from, period.to],
  )) as { id: string; date: string; cost: string; value: string }[];
  const byInitiative = new Map<string, { date: string; cost: string; value: string }[]>();
  for (const { id, ...day } of rows) {
    const days = byInitiative.get(id) ?? [];
    days.push(day);
    byInitiative.set(id, days);
  }
  return byInitiative;
}
