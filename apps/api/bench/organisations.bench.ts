import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApp } from '../test/support/harness';
import { createTestDatabase, dropTestDatabase } from '../test/support/test-database';
import { machineDescription, measure, timingTable } from './bench-support';

const ORGANISATIONS = 10_000;
const report = path.resolve(__dirname, '../../../docs/benchmarks.md');

/**
 * The organisations slice over real HTTP against the bare SQL behind it (the floor): what the
 * API's layers (routing, validation, ORM, serialisation) add to each request.
 */
it('measures the organisations routes against their bare SQL', async () => {
  const databaseUrl = await createTestDatabase('roi_bench');
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const api = await startTestApp({ databaseUrl });
  try {
    await sql.query(
      `INSERT INTO organisations (name, currency, fiscal_year_start_month, time_zone, locale)
       SELECT 'Organisation ' || lpad(n::text, 6, '0'), 'EUR', 1 + n % 12, 'Europe/Paris', 'fr-FR'
       FROM generate_series(1, $1) AS n`,
      [ORGANISATIONS],
    );
    await sql.query('ANALYZE organisations');
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/v1/organisations`;
    const middle = (
      await sql.query(`SELECT name, id FROM organisations ORDER BY name, id OFFSET $1 LIMIT 1`, [
        ORGANISATIONS / 2,
      ])
    ).rows[0] as { name: string; id: string };
    const cursor = Buffer.from(JSON.stringify([middle.name, middle.id])).toString('base64url');
    const columns =
      'id, name, description, sector, currency, fiscal_year_start_month, time_zone, locale, is_demo, version, created_at, updated_at';

    const timings = [
      await measure('API: first page of 50 (GET /organisations)', () =>
        fetch(`${base}?limit=50`).then((response) => response.json()),
      ),
      await measure('SQL: first page of 50', () =>
        sql.query(`SELECT ${columns} FROM organisations ORDER BY name, id LIMIT 51`),
      ),
      await measure('API: page of 50 from the middle (cursor)', () =>
        fetch(`${base}?limit=50&cursor=${cursor}`).then((response) => response.json()),
      ),
      await measure('SQL: page of 50 from the middle (keyset)', () =>
        sql.query(
          `SELECT ${columns} FROM organisations WHERE (name, id) > ($1, $2) ORDER BY name, id LIMIT 51`,
          [middle.name, middle.id],
        ),
      ),
      await measure('API: create one (POST /organisations)', (iteration) =>
        fetch(base, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: `Bench API ${iteration}`, currency: 'GBP' }),
        }).then((response) => response.json()),
      ),
      await measure('SQL: insert one', (iteration) =>
        sql.query(
          `INSERT INTO organisations (name, currency) VALUES ($1, 'GBP') RETURNING ${columns}`,
          [`Bench SQL ${iteration}`],
        ),
      ),
    ];
    const postgres = (await sql.query('SHOW server_version')).rows[0].server_version as string;
    writeFileSync(
      report,
      [
        '# Benchmarks',
        '',
        'Written by `npm run bench`; do not edit by hand. Each API figure is a full HTTP round trip',
        'over loopback (keep-alive), sequential, after a warm-up; beside it, the bare SQL the route',
        'runs, through one `pg` connection: the floor. The gap is what routing, validation, the ORM',
        'and serialisation add.',
        '',
        `- Date: ${new Date().toISOString().slice(0, 10)}`,
        `- Machine: ${machineDescription(`PostgreSQL ${postgres}`)}`,
        `- Data: ${ORGANISATIONS.toLocaleString('en-GB')} organisations`,
        '',
        '## Organisations',
        '',
        timingTable(timings),
        '',
      ].join('\n'),
    );
  } finally {
    await sql.end();
    await api.close();
    await dropTestDatabase(databaseUrl);
  }
}, 300_000);
