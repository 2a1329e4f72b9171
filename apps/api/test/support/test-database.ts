import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { prepareDatabase } from '../../src/database/prepare-database';

/** The server the tests use: TEST_DATABASE_URL, else the local PostgreSQL with trust auth. */
export const serverUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates a throwaway database on the test server and prepares it exactly as the API does at
 * start (migrations, and the demo when asked); returns its URL.
 */
export async function createTestDatabase(
  prefix = 'roi_test',
  options: { seedDemo?: boolean } = {},
): Promise<string> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await prepareDatabase(url.toString(), { seedDemo: options.seedDemo ?? false });
  return url.toString();
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

/**
 * A query as the database owner, past row-level security: for tests to check what really is in
 * the database, or to age a session, never to set up what the API should do itself.
 */
export async function ownerQuery<T = Record<string, unknown>>(
  databaseUrl: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  return withClient(
    databaseUrl,
    async (client) => (await client.query(sql, parameters)).rows as T[],
  );
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
