import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { makeOrganisation, signUp, TEST_PASSWORD } from '../test/support/factories';
import { startTestApp } from '../test/support/harness';
import { createTestDatabase, dropTestDatabase } from '../test/support/test-database';
import { machineDescription, measure, timingTable, writeReportSection } from './bench-support';
import {
  ACTIVITIES,
  BATCH,
  CHANNELS,
  DAYS,
  FIRST_DAY,
  INITIATIVES,
  seedLedgers,
  seedPlan,
} from './seed-ledgers';

const report = path.resolve(__dirname, '../../../docs/benchmarks.md');
// Three years of entries (seed-ledgers.ts); the reports ask for the last of them.
const PERIOD = { from: '2027-01-01', to: '2027-12-31' };
const SMALL = 10_000;
const LARGE = Number(process.env.ROI_BENCH_LARGE_ROWS ?? 10_000_000);

/**
 * The ROI engine on a ledger of 10,000 rows and on one of 10,000,000 rows of the same shape (200
 * initiatives, 20 channels, 30 activities, three years, half costs and half values), over real
 * HTTP, beside the bare SQL aggregate of the raw rows that the rollups exist to avoid. The aim
 * (issue 12): p95 at 10M within 1.5x of p95 at 10k.
 */
it('measures the ROI report at 10k and 10M ledger rows against the bare aggregate', async () => {
  const databaseUrl = await createTestDatabase('roi_bench_roi');
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  await sql.query('SET jit = off');
  const api = await startTestApp({ databaseUrl });
  try {
    const owner = await signUp(api);
    const small = (await makeOrganisation(owner, { timeZone: 'UTC', currency: 'EUR' })).id;
    const large = (await makeOrganisation(owner, { timeZone: 'UTC', currency: 'EUR' })).id;
    await seedPlan(sql, small, owner.id);
    await seedPlan(sql, large, owner.id);
    await seedLedgers(sql, small, SMALL);
    const started = performance.now();
    await seedLedgers(sql, large, LARGE);
    const seedSeconds = (performance.now() - started) / 1000;
    await sql.query('VACUUM ANALYZE');

    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
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
    const get = (organisationId: string, route: string) => async () => {
      const response = await fetch(
        `http://127.0.0.1:${port}/api/v1/organisations/${organisationId}/${route}`,
        { headers },
      );
      if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const rawAggregate = (organisationId: string) => async () => {
      for (const table of ['cost_entries', 'value_entries']) {
        await sql.query(
          `SELECT initiative_id, sum(amount)${table === 'value_entries' ? ', sum(amount * confidence)' : ''}
             FROM ${table} WHERE organisation_id = $1 AND date BETWEEN $2 AND $3
            GROUP BY initiative_id`,
          [organisationId, PERIOD.from, PERIOD.to],
        );
      }
    };
    const query = `from=${PERIOD.from}&to=${PERIOD.to}`;
    const options = { samples: 100, warmup: 10 };
    const timings = [];
    const short = (rows: number) =>
      rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1_000}k`;
    for (const [organisationId, rows] of [
      [small, SMALL],
      [large, LARGE],
    ] as const) {
      const label = short(rows);
      const size = `${rows.toLocaleString('en-GB')} rows`;
      timings.push(
        await measure(
          `API (${label}): ROI by initiative, with payback and budget (GET /roi)`,
          get(organisationId, `roi?${query}&groupBy=initiative`),
          options,
        ),
        await measure(
          `API (${label}): ROI by channel per month (GET /roi?interval=month)`,
          get(organisationId, `roi?${query}&groupBy=channel&interval=month`),
          options,
        ),
        await measure(
          `API (${label}): reallocation (GET /reallocation)`,
          get(organisationId, `reallocation?${query}`),
          options,
        ),
        await measure(
          `SQL (${label}): bare aggregate by initiative over the raw ledger rows, ${size}`,
          rawAggregate(organisationId),
          { samples: rows > 100_000 ? 10 : 100, warmup: rows > 100_000 ? 1 : 10 },
        ),
      );
    }
    const [version] = (await sql.query('SHOW server_version')).rows as { server_version: string }[];
    writeReportSection(report, 'ROI engine', [
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      `- Machine: ${machineDescription(`PostgreSQL ${version?.server_version}`)}; load average ${loadavg()[0]?.toFixed(1)} when the measurements ended`,
      `- Data: two organisations of the same shape (${INITIATIVES} initiatives, ${CHANNELS} channels, ${ACTIVITIES} activities, entries spread over ${DAYS} days from ${FIRST_DAY}, half costs and half values): ${SMALL.toLocaleString('en-GB')} and ${LARGE.toLocaleString('en-GB')} ledger rows. Each report asks for ${PERIOD.from} to ${PERIOD.to}.`,
      `- Seeding the large ledger (set-based inserts of ${BATCH.toLocaleString('en-GB')} rows, the rollup triggers running on each) took ${seedSeconds.toFixed(0)} s.`,
      '- The reports read the rollups (whole months from the monthly ones, the days around them from the daily ones), whose size grows with months, days and groups, not with ledger rows; the bare aggregate reads the rows themselves.',
      '',
      timingTable(timings),
    ]);
  } finally {
    await sql.end();
    await api.close();
    // ROI_BENCH_KEEP=1 keeps the data to study a plan with EXPLAIN afterwards.
    if (process.env.ROI_BENCH_KEEP) console.log(`kept ${databaseUrl}`);
    else await dropTestDatabase(databaseUrl);
  }
}, 3_600_000);
