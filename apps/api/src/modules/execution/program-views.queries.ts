import type { ConfidenceLevel, MilestoneStatus, MissCategory, MissReason } from '@roi/domain';

/**
 * Every query behind the milestone representation and the program manager's views, in one place
 * so that the benchmark can time the bare SQL beside the HTTP route. Each view is one query,
 * whatever the number of milestones: the last check-in comes from a LATERAL lookup on check_ins_milestone_idx, the
 * dependencies (with the status and due date the risk rule needs) are aggregated with array_agg.
 * Risk itself is decided in memory by libs/domain (milestoneRisk, isLate); the SQL only narrows
 * the rows to those a view can show.
 *
 * Parameters common to the milestone queries: $1 the organisation, $2 the evaluation date (the
 * last check-in is the latest dated on or before it).
 *
 * They run with JIT compilation off, as every API connection does (see typeorm-options): the
 * planner prices the lateral lookups high enough to compile, which costs more than it saves.
 */

/** What each milestone depends on, with the status and due date the risk rule reads. */
function dependencyJoin(dependencies: 'looked-up' | 'aggregated-once'): string {
  // A few milestones look their dependencies up one by one (the primary key's index); views over
  // the whole organisation aggregate every edge once, which beats thousands of lookups. One JSON
  // value per milestone ([[id, status, due date], ...]) parses faster than three arrays.
  const aggregate = `json_agg(json_build_array(d.depends_on_id, dm.status, dm.due_date))`;
  return dependencies === 'looked-up'
    ? `LEFT JOIN LATERAL (
      SELECT ${aggregate} AS edges
        FROM milestone_dependencies d
        JOIN milestones dm ON dm.id = d.depends_on_id
       WHERE d.milestone_id = m.id
    ) dependencies ON true`
    : `LEFT JOIN (
      SELECT d.milestone_id, ${aggregate} AS edges
        FROM milestone_dependencies d
        JOIN milestones dm ON dm.id = d.depends_on_id
       WHERE d.organisation_id = $1
       GROUP BY d.milestone_id
    ) dependencies ON dependencies.milestone_id = m.id`;
}

const DEPENDENCY_COLUMNS = `coalesce(dependencies.edges, '[]') AS dependencies`;

/** The full representation of each milestone. */
function milestoneRows(dependencies: 'looked-up' | 'aggregated-once'): string {
  return `
  SELECT m.id, m.initiative_id, i.code AS initiative_code, i.name AS initiative_name,
         i.accountable_user_id, accountable.name AS accountable_name,
         i.responsible_user_id, responsible.name AS responsible_name,
         m.title, m.owner_user_id, owner_user.name AS owner_name,
         m.due_date::text AS due_date, m.status, m.done_on::text AS done_on,
         m.miss_reason, m.miss_category, m.miss_note, m.version,
         ${DEPENDENCY_COLUMNS},
         last_check_in.id AS check_in_id, last_check_in.date::text AS check_in_date,
         last_check_in.progress AS check_in_progress,
         last_check_in.confidence AS check_in_confidence,
         last_check_in.note AS check_in_note, last_check_in.blockers AS check_in_blockers,
         last_check_in.author_user_id AS check_in_author_user_id,
         -- As JavaScript's toISOString writes it, without parsing a Date per row.
         to_char(last_check_in.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           AS check_in_created_at
    FROM milestones m
    JOIN initiatives i ON i.id = m.initiative_id
    JOIN users owner_user ON owner_user.id = m.owner_user_id
    JOIN users accountable ON accountable.id = i.accountable_user_id
    JOIN users responsible ON responsible.id = i.responsible_user_id
    ${dependencyJoin(dependencies)}
    LEFT JOIN LATERAL (
      SELECT c.id, c.date, c.progress, c.confidence, c.note, c.blockers, c.author_user_id,
             c.created_at
        FROM check_ins c
       WHERE c.milestone_id = m.id AND c.date <= $2::date
       ORDER BY c.date DESC, c.created_at DESC
       LIMIT 1
    ) last_check_in ON true`;
}

const FEW = milestoneRows('looked-up');
const MANY = milestoneRows('aggregated-once');

/**
 * Only what the risk rule reads and a Gantt bar shows: reading and parsing the whole
 * representation of thousands of milestones would cost more than drawing them. Dependencies come
 * apart, from dependencyEdges, once per organisation rather than as JSON on every row.
 *
 * `lastCheckIn` says whose last check-in is read. A done or cancelled milestone is never at risk,
 * so its check-ins never matter; where only the verdict is shown (not the reasons), an open
 * milestone already past its due date is at risk whatever its confidence, so its check-ins need
 * not be read either.
 */
function leanRows(lastCheckIn: 'for-reasons' | 'for-verdict'): string {
  const needed =
    lastCheckIn === 'for-reasons'
      ? `m.status NOT IN ('done', 'cancelled')`
      : `m.status IN ('planned', 'in_progress') AND m.due_date >= $2::date`;
  return `
  SELECT m.id, m.initiative_id, m.title, m.due_date::text AS due_date, m.status, m.owner_user_id,
         CASE WHEN ${needed} THEN (
           SELECT c.confidence
             FROM check_ins c
            WHERE c.milestone_id = m.id AND c.date <= $2::date
            ORDER BY c.date DESC, c.created_at DESC
            LIMIT 1) END AS check_in_confidence
    FROM milestones m`;
}

const BY_DUE_DATE = `ORDER BY m.due_date, m.title, m.id`;

/** Still to be done: neither done, cancelled nor missed. */
const OPEN = `m.status IN ('planned', 'in_progress')`;

/**
 * The milestones milestoneRisk may hold at risk at $2, and no others: still to be done or
 * missed, and late, behind a late dependency, or last checked in with low confidence. This
 * restates the rule only to narrow thousands of milestones to the few worth reading in full
 * (cheapest test first: the last check-in is looked up only for a milestone not yet found
 * late); the domain function judges every row returned, so the two must only agree that
 * nothing at risk is left out (the integration tests cover each reason).
 */
const MAY_BE_AT_RISK = `m.status IN ('planned', 'in_progress', 'missed')
     AND (m.status = 'missed' OR m.due_date < $2::date
          OR EXISTS (SELECT 1 FROM milestone_dependencies d
                       JOIN milestones dm ON dm.id = d.depends_on_id
                      WHERE d.milestone_id = m.id
                        AND (dm.status = 'missed'
                             OR (dm.status IN ('planned', 'in_progress') AND dm.due_date < $2::date)))
          OR (SELECT c.confidence FROM check_ins c
               WHERE c.milestone_id = m.id AND c.date <= $2::date
               ORDER BY c.date DESC, c.created_at DESC LIMIT 1) = 'low')`;

export const PROGRAM_VIEW_SQL = {
  /** $3 the milestone ids. */
  byIds: `${FEW}
   WHERE m.organisation_id = $1 AND m.id = ANY($3::uuid[])
   ${BY_DUE_DATE}`,

  /** $3 initiative, $4 owner, $5 status: each null for any. */
  list: `${MANY}
   WHERE m.organisation_id = $1
     AND ($3::uuid IS NULL OR m.initiative_id = $3::uuid)
     AND ($4::uuid IS NULL OR m.owner_user_id = $4::uuid)
     AND ($5::text IS NULL OR m.status = $5::text)
   ${BY_DUE_DATE}`,

  /** $3 the caller. */
  mine: `${FEW}
   WHERE m.organisation_id = $1 AND m.owner_user_id = $3::uuid
   ${BY_DUE_DATE}`,

  /** Exactly the milestones isLate holds late at $2: missed, or open past the due date. */
  overdue: `${FEW}
   WHERE m.organisation_id = $1
     AND (m.status = 'missed' OR (${OPEN} AND m.due_date < $2::date))
   ${BY_DUE_DATE}`,

  /** $3 days: open milestones due from $2 to $2 + $3 days, both inclusive. */
  dueSoon: `${FEW}
   WHERE m.organisation_id = $1 AND ${OPEN}
     AND m.due_date BETWEEN $2::date AND $2::date + $3::int
   ${BY_DUE_DATE}`,

  /** What milestoneRisk holds at risk at $2, read in full (see MAY_BE_AT_RISK). */
  atRisk: `${FEW}
   WHERE m.organisation_id = $1 AND ${MAY_BE_AT_RISK}
   ${BY_DUE_DATE}`,

  /**
   * $3 the most milestones an initiative may have to be listed whole: the strategy map lists
   * every milestone of such an initiative, and of a larger one only those milestoneRisk may hold
   * at risk (the narrowing of atRisk); lean, as the risk rule reads them and the map shows them.
   */
  mapMilestones: `${leanRows('for-reasons')}
   WHERE m.organisation_id = $1
     AND (${MAY_BE_AT_RISK}
          OR m.initiative_id IN (SELECT s.initiative_id FROM milestones s
                                  WHERE s.organisation_id = $1
                                  GROUP BY s.initiative_id HAVING count(*) <= $3::int))
   ${BY_DUE_DATE}`,

  /** Every dependency of the organisation's milestones, with what the risk rule reads of it. */
  dependencyEdges: `
  SELECT d.milestone_id, d.depends_on_id, dm.status, dm.due_date::text AS due_date
    FROM milestone_dependencies d
    JOIN milestones dm ON dm.id = d.depends_on_id
   WHERE d.organisation_id = $1`,

  /**
   * Per initiative, the counts initiativeHealthOfTally reads beside the judged milestones: all
   * milestones, those that count (not cancelled) and those missed.
   */
  mapTally: `
  SELECT initiative_id, count(*)::int AS total,
         count(*) FILTER (WHERE status <> 'cancelled')::int AS counted,
         count(*) FILTER (WHERE status = 'missed')::int AS missed
    FROM milestones
   WHERE organisation_id = $1
   GROUP BY initiative_id`,

  /** $3 from, $4 to: milestones due in the period, lean, for the timeline. */
  timelineMilestones: `${leanRows('for-verdict')}
   WHERE m.organisation_id = $1 AND m.due_date BETWEEN $3::date AND $4::date
   ${BY_DUE_DATE}`,

  /**
   * $1 organisation, $2 from, $3 to: initiatives running in the period (an open-ended one runs
   * from or until forever) or with a milestone due in it.
   */
  timelineInitiatives: `
  SELECT i.id, i.code, i.name, i.accountable_user_id, accountable.name AS accountable_name,
         i.responsible_user_id, responsible.name AS responsible_name,
         i.starts_on::text AS starts_on, i.ends_on::text AS ends_on, i.is_experiment
    FROM initiatives i
    JOIN users accountable ON accountable.id = i.accountable_user_id
    JOIN users responsible ON responsible.id = i.responsible_user_id
   WHERE i.organisation_id = $1
     AND ((coalesce(i.starts_on, '-infinity'::date) <= $3::date
           AND coalesce(i.ends_on, 'infinity'::date) >= $2::date)
          OR EXISTS (SELECT 1 FROM milestones m
                      WHERE m.initiative_id = i.id AND m.due_date BETWEEN $2::date AND $3::date))
   ORDER BY i.starts_on NULLS FIRST, i.code, i.id`,

  /** $1 organisation, $2 initiative or null for all: what burnUp counts. */
  burnUp: `
  SELECT m.status, m.due_date::text AS due_date, m.done_on::text AS done_on
    FROM milestones m
   WHERE m.organisation_id = $1 AND ($2::uuid IS NULL OR m.initiative_id = $2::uuid)`,

  /**
   * $1 organisation, $2 today: the period a chart shows by default, the current strategy cycle's
   * (the latest one started when several run), else the latest cycle's.
   */
  defaultPeriod: `
  SELECT starts_on::text AS starts_on, ends_on::text AS ends_on
    FROM cycles
   WHERE organisation_id = $1
   ORDER BY (starts_on <= $2::date AND ends_on >= $2::date) DESC, starts_on DESC, created_at DESC
   LIMIT 1`,

  /**
   * $1 organisation, $2 the people concerned: each with an address, if still a member (a former
   * member keeps their milestones but gets no mail).
   */
  digestRecipients: `
  SELECT u.id, u.name, u.email
    FROM memberships ms
    JOIN users u ON u.id = ms.user_id
   WHERE ms.organisation_id = $1 AND ms.user_id = ANY($2::uuid[])
   ORDER BY u.name, u.id`,
} as const;

export type ProgramViewQuery = keyof typeof PROGRAM_VIEW_SQL;

/** A row of the lean queries (timelineMilestones, mapMilestones). */
export interface LeanRow {
  id: string;
  initiative_id: string;
  title: string;
  due_date: string;
  status: MilestoneStatus;
  owner_user_id: string;
  check_in_confidence: ConfidenceLevel | null;
}

/** A row of dependencyEdges. */
export interface DependencyEdgeRow {
  milestone_id: string;
  depends_on_id: string;
  status: MilestoneStatus;
  due_date: string;
}

/** A row of the milestone queries, as node-postgres returns it. */
export interface MilestoneRow extends LeanRow {
  /** Each milestone this one depends on: [id, status, due date]. */
  dependencies: [string, MilestoneStatus, string][];
  initiative_code: string;
  initiative_name: string;
  accountable_user_id: string;
  accountable_name: string;
  responsible_user_id: string;
  responsible_name: string;
  owner_user_id: string;
  owner_name: string;
  done_on: string | null;
  miss_reason: MissReason | null;
  miss_category: MissCategory | null;
  miss_note: string | null;
  version: number;
  check_in_id: string | null;
  check_in_date: string | null;
  check_in_progress: number | null;
  check_in_note: string | null;
  check_in_blockers: string | null;
  check_in_author_user_id: string | null;
  check_in_created_at: string | null;
}

export interface TimelineInitiativeRow {
  id: string;
  code: string;
  name: string;
  accountable_user_id: string;
  accountable_name: string;
  responsible_user_id: string;
  responsible_name: string;
  starts_on: string | null;
  ends_on: string | null;
  is_experiment: boolean;
}
