import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { signUp, TEST_PASSWORD } from '../test/support/factories';
import { startTestApp } from '../test/support/harness';
import { createTestDatabase, dropTestDatabase } from '../test/support/test-database';
import { machineDescription, measure, timingTable, writeReportSection } from './bench-support';

const ORGANISATIONS = 10_000;
// A consultant steering many clients: one organisation in twenty is theirs.
const MEMBERSHIPS = ORGANISATIONS / 20;
const report = path.resolve(__dirname, '../../../docs/benchmarks.md');

/**
 * The organisations slice over real HTTP against the bare SQL behind it (the floor): what the
 * API's layers (routing, validation, ORM, serialisation) add to each request.
 */
it('measures the organisations routes against their bare SQL', async () => {
  const databaseUrl = await createTestDatabase('roi_bench');
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  // The floor of the row-level-security cost: the same query as the API's role, in a transaction
  // scoped to the caller as ScopedDatabase scopes it.
  const application = new Client({ connectionString: databaseUrl, options: '-c role=roi_app' });
  await application.connect();
  const asApplication = async (userId: string, work: (client: Client) => Promise<unknown>) => {
    await application.query('BEGIN');
    await application.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
    await work(application);
    await application.query('COMMIT');
  };
  const api = await startTestApp({ databaseUrl });
  try {
    const consultant = await signUp(api);
    await sql.query(
      `WITH created AS (
         INSERT INTO organisations (name, currency, fiscal_year_start_month, time_zone, locale)
         SELECT 'Organisation ' || lpad(n::text, 6, '0'), 'EUR', 1 + n % 12, 'Europe/Paris', 'fr-FR'
         FROM generate_series(1, $1) AS n
         RETURNING id, name)
       INSERT INTO memberships (organisation_id, user_id, role)
       SELECT id, $2, 'consultant' FROM created
        WHERE substring(name FROM '[0-9]+$')::int % ($1::int / $3::int) = 0`,
      [ORGANISATIONS, consultant.id, MEMBERSHIPS],
    );
    await sql.query('ANALYZE');

    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/v1/organisations`;
    const signedIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: consultant.email, password: TEST_PASSWORD }),
    });
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const headers = {
      Cookie: signedIn.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';')[0])
        .join('; '),
      'X-CSRF-Token': csrfToken,
    };
    const middle = (
      await sql.query(
        `SELECT o.name, o.id FROM organisations o JOIN memberships m ON m.organisation_id = o.id
          WHERE m.user_id = $2 ORDER BY o.name, o.id OFFSET $1 LIMIT 1`,
        [MEMBERSHIPS / 2, consultant.id],
      )
    ).rows[0] as { name: string; id: string };
    const cursor = Buffer.from(JSON.stringify([middle.name, middle.id])).toString('base64url');
    const columns = [
      'id',
      'name',
      'description',
      'sector',
      'currency',
      'fiscal_year_start_month',
      'time_zone',
      'locale',
      'is_demo',
      'version',
      'created_at',
      'updated_at',
    ]
      .map((column) => `o.${column}`)
      .join(', ');

    const timings = [
      await measure('API: first page of 50 (GET /organisations)', () =>
        fetch(`${base}?limit=50`, { headers }).then((response) => response.json()),
      ),
      await measure('SQL: first page of 50', () =>
        sql.query(
          `SELECT ${columns} FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.user_id = $1
           ORDER BY o.name, o.id LIMIT 51`,
          [consultant.id],
        ),
      ),
      await measure('SQL as the API role, under row-level security: first page of 50', () =>
        asApplication(consultant.id, (client) =>
          client.query(
            `SELECT ${columns} FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.user_id = $1
             ORDER BY o.name, o.id LIMIT 51`,
            [consultant.id],
          ),
        ),
      ),
      await measure('API: page of 50 from the middle (cursor)', () =>
        fetch(`${base}?limit=50&cursor=${cursor}`, { headers }).then((response) => response.json()),
      ),
      await measure('SQL: page of 50 from the middle (keyset)', () =>
        sql.query(
          `SELECT ${columns} FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.user_id = $3
           WHERE (o.name, o.id) > ($1, $2) ORDER BY o.name, o.id LIMIT 51`,
          [middle.name, middle.id, consultant.id],
        ),
      ),
      await measure('API: create one (POST /organisations)', (iteration) =>
        fetch(base, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: `Bench API ${iteration}`, currency: 'GBP' }),
        }).then((response) => response.json()),
      ),
      await measure('SQL: insert one with its owner membership', (iteration) =>
        sql.query(
          `WITH created AS (INSERT INTO organisations (name, currency) VALUES ($1, 'GBP') RETURNING id)
           INSERT INTO memberships (organisation_id, user_id, role) SELECT id, $2, 'owner' FROM created`,
          [`Bench SQL ${iteration}`, consultant.id],
        ),
      ),
    ];
    const postgres = (await sql.query('SHOW server_version')).rows[0].server_version as string;
    writeReportSection(report, 'Organisations', [
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      `- Machine: ${machineDescription(`PostgreSQL ${postgres}`)}`,
      `- Data: ${ORGANISATIONS.toLocaleString('en-GB')} organisations; the caller, a consultant, belongs to ${MEMBERSHIPS.toLocaleString('en-GB')} of them`,
      '',
      timingTable(timings),
    ]);
  } finally {
    await sql.end();
    await application.end();
    await api.close();
    await dropTestDatabase(databaseUrl);
  }
}, 300_000);
