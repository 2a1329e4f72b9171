import type { DailyLedgerSums, LedgerSums, MonthlyLedgerSums } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { RoiGrouping } from './dto/roi.dto';
import { type Period, wholeMonthsOf } from './roi-intervals';

/**
 * The ROI engine's reads. Each sums the rollups (`ledger_monthly_rollups` and `ledger_rollups`, kept by the ledgers'
 * triggers) in `numeric`, exactly; no figure is derived here (CONVENTIONS, "Definitions once").
 */

export interface KeyedSums extends LedgerSums {
  /** The grouped record's id (initiative, objective, channel or activity). */
  id: string;
  /** What the report shows as the group's key: the initiative's code, else the id. */
  key: string;
  label: string;
  /** Initiatives: the planned budget, exact. */
  budget?: string;
}

/**
 * The rollup rows of one dimension covering the period: whole months from the monthly rollups,
 * the days before and after them from the daily rollups (a monthly row's `day` is its first day).
 * Every query below passes [organisation, from, to, whole months' first day, their last day].
 */
function rollups(dimension: RoiGrouping | 'organisation'): string {
  return `(
    SELECT key_id, month AS day, cost, value, risk_adjusted_value, cost_entries, value_entries
      FROM ledger_monthly_rollups
     WHERE organisation_id = $1 AND dimension = '${dimension}' AND month BETWEEN $4 AND $5
    UNION ALL
    SELECT key_id, day, cost, value, risk_adjusted_value, cost_entries, value_entries
      FROM ledger_rollups
     WHERE organisation_id = $1 AND dimension = '${dimension}' AND day BETWEEN $2 AND $3
       AND ($4::date IS NULL OR day < $4::date OR day > $5::date))`;
}

function periodParameters(organisationId: string, period: Period): unknown[] {
  const whole = wholeMonthsOf(period);
  return [organisationId, period.from, period.to, whole.from, whole.to];
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
    `SELECT ${SUMS} FROM ${rollups('organisation')} r`,
    periodParameters(organisationId, period),
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
  const parameters = periodParameters(organisationId, period);
  if (groupBy === 'initiative') {
    return (await manager.query(
      `SELECT i.id, i.code AS key, i.name AS label, i.budget::text AS budget, ${SUMS}
         FROM initiatives i
         LEFT JOIN ${rollups('initiative')} r ON r.key_id = i.id
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
         LEFT JOIN ${rollups('initiative')} r ON r.key_id = io.initiative_id
        WHERE o.organisation_id = $1
        GROUP BY o.id ORDER BY o.title, o.id`,
      parameters,
    )) as KeyedSums[];
  }
  const vocabulary = groupBy === 'channel' ? 'channels' : 'activities';
  return (await manager.query(
    `SELECT v.id, v.id::text AS key, v.label, ${SUMS}
       FROM ${rollups(groupBy)} r JOIN ${vocabulary} v ON v.id = r.key_id
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
      ? `FROM ${rollups('initiative')} r
          JOIN initiative_objectives io ON io.initiative_id = r.key_id AND io.organisation_id = $1`
      : `FROM ${rollups(groupBy)} r`;
  const groupColumn = groupBy === 'objective' ? 'io.objective_id' : 'r.key_id';
  const rows = (await manager.query(
    `SELECT ${groupColumn} AS id, ${bucket} AS bucket, ${SUMS}
       ${source}
      GROUP BY 1, 2`,
    periodParameters(organisationId, period),
  )) as (LedgerSums & { id: string; bucket: string })[];
  const byGroup = new Map<string, Map<string, LedgerSums>>();
  for (const { id, bucket: from, ...sums } of rows) {
    const intervals = byGroup.get(id) ?? new Map<string, LedgerSums>();
    intervals.set(from, sums);
    byGroup.set(id, intervals);
  }
  return byGroup;
}

/** Each initiative's cost and value per month of the period (months cut to the period). */
export async function readMonthlySums(
  manager: EntityManager,
  organisationId: string,
  period: Period,
): Promise<Map<string, MonthlyLedgerSums[]>> {
  const rows = (await manager.query(
    `SELECT r.key_id AS id, greatest(date_trunc('month', r.day)::date, $2::date)::text AS "from",
            sum(r.cost)::text AS cost, sum(r.value)::text AS value
       FROM ${rollups('initiative')} r
      GROUP BY 1, 2`,
    periodParameters(organisationId, period),
  )) as (MonthlyLedgerSums & { id: string })[];
  return groupById(rows);
}

/**
 * The daily cost and value of some initiatives, each from a given first day to the end of that
 * calendar month, or with `toPeriodEnd` to the end of the period.
 */
export async function readDaysFrom(
  manager: EntityManager,
  organisationId: string,
  wanted: readonly { id: string; from: string }[],
  periodEnd: string,
  toPeriodEnd: boolean,
): Promise<Map<string, DailyLedgerSums[]>> {
  if (wanted.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT r.key_id AS id, r.day::text AS date, r.cost::text AS cost, r.value::text AS value
       FROM unnest($2::uuid[], $3::date[]) AS w(id, first_day)
       JOIN ledger_rollups r
         ON r.organisation_id = $1 AND r.dimension = 'initiative' AND r.key_id = w.id
        AND r.day BETWEEN w.first_day AND $4::date
        AND ($5 OR r.day < (date_trunc('month', w.first_day) + interval '1 month')::date)
      WHERE r.cost_entries + r.value_entries > 0`,
    [
      organisationId,
      wanted.map((item) => item.id),
      wanted.map((item) => item.from),
      periodEnd,
      toPeriodEnd,
    ],
  )) as (DailyLedgerSums & { id: string })[];
  return groupById(rows);
}

function groupById<T extends { id: string }>(rows: T[]): Map<string, Omit<T, 'id'>[]> {
  const byId = new Map<string, Omit<T, 'id'>[]>();
  for (const { id, ...rest } of rows) {
    const list = byId.get(id) ?? [];
    list.push(rest);
    byId.set(id, list);
  }
  return byId;
}
