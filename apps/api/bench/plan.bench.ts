import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { PROGRAM_VIEW_SQL } from '../src/modules/execution/program-views.queries';
import { makeOrganisation, signUp, TEST_PASSWORD } from '../test/support/factories';
import { startTestApp } from '../test/support/harness';
import { createTestDatabase, dropTestDatabase } from '../test/support/test-database';
import { machineDescription, measure, timingTable, writeReportSection } from './bench-support';

const INITIATIVES = 200;
const MILESTONES_PER_INITIATIVE = 25; // 5,000 milestones
const CHECK_INS_PER_MILESTONE = 10; // 50,000 check-ins
const OUTCOMES = 10;
const OBJECTIVES_PER_OUTCOME = 4;
const KPIS_PER_OBJECTIVE = 3;
const MEASUREMENTS_PER_KPI = 12;
const PEOPLE = 20;
const AS_OF = '2026-10-01';
const report = path.resolve(__dirname, '../../../docs/benchmarks.md');

/**
 * The strategy map and the program manager's views of a large organisation, over real HTTP,
 * beside the bare SQL behind each (the floor).
 */
it('measures the strategy map and the program manager views against their bare SQL', async () => {
  const databaseUrl = await createTestDatabase('roi_bench_plan');
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  // As the API's connections run (see typeorm-options): JIT costs more than it saves here.
  await sql.query('SET jit = off');
  const api = await startTestApp({ databaseUrl });
  try {
    const owner = await signUp(api);
    const organisationId = (await makeOrganisation(owner, { timeZone: 'UTC' })).id;
    await seed(sql, organisationId, owner.id);

    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/v1/organisations/${organisationId}`;
    const signedIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: owner.email, password: TEST_PASSWORD }),
    });
    const headers = {
      Cookie: signedIn.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';')[0])
        .join('; '),
    };
    const get = (route: string) => async () => {
      const response = await fetch(`${base}/${route}`, { headers });
      if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const bare = (query: string, parameters: unknown[]) => () => sql.query(query, parameters);
    const options = { samples: 100, warmup: 10 };
    const period = ['2026-04-01', '2027-03-31'];

    const timings = [
      await measure(
        'API: strategy map (GET /strategy-map)',
        get(`strategy-map?asOf=${AS_OF}`),
        options,
      ),
      await measure(
        'SQL: the strategy map’s queries (plan, KPI measurements, every milestone)',
        async () => {
          await sql.query(`SELECT * FROM outcomes WHERE organisation_id = $1`, [organisationId]);
          await sql.query(`SELECT * FROM objectives WHERE organisation_id = $1`, [organisationId]);
          await sql.query(`SELECT * FROM kpis WHERE organisation_id = $1`, [organisationId]);
          await sql.query(
            `SELECT kpi_id, date, value FROM kpi_measurements WHERE organisation_id = $1 AND date <= $2`,
            [organisationId, AS_OF],
          );
          await sql.query(`SELECT * FROM initiatives WHERE organisation_id = $1`, [organisationId]);
          await sql.query(PROGRAM_VIEW_SQL.mapMilestones, [organisationId, AS_OF]);
        },
        options,
      ),
      await measure(
        'API: my milestones (GET /milestones/views/mine)',
        get(`milestones/views/mine?asOf=${AS_OF}`),
        options,
      ),
      await measure(
        'SQL: my milestones',
        bare(PROGRAM_VIEW_SQL.mine, [organisationId, AS_OF, owner.id]),
        options,
      ),
      await measure(
        'API: overdue (GET /milestones/views/overdue)',
        get(`milestones/views/overdue?asOf=${AS_OF}`),
        options,
      ),
      await measure(
        'SQL: overdue',
        bare(PROGRAM_VIEW_SQL.overdue, [organisationId, AS_OF]),
        options,
      ),
      await measure(
        'API: due in 14 days (GET /milestones/views/due-soon)',
        get(`milestones/views/due-soon?asOf=${AS_OF}&days=14`),
        options,
      ),
      await measure(
        'SQL: due in 14 days',
        bare(PROGRAM_VIEW_SQL.dueSoon, [organisationId, AS_OF, 14]),
        options,
      ),
      await measure(
        'API: at risk (GET /milestones/views/at-risk)',
        get(`milestones/views/at-risk?asOf=${AS_OF}`),
        options,
      ),
      await measure(
        'SQL: at risk (candidates, judged in memory)',
        bare(PROGRAM_VIEW_SQL.atRisk, [organisationId, AS_OF]),
        options,
      ),
      await measure(
        'API: timeline of the cycle (GET /timeline)',
        get(`timeline?from=${period[0]}&to=${period[1]}`),
        options,
      ),
      await measure(
        'SQL: timeline (initiatives, then milestones)',
        async () => {
          await sql.query(PROGRAM_VIEW_SQL.timelineInitiatives, [organisationId, ...period]);
          await sql.query(PROGRAM_VIEW_SQL.timelineMilestones, [organisationId, AS_OF, ...period]);
        },
        options,
      ),
      await measure(
        'API: burn-up of the cycle (GET /burn-up)',
        get(`burn-up?from=${period[0]}&to=${period[1]}`),
        options,
      ),
      await measure(
        'SQL: burn-up rows',
        bare(PROGRAM_VIEW_SQL.burnUp, [organisationId, null]),
        options,
      ),
    ];
    const postgres = (await sql.query('SHOW server_version')).rows[0].server_version as string;
    const counted = (
      await sql.query(
        `SELECT (SELECT count(*) FROM initiatives) AS initiatives, (SELECT count(*) FROM milestones) AS milestones,
                (SELECT count(*) FROM check_ins) AS check_ins, (SELECT count(*) FROM milestone_dependencies) AS dependencies,
                (SELECT count(*) FROM kpis) AS kpis, (SELECT count(*) FROM kpi_measurements) AS measurements`,
      )
    ).rows[0] as Record<string, string>;
    writeReportSection(report, 'Strategy map and program manager views', [
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      `- Machine: ${machineDescription(`PostgreSQL ${postgres}`)}`,
      `- Data: one organisation with ${Number(counted.initiatives).toLocaleString('en-GB')} initiatives, ${Number(counted.milestones).toLocaleString('en-GB')} milestones (${Number(counted.dependencies).toLocaleString('en-GB')} dependencies), ${Number(counted.check_ins).toLocaleString('en-GB')} check-ins, ${counted.kpis} KPIs with ${Number(counted.measurements).toLocaleString('en-GB')} measurements; statuses evaluated as of ${AS_OF}`,
      '- Aim: p95 under 100 ms for every route. Met by mine, overdue, due soon and burn-up; not yet by',
      '  at risk, the timeline and the strategy map, whose bare SQL alone is 75-110 ms at p95 here.',
      '  Profiled (2026-11-24), a strategy-map call of ~180 ms spends ~108 ms reading and judging the',
      '  5,000 milestones (the SQL is ~60 ms of it), ~19 ms on the KPIs and ~40 ms serialising and',
      '  sending ~2 MB (an initiative serving two objectives appears under both). The next step is a',
      '  map that lists only the milestones needing attention and loads the rest per initiative.',
      '',
      timingTable(timings),
    ]);
  } finally {
    await sql.end();
    await api.close();
    await dropTestDatabase(databaseUrl);
  }
}, 600_000);

/** The plan in bulk, through SQL: what years of a large organisation's planning leave behind. */
async function seed(sql: Client, organisationId: string, ownerId: string): Promise<void> {
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
  await sql.query('ANALYZE');
}
