import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { PROGRAM_VIEW_SQL } from '../src/modules/execution/program-views.queries';
import { makeOrganisation, signUp } from '../test/support/factories';
import { startTestApp } from '../test/support/harness';
import { createTestDatabase, dropTestDatabase } from '../test/support/test-database';
import {
  BUILT_API,
  machineDescription,
  measure,
  signInOnPort,
  startBuiltApi,
  timingTable,
  writeReportSection,
} from './bench-support';
import { AS_OF, seedLargePlan, strategyMapQueries } from './seed-plan';

const report = path.resolve(__dirname, '../../../docs/benchmarks.md');
const PORT = 39700 + Math.floor(Math.random() * 100);

/**
 * The strategy map and the program manager's views of a large organisation, over real HTTP,
 * beside the bare SQL behind each (the floor). The API runs as deployed, the built main.js in a
 * process of its own: inside jest it shared the event loop with the client measuring it (and
 * its JSON parsing of each answer) and ran in jest's module sandbox.
 */
it('measures the strategy map and the program manager views against their bare SQL', async () => {
  if (!existsSync(BUILT_API)) throw new Error(`Build the API first: ${BUILT_API} is missing`);
  const databaseUrl = await createTestDatabase('roi_bench_plan');
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  // As the API's connections run (see typeorm-options): JIT costs more than it saves here.
  await sql.query('SET jit = off');
  let api: ChildProcess | undefined;
  try {
    const setup = await startTestApp({ databaseUrl });
    const owner = await signUp(setup);
    const organisationId = (await makeOrganisation(owner, { timeZone: 'UTC' })).id;
    await setup.close();
    await seedLargePlan(sql, organisationId, owner.id);

    api = await startBuiltApi(databaseUrl, PORT);
    const base = `http://127.0.0.1:${PORT}/api/v1/organisations/${organisationId}`;
    const headers = await signInOnPort(PORT, owner.email);
    // The round trip ends when the whole answer has arrived; parsing it is the client's work.
    const get = (route: string) => async () => {
      const response = await fetch(`${base}/${route}`, { headers });
      if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
      return response.arrayBuffer();
    };
    const bare = (query: string, parameters: unknown[]) => () => sql.query(query, parameters);
    // 300 samples: with 100, the p95 is the fifth slowest call, and one busy moment moves it.
    const options = { samples: 300, warmup: 20 };
    const period = ['2026-04-01', '2027-03-31'];

    const timings = [
      await measure(
        'API: strategy map (GET /strategy-map)',
        get(`strategy-map?asOf=${AS_OF}`),
        options,
      ),
      await measure(
        'SQL: the strategy map’s queries (plan, KPI measurements, milestones at risk, tallies)',
        () => strategyMapQueries(sql, organisationId),
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
        'SQL: timeline (initiatives, milestones, their dependencies)',
        async () => {
          await sql.query(PROGRAM_VIEW_SQL.timelineInitiatives, [organisationId, ...period]);
          await sql.query(PROGRAM_VIEW_SQL.timelineMilestones, [organisationId, AS_OF, ...period]);
          await sql.query(PROGRAM_VIEW_SQL.dependencyEdges, [organisationId]);
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
    const mapBody = JSON.parse(
      Buffer.from(await get(`strategy-map?asOf=${AS_OF}`)()).toString('utf8'),
    ) as {
      outcomes: { objectives: { initiatives: { milestones: { id: string }[] }[] }[] }[];
    };
    const mapKilobytes = Math.round(
      Buffer.byteLength(JSON.stringify(mapBody)) / 1024,
    ).toLocaleString('en-GB');
    // An initiative serving two objectives appears under both: count each milestone once.
    const mapListed = new Set(
      mapBody.outcomes.flatMap((outcome) =>
        outcome.objectives.flatMap((objective) =>
          objective.initiatives.flatMap((initiative) => initiative.milestones.map(({ id }) => id)),
        ),
      ),
    ).size;
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
      `- Load average ${loadavg()[0]?.toFixed(1)} when the measurements ended (the machine is shared: compare routes within one run; my milestones, unchanged since 2026-11-24 when it measured p50 23.84 / p95 32.26 ms, shows how busy the machine was)`,
      `- The strategy map's answer: ${mapKilobytes} KB listing ${mapListed.toLocaleString('en-GB')} distinct milestones of the ${Number(counted.milestones).toLocaleString('en-GB')} (an initiative serving two objectives appears under both; until 2026-12-02 it listed every milestone: 1,926 KB)`,
      '- Aim: p95 under 100 ms for every route. On 2026-11-24, on a quiet machine, met by mine,',
      '  overdue, due soon and burn-up; not by at risk (p95 120 ms), the timeline (141) and the',
      '  strategy map (265), whose bare SQL alone was 75-110 ms at p95. Profiled then, a map call of',
      '  ~180 ms spent ~108 ms reading and judging the 5,000 milestones, ~19 ms on the KPIs and ~40 ms',
      '  serialising ~2 MB; profiled again on 2026-12-02, garbage collection, JSON and parsing rows',
      '  dominate, the domain rules (milestoneRisk, kpiStatus) take under 2 ms a call. Since',
      '  2026-12-02 an initiative with more than 12 milestones comes with its milestones at risk only',
      '  and per-initiative counts for its colour; the web reads the rest per initiative. Later on',
      '  2026-12-02: authentication in one statement (the access guard opens no transaction), the',
      '  timeline and the map read dependencies once per organisation and the timeline reads a last',
      '  check-in only where it decides the verdict, the map counts open challenges in one statement.',
      '  From 2026-12-02 (evening) the API runs as deployed, in a process of its own, each route',
      "  called 300 times; until then it ran inside the benchmark's jest process, which also parsed",
      '  each answer on the same event loop: measured back to back that way, the map was p95 126 ms',
      '  (75-86 as deployed), at risk 87 (85-94), the timeline 78 (78-84).',
      '',
      timingTable(timings),
    ]);
  } finally {
    api?.kill('SIGTERM');
    await sql.end();
    await dropTestDatabase(databaseUrl);
  }
}, 600_000);
