import { Client } from 'pg';
import { FUZZ_EMAIL_DOMAIN } from './openapi-arbitraries';

export type RowCounts = Record<string, number>;

/**
 * Counts the rows the fuzzing owner could have written: every table that carries an
 * organisation_id (audit_log included), for its organisation and the other one it must not
 * reach, plus the owner's sessions and memberships and the users signed up by the suite. Scoped
 * this way, the counts do not move when other test files write at the same time.
 *
 * One query, on one connection kept open for the run (as the database owner, past row-level
 * security like api.sql): api.sql opens a connection per query, about 40 ms here, which would
 * cost more than the request it checks.
 */
export class RowCounter {
  private constructor(
    private readonly client: Client,
    private readonly query: string,
    private readonly parameters: unknown[],
  ) {}

  static async open(
    databaseUrl: string,
    scope: { organisationIds: string[]; ownerId: string },
  ): Promise<RowCounter> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'organisation_id'
        ORDER BY table_name`,
    );
    const counts = [
      ...rows.map(
        ({ table_name: table }) =>
          `SELECT '${table}' AS name, count(*) AS n FROM "${table}"
            WHERE organisation_id = ANY($1::uuid[])`,
      ),
      `SELECT 'memberships of the owner', count(*) FROM memberships WHERE user_id = $2`,
      `SELECT 'sessions of the owner', count(*) FROM sessions WHERE user_id = $2`,
      `SELECT 'users signed up by the suite', count(*) FROM users WHERE email LIKE $3`,
    ];
    return new RowCounter(client, counts.join('\nUNION ALL\n'), [
      scope.organisationIds,
      scope.ownerId,
      `%@${FUZZ_EMAIL_DOMAIN}`,
    ]);
  }

  async counts(): Promise<RowCounts> {
    const { rows } = await this.client.query<{ name: string; n: string }>(
      this.query,
      this.parameters,
    );
    return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** What changed between two counts, as `outcomes 3 → 4`, or undefined. */
export function countChanges(before: RowCounts, after: RowCounts): string | undefined {
  const changed = Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name} ${before[name] ?? 0} → ${after[name] ?? 0}`);
  return changed.length > 0 ? changed.join(', ') : undefined;
}
