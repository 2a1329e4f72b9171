import { createReadStream, createWriteStream, openAsBlob, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { makeOrganisation, signUp, TEST_PASSWORD } from '../test/support/factories';
import { startTestApp } from '../test/support/harness';
import { createTestDatabase, dropTestDatabase } from '../test/support/test-database';
import { machineDescription, writeReportSection } from './bench-support';

const report = path.resolve(__dirname, '../../../docs/benchmarks.md');
const SIZES = (process.env.IMPORT_BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const INITIATIVES = 200;

/**
 * The cost import (upload streamed into staging, set-based validation of every field, one
 * all-or-nothing insert that keeps the rollups) against the floor: a plain `COPY` of the same file
 * into a bare table of the same columns, with no checks at all. The aims (issue 12): at least half
 * of COPY's speed, and a peak memory flat in the file's size.
 */
it('measures a cost import of 100k and 1M rows against a plain COPY of the same file', async () => {
  const databaseUrl = await createTestDatabase('roi_bench_imports');
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const api = await startTestApp({ databaseUrl });
  const rows: string[] = [];
  try {
    const owner = await signUp(api);
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
      'X-CSRF-Token': ((await signedIn.json()) as { csrfToken: string }).csrfToken,
    };
    await sql.query(`CREATE TABLE bare_costs (date date, initiative text, channel text,
      activity text, category text, amount numeric, hours numeric, note text)`);

    for (const size of SIZES) {
      const organisationId = (await makeOrganisation(owner, { currency: 'EUR' })).id;
      await sql.query(
        `INSERT INTO initiatives (organisation_id, code, name, budget, accountable_user_id, responsible_user_id)
         SELECT $1, 'I-' || lpad(g::text, 3, '0'), 'Initiative ' || g, 0, $2, $2
           FROM generate_series(1, ${INITIATIVES}) g`,
        [organisationId, owner.id],
      );
      const file = path.join(tmpdir(), `roi-bench-costs-${size}.csv`);
      await writeCostsFile(file, size);
      const megabytes = statSync(file).size / 2 ** 20;

      await sql.query('TRUNCATE bare_costs');
      let started = performance.now();
      const copy = sql.query(copyFrom(`COPY bare_costs FROM STDIN (FORMAT csv, HEADER true)`));
      await pipeline(createReadStream(file), copy);
      const copySeconds = (performance.now() - started) / 1000;

      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      started = performance.now();
      const form = new FormData();
      form.append('kind', 'costs');
      form.append('file', await openAsBlob(file), path.basename(file));
      const base = `http://127.0.0.1:${port}/api/v1/organisations/${organisationId}`;
      const accepted = await fetch(`${base}/imports`, { method: 'POST', headers, body: form });
      if (accepted.status !== 202) throw new Error(`import: ${await accepted.text()}`);
      const uploadSeconds = (performance.now() - started) / 1000;
      const { id } = (await accepted.json()) as { id: string };
      let status = 'queued';
      let body: { status: string; rowsImported: number; failure?: string } | undefined;
      while (status === 'queued' || status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 200));
        body = (await (await fetch(`${base}/imports/${id}`, { headers })).json()) as typeof body;
        status = body?.status ?? 'unknown';
      }
      const importSeconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      if (status !== 'succeeded' || body?.rowsImported !== size) {
        throw new Error(`import ended ${status}: ${JSON.stringify(body)}`);
      }
      rmSync(file);
      rows.push(
        `| ${size.toLocaleString('en-GB')} | ${megabytes.toFixed(1)} | ${copySeconds.toFixed(2)} (${Math.round(size / copySeconds).toLocaleString('en-GB')}/s) | ${uploadSeconds.toFixed(2)} | ${importSeconds.toFixed(2)} (${Math.round(size / importSeconds).toLocaleString('en-GB')}/s) | ${(copySeconds / importSeconds).toFixed(2)} | ${((peak - baseline) / 2 ** 20).toFixed(0)} |`,
      );
    }
    const [version] = (await sql.query('SHOW server_version')).rows as { server_version: string }[];
    writeReportSection(report, 'CSV import of costs', [
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      `- Machine: ${machineDescription(`PostgreSQL ${version?.server_version}`)}; load average ${loadavg()[0]?.toFixed(1)} when the measurements ended`,
      `- Data: a costs file (\`date,initiative,channel,activity,category,amount,hours,note\`) over ${INITIATIVES} initiatives, 20 channels and 30 activities, every row valid. The import is timed from the start of the upload to the job's \`succeeded\`, polled every 200 ms; the floor is \`COPY ... FROM STDIN (FORMAT csv)\` of the same file into a bare table with the same columns and no constraint, index or trigger.`,
      '- Peak memory is the API process’s resident set above its level before the upload, sampled every 20 ms (the benchmark, the API and its job worker share one process).',
      '',
      '| rows | file MB | plain COPY s | upload s | import s (upload + validation + insert) | COPY ÷ import | peak memory MB |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ]);
  } finally {
    await sql.end();
    await api.close();
    await dropTestDatabase(databaseUrl);
  }
}, 3_600_000);

async function writeCostsFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (line: string) =>
    out.write(line)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write('date,initiative,channel,activity,category,amount,hours,note\n');
  const categories = ['labour', 'media', 'tools', 'agency', 'other'];
  for (let row = 0; row < rows; row++) {
    const day = new Date(Date.UTC(2025, 0, 1) + (row % 1095) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const initiative = `I-${String(1 + (row % INITIATIVES)).padStart(3, '0')}`;
    const amount = (1 + ((row * 7919) % 100_000) / 100).toFixed(2);
    const hours = row % 3 === 0 ? '' : String(row % 9);
    const note = row % 10 === 0 ? '"Boosted post, second wave"' : '';
    await write(
      `${day},${initiative},Channel ${row % 20},Activity ${row % 30},${categories[row % 5]},${amount},${hours},${note}\n`,
    );
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error) => (error ? reject(error) : resolve())),
  );
}
