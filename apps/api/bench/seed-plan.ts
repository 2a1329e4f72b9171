import type { Client } from 'pg';
import { MAP_MILESTONES_IN_FULL } from '../src/modules/execution/milestone-representation';
import { PROGRAM_VIEW_SQL } from '../src/modules/execution/program-views.queries';

const INITIATIVES = 200;
const MILESTONES_PER_INITIATIVE = 25; // 5,000 milestones
const CHECK_INS_PER_MILESTONE = 10; // 50,000 check-ins
const OUTCOMES = 10;
const OBJECTIVES_PER_OUTCOME = 4;
const KPIS_PER_OBJECTIVE = 3;
const MEASUREMENTS_PER_KPI = 12;
const PEOPLE = 20;
/** The date the seeded plan's statuses are evaluated at: half its milestones are past. */
export const AS_OF = '2026-10-01';

/** The plan in bulk, through SQL: what years of a large organisation's planning leave behind. */
export async function seedLargePlan(
  sql: Client,
  organisationId: string,
  ownerId: string,
): Promise<void> {
  await sql.query('BEGIN');
  await sql.query(
    `WITH people AS (
       INSERT INTO users (email, name, password_hash)
       SELECT 'bench-person-' || n || '-' || $1::text || '@example.org', 'Person ' || n, 'x'
         FROM generate_series(1, $2) AS n RETURNING id)
     INSERT INTO memberships (organisation_id, user_id, role)
     SELECT $1::uuid, id, 'program_manager' FROM people`,
    [organisationId, PEOPLE],
  );
  const people = [
    ownerId,
    ...(
      await sql.query(
        `SELECT user_id FROM memberships WHERE organisation_id = $1 AND user_id <> $2`,
        [organisationId, ownerId],
      )
    ).rows.map((row: { user_id: string }) => row.user_id),
  ];
  await sql.query(
    `INSERT INTO outcomes (organisation_id, title, kind, owner_user_id, position)
     SELECT $1::uuid, 'Outcome ' || n, 'revenue', ($2::uuid[])[1 + n % array_length($2::uuid[], 1)], n
       FROM generate_series(1, $3) AS n`,
    [organisationId, people, OUTCOMES],
  );
  await sql.query(
    `INSERT INTO objectives (organisation_id, outcome_id, title, position)
     SELECT $1::uuid, o.id, o.title || ' / objective ' || n, n
       FROM outcomes o, generate_series(1, $2) AS n WHERE o.organisation_id = $1`,
    [organisationId, OBJECTIVES_PER_OUTCOME],
  );
  await sql.query(
    `INSERT INTO kpis (organisation_id, objective_id, code, name, unit, direction, baseline_value,
                       baseline_date, target_value, target_date)
     SELECT $1::uuid, ob.id, 'K' || row_number() OVER (), 'KPI ' || n, '%', 'increase', 50, '2026-04-01', 80, '2027-03-31'
       FROM objectives ob, generate_series(1, $2) AS n WHERE ob.organisation_id = $1`,
    [organisationId, KPIS_PER_OBJECTIVE],
  );
  await sql.query(
    `INSERT INTO kpi_measurements (organisation_id, kpi_id, date, value)
     SELECT $1::uuid, k.id, date '2026-04-01' + 30 * n, 50 + n * 2 + (abs(hashtext(k.id::text)) % 5)
       FROM kpis k, generate_series(0, $2 - 1) AS n WHERE k.organisation_id = $1`,
    [organisationId, MEASUREMENTS_PER_KPI],
  );
  await sql.query(
    `INSERT INTO initiatives (organisation_id, code, name, budget, accountable_user_id, responsible_user_id,
                              starts_on, ends_on, channels)
     SELECT $1::uuid, 'I' || n, 'Initiative ' || n, 1000 + n,
            ($2::uuid[])[1 + n % array_length($2::uuid[], 1)],
            ($2::uuid[])[1 + (n + 7) % array_length($2::uuid[], 1)],
            date '2026-04-01' + (n % 90), date '2026-10-01' + (n % 180), '{Instagram}'
       FROM generate_series(1, $3) AS n`,
    [organisationId, people, INITIATIVES],
  );
  await sql.query(
    `INSERT INTO initiative_objectives (organisation_id, initiative_id, objective_id)
     SELECT DISTINCT $1::uuid, i.id, ob.id
       FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM initiatives WHERE organisation_id = $1) i
       JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM objectives WHERE organisation_id = $1) ob
         ON ob.n = 1 + i.n % $2 OR ob.n = 1 + (i.n * 7) % $2`,
    [organisationId, OUTCOMES * OBJECTIVES_PER_OUTCOME],
  );
  // Milestones spread over the year; the past ones mostly done, a few missed or still open.
  await sql.query(
    `INSERT INTO milestones (organisation_id, initiative_id, title, owner_user_id, due_date, status, done_on, miss_reason, miss_category)
     SELECT $1::uuid, i.id, i.name || ' / milestone ' || k,
            ($2::uuid[])[1 + (i.n + k) % array_length($2::uuid[], 1)],
            due, status,
            CASE WHEN status = 'done' THEN due - 1 END,
            CASE WHEN status = 'missed' THEN 'execution' END,
            CASE WHEN status = 'missed' THEN 'resources' END
       FROM (SELECT id, name, row_number() OVER (ORDER BY code)::int AS n FROM initiatives WHERE organisation_id = $1) i,
            generate_series(1, $3) AS k,
            LATERAL (SELECT date '2026-04-01' + ((i.n * 13 + k * 14) % 365)::int AS due) d,
            LATERAL (SELECT CASE
                       WHEN due < date '2026-10-01' AND (i.n + k) % 10 = 0 THEN 'missed'
                       WHEN due < date '2026-10-01' AND (i.n + k) % 4 <> 0 THEN 'done'
                       WHEN (i.n + k) % 6 = 0 THEN 'in_progress'
                       ELSE 'planned' END AS status) s`,
    [organisationId, people, MILESTONES_PER_INITIATIVE],
  );
  await sql.query(
    `INSERT INTO milestone_dependencies (organisation_id, milestone_id, depends_on_id)
     SELECT $1::uuid, later.id, earlier.id
       FROM (SELECT id, initiative_id, row_number() OVER (PARTITION BY initiative_id ORDER BY due_date, id) AS n
               FROM milestones WHERE organisation_id = $1) later
       JOIN (SELECT id, initiative_id, row_number() OVER (PARTITION BY initiative_id ORDER BY due_date, id) AS n
               FROM milestones WHERE organisation_id = $1) earlier
         ON earlier.initiative_id = later.initiative_id AND earlier.n = later.n - 1
      WHERE later.n % 2 = 0`,
    [organisationId],
  );
  await sql.query(
    `INSERT INTO check_ins (organisation_id, milestone_id, date, progress, confidence, note, author_user_id)
     SELECT $1::uuid, m.id, m.due_date - 7 * ($2 - n), least(100, n * 10),
            (ARRAY['low', 'medium', 'high'])[1 + (abs(hashtext(m.id::text)) + n) % 3], 'Check-in ' || n, m.owner_user_id
       FROM milestones m, generate_series(1, $2) AS n WHERE m.organisation_id = $1`,
    [organisationId, CHECK_INS_PER_MILESTONE],
  );
  await sql.query('COMMIT');
  // As autovacuum leaves a table some time after a bulk insert; done here, so that it does not
  // start on the 50,000 new check-ins in the middle of the measurements.
  await sql.query('VACUUM (ANALYZE)');
}

/**
 * The floor of GET /strategy-map: the queries behind it, bare (the plan's records, the KPI
 * measurements, the milestones at risk, their dependencies and the per-initiative tallies), as
 * of AS_OF.
 */
export async function strategyMapQueries(sql: Client, organisationId: string): Promise<void> {
  await sql.query(`SELECT * FROM outcomes WHERE organisation_id = $1`, [organisationId]);
  await sql.query(`SELECT * FROM objectives WHERE organisation_id = $1`, [organisationId]);
  await sql.query(`SELECT * FROM kpis WHERE organisation_id = $1`, [organisationId]);
  await sql.query(
    `SELECT kpi_id, date, value FROM kpi_measurements WHERE organisation_id = $1 AND date <= $2`,
    [organisationId, AS_OF],
  );
  await sql.query(`SELECT * FROM initiatives WHERE organisation_id = $1`, [organisationId]);
  await sql.query(PROGRAM_VIEW_SQL.mapMilestones, [organisationId, AS_OF, MAP_MILESTONES_IN_FULL]);
  await sql.query(PROGRAM_VIEW_SQL.mapTally, [organisationId]);
  await sql.query(PROGRAM_VIEW_SQL.dependencyEdges, [organisationId]);
}
