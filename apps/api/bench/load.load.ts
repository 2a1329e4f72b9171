import autocannon from 'autocannon';
import { type ChildProcess, execSync } from 'node:child_process';
import { freemem, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { PROGRAM_VIEW_SQL } from '../src/modules/execution/program-views.queries';
import { makeOrganisation, signUp } from '../test/support/factories';
import { startTestApp } from '../test/support/harness';
import { createTestDatabase, dropTestDatabase } from '../test/support/test-database';
import {
  measure,
  signInOnPort,
  startBuiltApi,
  timingTable,
  writeReportSection,
} from './bench-support';
import { AS_OF, seedLargePlan, strategyMapQueries } from './seed-plan';
import { CHANNELS, seedLedgers } from './seed-ledgers';

/**
 * `npm run bench:load`: the built API under a steady mix of what people do all day, at one and
 * at two processes sharing one PostgreSQL, driven by autocannon over loopback. Closed loop: a
 * fixed number of connections, each sending its next request when the last is answered, so the
 * figures say how much one machine serves and how long each request waits meanwhile.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 16);
const LEDGER_ROWS = 10_000;
const FIRST_PORT = 39300 + Math.floor(Math.random() * 500);
const root = path.resolve(__dirname, '../../..');
const report = path.join(root, 'docs/benchmarks.md');

interface Sample {
  route: string;
  status: number;
  ms: number;
}

it('drives the mix at one and at two API processes', async () => {
  const databaseUrl = await createTestDatabase('roi_bench_load');
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  await sql.query('SET jit = off');
  const processes: ChildProcess[] = [];
  try {
    const setup = await startTestApp({ databaseUrl });
    const owner = await signUp(setup);
    const organisationId = (await makeOrganisation(owner, { timeZone: 'UTC' })).id;
    await setup.close();
    await seedLargePlan(sql, organisationId, owner.id);
    await sql.query(
      `INSERT INTO channels (organisation_id, label)
       SELECT $1, 'Channel ' || g FROM generate_series(1, ${CHANNELS}) g;`,
      [organisationId],
    );
    await sql.query(
      `INSERT INTO activities (organisation_id, label)
       SELECT $1, 'Activity ' || g FROM generate_series(1, 30) g`,
      [organisationId],
    );
    await seedLedgers(sql, organisationId, LEDGER_ROWS);
    const cycleId = (
      await sql.query(
        `INSERT INTO cycles (organisation_id, name, starts_on, ends_on)
         VALUES ($1, 'FY 2026', '2026-04-01', '2027-03-31') RETURNING id`,
        [organisationId],
      )
    ).rows[0].id as string;
    await sql.query('ANALYZE');
    const ids = async (query: string) =>
      (await sql.query(query, [organisationId])).rows.map((row: { id: string }) => row.id);
    const initiatives = await ids(`SELECT id FROM initiatives WHERE organisation_id = $1`);
    const openMilestones = await ids(
      `SELECT id FROM milestones WHERE organisation_id = $1 AND status IN ('planned', 'in_progress')`,
    );

    const ports = [FIRST_PORT, FIRST_PORT + 1];
    for (const port of ports)
      processes.push(
        await startBuiltApi(databaseUrl, port, { env: { JOB_WORKERS: 'off' }, stdout: 'ignore' }),
      );
    const signedIn = await signInOnPort(ports[0]!, owner.email);
    const base = `/api/v1/organisations/${organisationId}`;
    const mix = requestMix(base, { cycleId, initiatives, openMilestones });
    const headers = { ...signedIn, 'Content-Type': 'application/json' };

    const loadBefore = loadAverage();
    // Warm both processes (JIT, caches, pools) before anything is measured.
    await drive(ports, mix, headers, 5, CONNECTIONS);
    const runs = [];
    for (const processCount of [1, 2]) {
      const active = ports.slice(0, processCount);
      const sampler = sampleConnections(databaseUrl);
      const started = Date.now();
      const samples = await drive(active, mix, headers, SECONDS, CONNECTIONS);
      const seconds = (Date.now() - started) / 1000;
      runs.push({ processCount, samples, seconds, connections: await sampler.stop() });
    }

    const floor = await measureFloor(sql, organisationId, owner.id, initiatives[0]!);
    const postgres = (await sql.query('SHOW server_version')).rows[0].server_version as string;
    writeReportSection(report, 'Load: a day’s mix at one and two API processes', [
      `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      `- Machine: ${machine(postgres)}`,
      `- Load average (1, 5, 15 min) before the runs: ${loadBefore}; after: ${loadAverage()} (the machine is shared: above 2, other builds and tests ran beside and every figure is slower than the machine alone would give)`,
      `- Data: the plan benchmark's organisation (200 initiatives, 5,000 milestones, 50,000 check-ins, 120 KPIs) with ${LEDGER_ROWS.toLocaleString('en-GB')} ledger rows and a cycle; signed in as its owner (one session, as a browser)`,
      `- Driver: autocannon ${autocannonVersion()} on the same machine (it takes a share of the 2 cores), ${CONNECTIONS} connections, closed loop, ${SECONDS} s per run after a 5 s warm-up; at two processes each process gets half of the connections on its own port (no proxy in between: the two processes alternate connection by connection)`,
      '- Mix, per 10 requests: 1 dashboard, 1 strategy map, 4 lists (initiatives, the milestones of an initiative, my milestones, at risk), 2 check-ins, 2 cost entries (writes in one transaction each, with their audit rows)',
      '- API pool: 10 connections per process (typeorm-options); "DB connections" counts the database’s server processes for this database in pg_stat_activity, sampled every 250 ms',
      '',
      loadTable(runs),
      '',
      'Per route, at one process:',
      '',
      routeTable(runs[0]!.samples),
      '',
      'Per route, at two processes:',
      '',
      routeTable(runs[1]!.samples),
      '',
      'The bare SQL of the same reads, one at a time through one connection (the floor):',
      '',
      timingTable(floor),
    ]);
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    await sql.end();
    await sleep(500);
    await dropTestDatabase(databaseUrl);
  }
}, 900_000);

interface MixIds {
  cycleId: string;
  initiatives: string[];
  openMilestones: string[];
}

type MixRequest = autocannon.Request & { name: string };

/** Ten requests in the order a connection sends them, again and again, ids drawn at random. */
function requestMix(base: string, ids: MixIds): MixRequest[] {
  const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)]!;
  const get = (name: string, route: () => string): MixRequest => ({
    name,
    method: 'GET',
    path: `${base}/${route()}`,
    setupRequest: (request) => ({ ...request, path: `${base}/${route()}` }),
  });
  const checkIn: MixRequest = {
    name: 'POST check-in',
    method: 'POST',
    path: `${base}/milestones/${pick(ids.openMilestones)}/check-ins`,
    setupRequest: (request) => ({
      ...request,
      path: `${base}/milestones/${pick(ids.openMilestones)}/check-ins`,
      body: JSON.stringify({
        date: AS_OF,
        progress: Math.floor(Math.random() * 100),
        confidence: ['low', 'medium', 'high'][Math.floor(Math.random() * 3)],
        note: 'Load test check-in',
      }),
    }),
  };
  const costEntry: MixRequest = {
    name: 'POST cost entry',
    method: 'POST',
    path: `${base}/cost-entries`,
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({
        date: AS_OF,
        initiativeId: pick(ids.initiatives),
        channel: `Channel ${1 + Math.floor(Math.random() * CHANNELS)}`,
        activity: `Activity ${1 + Math.floor(Math.random() * 30)}`,
        category: 'media',
        amount: (Math.random() * 1000).toFixed(2),
      }),
    }),
  };
  return [
    get('GET dashboard', () => `dashboard?cycleId=${ids.cycleId}&asOf=${AS_OF}`),
    get('GET initiatives', () => 'initiatives'),
    checkIn,
    get(
      'GET milestones of an initiative',
      () => `milestones?initiativeId=${pick(ids.initiatives)}`,
    ),
    costEntry,
    get('GET strategy map', () => `strategy-map?asOf=${AS_OF}`),
    get('GET my milestones', () => `milestones/views/mine?asOf=${AS_OF}`),
    checkIn,
    get('GET at risk', () => `milestones/views/at-risk?asOf=${AS_OF}`),
    costEntry,
  ];
}

/** Runs autocannon against each port at once, the connections shared out, and keeps every answer. */
async function drive(
  ports: number[],
  requests: MixRequest[],
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  await Promise.all(
    ports.map(
      (port) =>
        new Promise<void>((resolve, reject) => {
          const instance = autocannon(
            {
              url: `http://127.0.0.1:${port}`,
              connections: Math.round(connections / ports.length),
              duration: seconds,
              headers,
              requests,
            },
            (error) => (error ? reject(error) : resolve()),
          );
          instance.on('response', (client, status, _bytes, ms) => {
            // Without pipelining, the request answered is the one its connection has current.
            const current = (
              client as unknown as { requestIterator?: { currentRequest?: MixRequest } }
            ).requestIterator?.currentRequest;
            samples.push({ route: current?.name ?? 'unknown', status, ms });
          });
        }),
    ),
  );
  return samples;
}

function sampleConnections(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new Client({ connectionString: databaseUrl });
  const seen: { total: number; active: number }[] = [];
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const row = (
        await client.query(
          `SELECT count(*)::int AS total, count(*) FILTER (WHERE state = 'active')::int AS active
             FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        )
      ).rows[0] as { total: number; active: number };
      seen.push(row);
      await sleep(250);
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const most = (key: 'total' | 'active') => Math.max(0, ...seen.map((row) => row[key]));
      const mean = seen.reduce((sum, row) => sum + row.active, 0) / Math.max(1, seen.length);
      return { total: most('total'), active: most('active'), meanActive: mean };
    },
  };
}

/** The bare SQL behind the reads of the mix, sequential, through one connection. */
async function measureFloor(
  sql: Client,
  organisationId: string,
  ownerId: string,
  initiativeId: string,
) {
  const options = { samples: 100, warmup: 10 };
  return [
    await measure(
      'SQL: strategy map (plan, KPI measurements, milestones at risk, tallies)',
      () => strategyMapQueries(sql, organisationId),
      options,
    ),
    await measure(
      'SQL: initiatives',
      () =>
        sql.query(`SELECT * FROM initiatives WHERE organisation_id = $1 ORDER BY code`, [
          organisationId,
        ]),
      options,
    ),
    await measure(
      'SQL: milestones of an initiative',
      () => sql.query(PROGRAM_VIEW_SQL.list, [organisationId, AS_OF, initiativeId, null, null]),
      options,
    ),
    await measure(
      'SQL: my milestones',
      () => sql.query(PROGRAM_VIEW_SQL.mine, [organisationId, AS_OF, ownerId]),
      options,
    ),
    await measure(
      'SQL: at risk',
      () => sql.query(PROGRAM_VIEW_SQL.atRisk, [organisationId, AS_OF]),
      options,
    ),
  ];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function loadTable(
  runs: {
    processCount: number;
    samples: Sample[];
    seconds: number;
    connections: { total: number; active: number; meanActive: number };
  }[],
): string {
  return [
    '| API processes | requests | requests/s | p50 ms | p95 ms | p99 ms | errors (non-2xx) | DB connections (most / most active / mean active) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...runs.map(({ processCount, samples, seconds, connections }) => {
      const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
      const errors = samples.filter((sample) => sample.status >= 300).length;
      return `| ${processCount} | ${samples.length} | ${(samples.length / seconds).toFixed(1)} | ${quantile(sorted, 0.5).toFixed(0)} | ${quantile(sorted, 0.95).toFixed(0)} | ${quantile(sorted, 0.99).toFixed(0)} | ${errors} (${((100 * errors) / Math.max(1, samples.length)).toFixed(2)} %) | ${connections.total} / ${connections.active} / ${connections.meanActive.toFixed(1)} |`;
    }),
  ].join('\n');
}

function routeTable(samples: Sample[]): string {
  const byRoute = new Map<string, Sample[]>();
  for (const sample of samples) {
    byRoute.set(sample.route, [...(byRoute.get(sample.route) ?? []), sample]);
  }
  return [
    '| route | requests | p50 ms | p95 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...[...byRoute].map(([route, list]) => {
      const sorted = list.map((sample) => sample.ms).sort((a, b) => a - b);
      const errors = list.filter((sample) => sample.status >= 300);
      const statuses = [...new Set(errors.map((sample) => sample.status))].join(', ');
      return `| ${route} | ${list.length} | ${quantile(sorted, 0.5).toFixed(0)} | ${quantile(sorted, 0.95).toFixed(0)} | ${quantile(sorted, 0.99).toFixed(0)} | ${errors.length}${statuses ? ` (${statuses})` : ''} |`;
    }),
  ].join('\n');
}

function machine(postgresVersion: string): string {
  const cpus = execSync('nproc').toString().trim();
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB (${Math.round(freemem() / 2 ** 30)} GiB free)`;
  return `${cpus} cores (nproc), ${memory}, Node ${process.version}, PostgreSQL ${postgresVersion}`;
}

function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

function autocannonVersion(): string {
  return (require('autocannon/package.json') as { version: string }).version;
}
